#include "generator/standinpresence.h"
#include "generatorpage.h"
#include "httpget.h"
#include "remotestandinpanel.h"
#include "screenshots.h"
#include "standincountersview.h"
#include "streamstack.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kKey = QStringLiteral("remote");
const QString kSecret = QStringLiteral("remote7f3a9c21d4e8b605");

template <typename T> T* child(QWidget& parent, const char* name) {
    return parent.findChild<T*>(QString::fromLatin1(name));
}

} // namespace

// The Stand-in page watching a stand-in that runs elsewhere, as an admin does with the one on the AVideo
// server: a real stand-in on loopback (its own HTTP server, its /healthz and /metrics), asked for real
// pictures of a real stream, watched through the panel's field and button.
class TestRemoteStandInPanel : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QNetworkAccessManager m_network;

    QUrl imageUrl(const QUrl& encoderUrl) const {
        const QByteArray base64 = m_stack.hlsUrl(kKey).toEncoded().toBase64().toPercentEncoding();
        return QUrl::fromEncoded(encoderUrl.toEncoded() + "objects/getImage.php?base64Url=" + base64 +
                                 "&format=jpg");
    }

    static bool startStandIn(StandInController& controller) {
        GeneratorConfig config;
        config.port = 0;
        config.pathPrefix = QLatin1Char('/') + kSecret + QLatin1Char('/');
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        config.maxWorkers = 2;
        controller.start(config);
        return QTest::qWaitFor([&] { return controller.isRunning(); }, 10000);
    }

    static QString status(QWidget& panel) { return child<QLabel>(panel, "remoteStatusLabel")->text(); }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish(StreamSpec{.key = kKey, .size = QSize(640, 360)}, 25000, 1);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void watchesTheStandInsHealthAndCounters() {
        StandInController remote; // stands for the one on the AVideo server
        QVERIFY(startStandIn(remote));
        const Result<QUrl> encoderUrl = remote.encoderUrlFor();
        QVERIFY(encoderUrl.ok());

        StandInController own;
        GeneratorPage page(own);
        auto* panel = new RemoteStandInPanel(m_network);
        page.setRemotePanel(panel);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        auto* field = child<QLineEdit>(page, "remoteUrlField");
        QCOMPARE(field->echoMode(), QLineEdit::PasswordEchoOnEdit); // the secret shows only while typed
        QTest::keyClicks(field, encoderUrl->toString());
        auto* watch = child<QPushButton>(page, "remoteWatchButton");
        QCOMPARE(watch->text(), QStringLiteral("Watch"));
        QTest::mouseClick(watch, Qt::LeftButton);
        QCOMPARE(watch->text(), QStringLiteral("Stop watching"));
        QVERIFY(!field->isEnabled());
        QVERIFY2(!field->displayText().contains(QStringLiteral("remote7f3a")),
                 qPrintable(field->displayText()));
        QVERIFY2(QTest::qWaitFor([&] { return status(*panel).startsWith(QStringLiteral("✓")); }, 10000),
                 qPrintable(status(*panel)));
        QVERIFY2(!status(*panel).contains(kSecret), qPrintable(status(*panel)));
        const Result<StandinPresence> presence = StandinPresence::fromHealthJson(
            httpGet(encoderUrl->resolved(QUrl(QStringLiteral("healthz")))).body);
        QVERIFY(presence.ok());
        QVERIFY2(status(*panel).contains(presence->instance), qPrintable(status(*panel)));

        // Pictures asked of the remote stand-in show in the panel's counters within a poll or two.
        HttpReply reply;
        for (int i = 0; i < 100 && !(reply.status == 200 && !reply.body.isEmpty()); ++i) {
            reply = httpGet(imageUrl(*encoderUrl), 5000);
            if (reply.body.isEmpty())
                QTest::qWait(150);
        }
        QVERIFY2(reply.status == 200 && !reply.body.isEmpty(), qPrintable(reply.error));
        qint64 served = 1;
        for (int i = 0; i < 4; ++i, ++served)
            QVERIFY(!httpGet(imageUrl(*encoderUrl), 5000).body.isEmpty());
        auto* counters = child<StandInCountersView>(page, "remoteCounters");
        QVERIFY(counters->isVisible());
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return counters->value(QStringLiteral("Images served")) ==
                                QLocale().toString(served);
                     },
                     10000),
                 qPrintable(counters->value(QStringLiteral("Images served"))));
        QVERIFY2(
            QTest::qWaitFor([&] { return status(*panel).contains(QStringLiteral("last image")); }, 10000),
            qPrintable(status(*panel)));
        saveScreenshot(page, QStringLiteral("standin-remote"));

        QTest::mouseClick(watch, Qt::LeftButton);
        QCOMPARE(watch->text(), QStringLiteral("Watch"));
        QVERIFY(field->isEnabled());
        QCOMPARE(status(*panel), QStringLiteral("Not watching."));
    }

    // What goes wrong says what it is and what to do; the watch goes on trying.
    void saysWhatIsWrong_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong prefix")
            << QStringLiteral("wrong-prefix") << QStringLiteral("secret prefix is wrong");
        QTest::newRow("nothing listens") << QStringLiteral("closed-port") << QStringLiteral("refused");
        QTest::newRow("not a URL") << QStringLiteral("not-a-url")
                                   << QStringLiteral("is not a stand-in's Encoder URL");
    }

    void saysWhatIsWrong() {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        StandInController remote;
        QVERIFY(startStandIn(remote));
        QString url;
        if (what == QStringLiteral("wrong-prefix")) {
            url = QStringLiteral("http://127.0.0.1:%1/otherprefix123456789/").arg(remote.config().port);
        } else if (what == QStringLiteral("closed-port")) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            url = QStringLiteral("http://127.0.0.1:%1/%2/").arg(probe.serverPort()).arg(kSecret);
        } else {
            url = QStringLiteral("ftp:/nowhere");
        }
        RemoteStandInPanel panel(m_network);
        panel.show();
        QTest::keyClicks(child<QLineEdit>(panel, "remoteUrlField"), url);
        QTest::keyClick(child<QLineEdit>(panel, "remoteUrlField"), Qt::Key_Return);
        QVERIFY2(QTest::qWaitFor([&] { return status(panel).contains(expected); }, 10000),
                 qPrintable(status(panel)));
        QVERIFY(status(panel).startsWith(QStringLiteral("✗")));
        QVERIFY2(!status(panel).contains(kSecret), qPrintable(status(panel)));
        QCOMPARE(panel.isWatching(), what != QStringLiteral("not-a-url"));
    }
};

QTEST_MAIN(TestRemoteStandInPanel)
#include "tst_remotestandinpanel.moc"
