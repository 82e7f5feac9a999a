#include "freeport.h"
#include "media/imagemarker.h"
#include "streamstack.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace avld;
using namespace avld::test;

// `avideo-live-doctor serve` as an admin (or systemd) runs it: a real stream, the program in its own process,
// AVideo's request over HTTP, and SIGTERM.
class ServeCommandTest : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QNetworkAccessManager m_network;

    struct Answer {
        int status = 0;
        QByteArray body;
        qint64 elapsedMs = 0;
    };

    Answer get(const QUrl& url) {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = m_network.get(QNetworkRequest(url));
        [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return reply->isFinished(); }, 10000);
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      timer.elapsed()};
        reply->deleteLater();
        return answer;
    }

    static QUrl imageUrl(quint16 port, const QUrl& stream) {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1/secret-x/objects/getImage.php?base64Url=%2&format=jpg")
                .arg(port)
                .arg(QString::fromLatin1(
                    QUrl::toPercentEncoding(QString::fromLatin1(stream.toEncoded().toBase64())))));
    }

    static bool startServe(QProcess& process, quint16 port, const QStringList& extra = {}) {
        process.start(QStringLiteral(AVLD_PROGRAM),
                      QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--prefix"),
                                  QStringLiteral("secret-x"), QStringLiteral("--allow-host"),
                                  QStringLiteral("127.0.0.1")} +
                          extra);
        return QTest::qWaitFor(
                   [&] {
                       return process.state() == QProcess::NotRunning ||
                              process.peek(4096).contains("serving AVideo thumbnail requests");
                   },
                   10000) &&
               process.state() == QProcess::Running;
    }

private Q_SLOTS:
    void initTestCase() {
        if (Status failed = m_stack.start())
            QFAIL(qPrintable(failed->toString()));
        if (Status failed =
                m_stack.publish({.key = QStringLiteral("serve-live"), .size = QSize(640, 360)}, 20000, 2))
            QFAIL(qPrintable(failed->toString()));
    }

    void servesRealFramesAndStopsOnSigterm() {
        const quint16 port = freeLoopbackPort();
        QProcess serve;
        QVERIFY2(startServe(serve, port), serve.readAllStandardError().constData());
        QVERIFY2(!serve.peek(4096).contains("secret-x"), "the prefix must not be printed");

        const QUrl url = imageUrl(port, m_stack.hlsUrl(QStringLiteral("serve-live")));
        Answer first = get(url);
        QCOMPARE(first.status, 200);
        QVERIFY(first.elapsedMs < 2000); // inside AVideo's budget, frame or not
        Answer image = first;
        if (image.body.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT((image = get(url)).body.size() > 0, 10000);
        QVERIFY(ImageMarker::carries(image.body));
        QImage decoded;
        QVERIFY(decoded.loadFromData(image.body, "JPG"));
        QCOMPARE(decoded.size(), QSize(640, 360));

        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 5000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void sigtermWhileARequestWaitsAnswersItAndExits() {
        const quint16 port = freeLoopbackPort();
        QProcess serve;
        QVERIFY(startServe(serve, port, {QStringLiteral("--budget"), QStringLiteral("1900")}));
        // A stream that never answers keeps the request waiting for its grab.
        const QUrl silent =
            QUrl(QStringLiteral("http://127.0.0.1:%1/live/none/index.m3u8").arg(freeLoopbackPort()));
        QNetworkReply* reply = m_network.get(QNetworkRequest(imageUrl(port, silent)));
        QTest::qWait(300);
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 5000));
        QVERIFY(reply->readAll().isEmpty()); // never a stale or made-up picture
        reply->deleteLater();
        QVERIFY(QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 5000));
        QCOMPARE(serve.exitCode(), 0);
    }

    void refusesToStartAsAnOpenProxy() {
        QProcess serve;
        serve.start(QStringLiteral(AVLD_PROGRAM), {QStringLiteral("serve"), QStringLiteral("--listen"),
                                                   QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort())});
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 64);
        QVERIFY(serve.readAllStandardError().contains("--allow-host"));
    }

    void busyPortIsAClearError() {
        const quint16 port = freeLoopbackPort();
        QProcess first;
        QVERIFY(startServe(first, port));
        QProcess second;
        second.start(QStringLiteral(AVLD_PROGRAM),
                     {QStringLiteral("serve"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--allow-host"),
                      QStringLiteral("127.0.0.1")});
        QVERIFY(QTest::qWaitFor([&] { return second.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(!second.readAllStandardError().trimmed().isEmpty());
        first.terminate();
        QVERIFY(QTest::qWaitFor([&] { return first.state() == QProcess::NotRunning; }, 5000));
    }
};

QTEST_MAIN(ServeCommandTest)
#include "tst_servecommand.moc"
