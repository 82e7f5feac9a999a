#include "clippedtext.h"
#include "generatorpage.h"
#include "httpget.h"
#include "latencychartview.h"
#include "messagebar.h"
#include "screenshots.h"
#include "standincountersview.h"
#include "streamstack.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kKey = QStringLiteral("page");

template <typename T> T* child(QWidget& parent, const char* name) {
    return parent.findChild<T*>(QString::fromLatin1(name));
}

} // namespace

class TestGeneratorPage : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;

    static GeneratorConfig pageDefaults() {
        GeneratorConfig config;
        config.port = 0;
        config.pathPrefix = QStringLiteral("/");
        config.allowedHosts = {};
        config.maxWorkers = 2;
        return config;
    }

    QUrl imageUrl(const QUrl& encoderUrl) const {
        const QByteArray base64 = m_stack.hlsUrl(kKey).toEncoded().toBase64().toPercentEncoding();
        return QUrl::fromEncoded(encoderUrl.toEncoded() + "objects/getImage.php?base64Url=" + base64 +
                                 "&format=jpg");
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish(StreamSpec{.key = kKey, .size = QSize(640, 360)}, 25000, 1);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void runsTheStandInFromThePage() {
        StandInController controller;
        GeneratorPage page(controller);
        page.setDefaults(pageDefaults());
        page.resize(1280, 780);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        // The form: a generated secret, an allowed host added by hand.
        auto* prefix = child<QLineEdit>(page, "prefixField");
        QVERIFY(prefix);
        QCOMPARE(prefix->echoMode(), QLineEdit::Password);
        QTest::mouseClick(child<QPushButton>(page, "generatePrefixButton"), Qt::LeftButton);
        const QString secret = prefix->text();
        QCOMPARE(secret.size(), 32);
        auto* hostEntry = child<QLineEdit>(page, "allowedHostEntry");
        QTest::keyClicks(hostEntry, QStringLiteral("127.0.0.1"));
        QTest::mouseClick(child<QPushButton>(page, "addHostButton"), Qt::LeftButton);
        QCOMPARE(child<QListWidget>(page, "allowedHostsList")->count(), 1);
        QCOMPARE(child<QSpinBox>(page, "portSpin")->value(), 0);
        // How old an image may be before a request waits for a new grab: AVideo's contract default, editable.
        auto* grabAfter = child<QSpinBox>(page, "grabAfterSpin");
        QCOMPARE(grabAfter->value(), 2000);
        grabAfter->setValue(1500);
        QCOMPARE(page.config().grabOnRequestAfterMs, 1500);
        QCOMPARE(page.config().pathPrefix, QLatin1Char('/') + secret + QLatin1Char('/'));
        QCOMPARE(page.config().allowedHosts, QStringList{QStringLiteral("127.0.0.1")});

        // Start: the URL fills, masked; Copy puts the real one on the clipboard.
        auto* startStop = child<QPushButton>(page, "startStopButton");
        QCOMPARE(startStop->text(), QStringLiteral("Start"));
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(!startStop->isEnabled()); // starting
        QVERIFY(QTest::qWaitFor([&] { return controller.isRunning(); }, 10000));
        QVERIFY(startStop->isEnabled());
        QCOMPARE(startStop->text(), QStringLiteral("Stop"));
        QVERIFY(!child<QWidget>(page, "settingsGroup")->isEnabled());
        auto* urlField = child<QLineEdit>(page, "encoderUrlField");
        const QUrl encoderUrl = page.encoderUrl();
        QCOMPARE(encoderUrl.toString(),
                 QStringLiteral("http://127.0.0.1:%1/%2/").arg(controller.config().port).arg(secret));
        QVERIFY(urlField->isReadOnly());
        QVERIFY2(!urlField->text().contains(secret), qPrintable(urlField->text()));
        QVERIFY(urlField->text().startsWith(QStringLiteral("http://127.0.0.1:")));
        auto* state = child<QLabel>(page, "stateLabel");
        QVERIFY2(state->text().startsWith(QStringLiteral("Running at http://127.0.0.1:")),
                 qPrintable(state->text()));
        QVERIFY(!state->text().contains(secret));
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>(page, "copyUrlButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), encoderUrl.toString());
        auto* show = child<QPushButton>(page, "showSecretButton");
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(urlField->text(), encoderUrl.toString());
        QCOMPARE(prefix->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(show, Qt::LeftButton);
        QVERIFY(!urlField->text().contains(secret));

        // Traffic: counters move and the chart gets points.
        int requests = 0;
        HttpReply reply;
        for (int i = 0; i < 100 && !(reply.status == 200 && !reply.body.isEmpty()); ++i) {
            reply = httpGet(imageUrl(encoderUrl), 5000);
            ++requests;
            if (reply.body.isEmpty())
                QTest::qWait(150);
        }
        QVERIFY2(reply.status == 200 && !reply.body.isEmpty(), qPrintable(reply.error));
        for (int i = 0; i < 20; ++i, ++requests)
            QCOMPARE(httpGet(imageUrl(encoderUrl), 5000).status, 200);
        auto* counters = child<StandInCountersView>(page, "countersTable");
        QVERIFY(counters);
        const QString expected = QLocale().toString(requests);
        QVERIFY2(
            QTest::qWaitFor([&] { return counters->value(QStringLiteral("Requests")) == expected; }, 5000),
            qPrintable(counters->value(QStringLiteral("Requests")) + QStringLiteral(" != ") + expected));
        QVERIFY(counters->value(QStringLiteral("Cache hits")).toInt() >= 20);
        QVERIFY(counters->value(QStringLiteral("Grabs")).toInt() >= 1);
        auto* chart = child<LatencyChartView>(page, "latencyChart");
        QVERIFY(chart);
        QVERIFY(QTest::qWaitFor([&] { return chart->pointCount() > 0; }, 5000));
        // A few more seconds of traffic for the picture.
        for (int second = 0; second < 4; ++second) {
            for (int i = 0; i < 5; ++i)
                (void)httpGet(imageUrl(encoderUrl), 5000);
            QTest::qWait(1000);
        }
        QVERIFY(chart->pointCount() >= 2);

        // Verification is the app's job: the page asks and shows the verdict.
        auto* verify = child<QPushButton>(page, "verifyButton");
        QVERIFY(verify->isEnabled());
        QSignalSpy verifyRequested(&page, &GeneratorPage::verifyRequested);
        QTest::mouseClick(verify, Qt::LeftButton);
        QCOMPARE(verifyRequested.size(), 1);
        page.showVerification(QStringLiteral("OK - the site now serves our frames for 3 of 3 lives"), true);
        QVERIFY(child<QLabel>(page, "verificationLabel")->text().contains(QStringLiteral("3 of 3")));
        QVERIFY(!test::saveScreenshot(page, QStringLiteral("generator-page")).isEmpty());

        // Stop.
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(
            QTest::qWaitFor([&] { return controller.phase() == StandInController::Phase::Stopped; }, 5000));
        QCOMPARE(startStop->text(), QStringLiteral("Start"));
        QVERIFY(startStop->isEnabled());
        QVERIFY(urlField->text().isEmpty());
        QVERIFY(!verify->isEnabled());
        QVERIFY(child<QWidget>(page, "settingsGroup")->isEnabled());
        QVERIFY(child<MessageBar>(page, "messageBar")->isHidden());
    }

    // The window is at most 1000 px wide with its 150 px navigation, so the page never asks for more than
    // 850, whatever the counters show: a slow machine's latency, millions of requests, every failure reason.
    void staysWithinTheWindowWhateverTheCounters_data() {
        QTest::addColumn<StandInStats>("stats");
        QTest::newRow("just started") << StandInStats{};
        StandInStats busy;
        busy.requests = busy.images = busy.cacheHits = 123456789;
        busy.cacheBytes = 987654321;
        busy.p50Ms = 1234.5;
        busy.p99Ms = 98765.4;
        QTest::newRow("busy and slow") << busy;
        StandInStats failing = busy;
        failing.grabFailures = 9999999;
        for (const char* reason : {"cancelled", "empty-segment", "insecure-redirect", "not-a-playlist",
                                   "stale", "timeout", "too-large", "unsupported-url", "unreachable"})
            failing.grabFailuresByReason.insert(QString::fromLatin1(reason), 1234567);
        QTest::newRow("failing in every way") << failing;
    }
    void staysWithinTheWindowWhateverTheCounters() {
        QFETCH(StandInStats, stats);
        StandInController controller;
        GeneratorPage page(controller);
        page.setDefaults(pageDefaults());
        auto* counters = child<StandInCountersView>(page, "countersTable");
        QVERIFY(counters);
        counters->setStats(stats);
        page.resize(1000 - 150, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        qInfo() << "the page's minimum width" << page.minimumSizeHint().width();
        QVERIFY2(page.minimumSizeHint().width() <= 850,
                 qPrintable(QString::number(page.minimumSizeHint().width())));
        test::saveScreenshot(page,
                             QStringLiteral("generator-page-counters-%1")
                                 .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        const QStringList clipped = clippedTexts(page);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
    }

    void showsWhyItCannotStart() {
        StandInController controller;
        GeneratorPage page(controller);
        GeneratorConfig config = pageDefaults();
        page.setDefaults(config);
        page.resize(1280, 780);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* bar = child<MessageBar>(page, "messageBar");
        auto* startStop = child<QPushButton>(page, "startStopButton");

        // No allowed host.
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return bar->isVisible(); }, 3000));
        QVERIFY2(bar->text().contains(QStringLiteral("no stream host is allowed")), qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QStringLiteral("Add the site")));
        QVERIFY(!controller.isRunning());
        QCOMPARE(startStop->text(), QStringLiteral("Start"));

        // A port in use.
        QTcpServer occupier;
        QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        config.port = occupier.serverPort();
        page.setDefaults(config);
        QTest::mouseClick(child<QWidget>(*bar, "messageCloseButton"), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return bar->isVisible(); }, 5000));
        QVERIFY2(bar->text().contains(QString::number(occupier.serverPort())), qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QStringLiteral("Choose another port")));
        QVERIFY(startStop->isEnabled());
        QVERIFY(!test::saveScreenshot(page, QStringLiteral("generator-page-error")).isEmpty());
    }
};

QTEST_MAIN(TestGeneratorPage)
#include "tst_generatorpage.moc"
