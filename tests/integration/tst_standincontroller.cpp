#include "freeport.h"
#include "generator/standincontroller.h"
#include "streamstack.h"
#include "tst_thumbnailservice_support.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <memory>

using namespace avld;
using namespace avld::test;

namespace {

const QString kKey = QStringLiteral("ctl");

GeneratorConfig loopbackConfig(quint16 port = 0) {
    GeneratorConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = port;
    config.pathPrefix = QStringLiteral("/s3cr3t/");
    config.allowedHosts = {QStringLiteral("127.0.0.1")};
    config.maxWorkers = 2;
    return config;
}

// Measures the longest pause of the thread it lives on between two ticks of a 5 ms timer.
class Watchdog : public QObject {
public:
    Watchdog() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestGapMs = qMax(m_longestGapMs, m_sinceTick.restart());
            ++m_ticks;
        });
        m_sinceTick.start();
        m_timer.start();
    }
    qint64 longestGapMs() const { return m_longestGapMs; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longestGapMs = 0;
    int m_ticks = 0;
};

// Sends all requests at once from a thread of their own, so the client's work stays off this thread.
QList<Answer> fetchAllElsewhere(const QList<QUrl>& urls, int timeoutMs) {
    QList<Answer> answers;
    std::unique_ptr<QThread> client(QThread::create([&] {
        QNetworkAccessManager network;
        answers = fetchAll(network, urls, timeoutMs);
    }));
    client->start();
    while (!client->wait(QDeadlineTimer(5)))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return answers;
}

} // namespace

class TestStandInController : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QNetworkAccessManager m_network;

    QUrl imageUrl(const QUrl& baseUrl, const QByteArray& format = "jpg") const {
        const QByteArray base64 = m_stack.hlsUrl(kKey).toEncoded().toBase64().toPercentEncoding();
        return QUrl::fromEncoded(baseUrl.toEncoded() + "objects/getImage.php?base64Url=" + base64 +
                                 "&format=" + format);
    }

    // Asks until an image comes; counts the requests it made.
    Answer waitForImage(const QUrl& url, int& requests, int timeoutMs = 20000) {
        QElapsedTimer timer;
        timer.start();
        Answer answer;
        while (timer.elapsed() < timeoutMs) {
            answer = fetch(m_network, url);
            ++requests;
            if (answer.isImage() || (answer.status != 200 && answer.status != 0))
                return answer;
            QTest::qWait(150);
        }
        return answer;
    }

    static bool startAndWait(StandInController& controller, const GeneratorConfig& config) {
        QSignalSpy started(&controller, &StandInController::started);
        QSignalSpy failed(&controller, &StandInController::failed);
        controller.start(config);
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, 10000))
            return false;
        if (!failed.isEmpty())
            qWarning() << "start failed:" << failed.first().first().value<Error>().toString();
        return !started.isEmpty();
    }

    // The first stats that satisfy `done`, or the last ones after the timeout.
    static StandInStats waitForStats(StandInController& controller,
                                     const std::function<bool(const StandInStats&)>& done,
                                     int timeoutMs = 5000) {
        StandInStats last;
        bool reached = false;
        const QMetaObject::Connection connection =
            connect(&controller, &StandInController::statsUpdated, [&](const StandInStats& stats) {
                last = stats;
                reached = reached || done(stats);
            });
        (void)QTest::qWaitFor([&] { return reached; }, timeoutMs);
        disconnect(connection);
        return last;
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish(StreamSpec{.key = kKey, .size = QSize(640, 360)}, 25000, 1);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void servesOffTheGuiThreadWithStats() {
        StandInController controller;
        QSignalSpy stats(&controller, &StandInController::statsUpdated);
        QVERIFY(startAndWait(controller, loopbackConfig()));
        QVERIFY(controller.isRunning());
        const QUrl base = controller.baseUrl();
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(base.port() > 0);
        QCOMPARE(base.path(), QStringLiteral("/s3cr3t/"));
        QCOMPARE(controller.config().port, quint16(base.port()));

        // A frame through the base URL.
        int requests = 0;
        const Answer first = waitForImage(imageUrl(base), requests);
        QVERIFY2(first.isImage(),
                 qPrintable(QStringLiteral("HTTP %1 %2").arg(first.status).arg(first.error)));

        // The stats count them, once a second.
        StandInStats counted = waitForStats(
            controller, [&](const StandInStats& s) { return s.requests >= requests && s.images >= 1; });
        QCOMPARE(counted.requests, qint64(requests));
        QCOMPARE(counted.images, qint64(1));
        QCOMPARE(counted.empty, qint64(requests - 1));
        QCOMPARE(counted.refused, qint64(0));
        QVERIFY(counted.grabs >= 1);
        QCOMPARE(counted.cacheHits + counted.cacheMisses, qint64(requests));
        QVERIFY(counted.streamsTracked >= 1);
        QVERIFY(counted.cacheBytes > 0);
        QCOMPARE(counted.pendingRequests, 0);
        QVERIFY(!stats.isEmpty());

        // ~500 requests from another thread: this thread never stalls.
        const qint64 hitsBefore = counted.cacheHits;
        QList<QUrl> urls;
        for (int i = 0; i < 500; ++i)
            urls.append(imageUrl(base));
        Watchdog watchdog;
        QElapsedTimer hammering;
        hammering.start();
        const QList<Answer> answers = fetchAllElsewhere(urls, 15000);
        const qint64 hammerMs = hammering.elapsed();
        int images = 0;
        for (const Answer& answer : answers)
            images += answer.isImage() ? 1 : 0;
        QCOMPARE(images, 500);
        // Two stats ticks fall into the watch as well.
        const StandInStats after =
            waitForStats(controller, [&](const StandInStats& s) { return s.requests >= requests + 500; });
        qInfo() << "500 requests in" << hammerMs << "ms; longest pause of this thread"
                << watchdog.longestGapMs() << "ms over" << watchdog.ticks() << "ticks; p50" << after.p50Ms
                << "p99" << after.p99Ms;
        QVERIFY2(watchdog.longestGapMs() <= 50, qPrintable(QString::number(watchdog.longestGapMs())));
        QCOMPARE(after.requests, qint64(requests + 500));
        QCOMPARE(after.images, qint64(501));
        QVERIFY(after.cacheHits >= hitsBefore + 490); // a refresh may land in between
        QVERIFY(after.p99Ms >= after.p50Ms);

        // Latency over the last second: one second with traffic shows it, a quiet one shows none.
        QVERIFY(stats.size() >= 2);
        bool sawLatency = false;
        for (const QList<QVariant>& signal : std::as_const(stats)) {
            const auto s = signal.first().value<StandInStats>();
            if (s.recentRequests > 0) {
                sawLatency = true;
                QVERIFY2(s.p50Ms > 0 && s.p50Ms <= 2000, qPrintable(QString::number(s.p50Ms)));
            } else {
                QCOMPARE(s.p50Ms, -1.0);
            }
        }
        QVERIFY(sawLatency);
    }

    void stopIsQuickAndFreesThePort() {
        StandInController controller;
        QVERIFY(startAndWait(controller, loopbackConfig()));
        const quint16 port = controller.config().port;
        QSignalSpy stopped(&controller, &StandInController::stopped);
        QElapsedTimer timer;
        timer.start();
        controller.stop();
        QVERIFY2(timer.elapsed() < 20, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(controller.phase(), StandInController::Phase::Stopping);
        QVERIFY(stopped.wait(3000));
        qInfo() << "stopped in" << timer.elapsed() << "ms";
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!controller.isRunning());
        QVERIFY(controller.baseUrl().isEmpty());
        QTcpServer probe;
        QVERIFY2(probe.listen(QHostAddress::LocalHost, port), qPrintable(probe.errorString()));
        probe.close();

        // And it starts again on the same port.
        QVERIFY(startAndWait(controller, loopbackConfig(port)));
        QCOMPARE(controller.config().port, port);
        controller.stop();
        QVERIFY(stopped.wait(3000));
    }

    void stopAnswersWaitingRequests() {
        StandInController controller;
        GeneratorConfig config = loopbackConfig();
        config.budgetMs = 5000;
        QVERIFY(startAndWait(controller, config));
        // A stream server that accepts and never answers keeps the request waiting for its grab.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const QByteArray base64 =
            QStringLiteral("http://127.0.0.1:%1/never.m3u8").arg(silent.serverPort()).toLatin1().toBase64();
        const QUrl url = QUrl::fromEncoded(controller.baseUrl().toEncoded() +
                                           "objects/getImage.php?base64Url=" + base64 + "&format=jpg");
        QNetworkReply* reply = startGet(m_network, url, 8000, false);
        QVERIFY(QTest::qWaitFor([&] { return controller.lastStats().pendingRequests == 1; }, 3000));
        QSignalSpy stopped(&controller, &StandInController::stopped);
        controller.stop();
        QVERIFY(stopped.wait(3000));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 3000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().isEmpty());
        reply->deleteLater();
    }

    void secondStartOnTheSamePortFails() {
        StandInController first;
        StandInController second;
        quint16 port = 0;
        for (int attempt = 0; attempt < 5 && !first.isRunning(); ++attempt) {
            port = freeLoopbackPort();
            (void)startAndWait(first, loopbackConfig(port));
        }
        QVERIFY(first.isRunning());
        QSignalSpy failed(&second, &StandInController::failed);
        QSignalSpy started(&second, &StandInController::started);
        second.start(loopbackConfig(port));
        QVERIFY(failed.wait(5000));
        const auto error = failed.first().first().value<Error>();
        QVERIFY2(error.message.contains(QString::number(port)), qPrintable(error.message));
        QVERIFY(!error.hint.isEmpty());
        QVERIFY(started.isEmpty());
        QCOMPARE(second.phase(), StandInController::Phase::Stopped);
        QVERIFY(!error.message.contains(QStringLiteral("s3cr3t")));

        // The same controller twice: refused, the first one keeps running.
        QSignalSpy busy(&first, &StandInController::failed);
        first.start(loopbackConfig(port));
        QVERIFY(busy.wait(2000));
        QCOMPARE(busy.first().first().value<Error>().code, QStringLiteral("busy"));
        QVERIFY(first.isRunning());
    }

    void refusesBadConfigurations() {
        StandInController controller;
        QSignalSpy failed(&controller, &StandInController::failed);
        GeneratorConfig noHosts = loopbackConfig();
        noHosts.allowedHosts.clear();
        controller.start(noHosts);
        QCOMPARE(controller.phase(), StandInController::Phase::Stopped);
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.takeFirst().first().value<Error>().code, QStringLiteral("no-allowed-hosts"));

        GeneratorConfig slow = loopbackConfig();
        slow.budgetMs = 20;
        controller.start(slow);
        QVERIFY(failed.wait(2000));
        QVERIFY(failed.takeFirst().first().value<Error>().message.contains(QStringLiteral("budgetMs")));
    }

    void encoderUrlForTheRunningService() {
        StandInController controller;
        QVERIFY(!controller.encoderUrlFor());
        QVERIFY(startAndWait(controller, loopbackConfig()));
        const Result<QUrl> url = controller.encoderUrlFor();
        QVERIFY(url);
        QCOMPARE(url->toString(),
                 QStringLiteral("http://127.0.0.1:%1/s3cr3t/").arg(controller.config().port));
        const Result<QUrl> named = controller.encoderUrlFor(QStringLiteral("standin.example:8443"));
        QVERIFY(named);
        QCOMPARE(named->toString(), QStringLiteral("http://standin.example:8443/s3cr3t/"));
    }

    void verifyReportsASiteItCannotRead() {
        StandInController controller;
        QVERIFY(startAndWait(controller, loopbackConfig()));
        QSignalSpy verified(&controller, &StandInController::verified);
        const quint16 closed = freeLoopbackPort();
        controller.verify(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closed)));
        QVERIFY(controller.isVerifying());
        QVERIFY(verified.wait(15000));
        QVERIFY(!controller.isVerifying());
        const auto report = verified.first().first().value<StandinVerificationReport>();
        QCOMPARE(report.verdict(), StandinVerificationReport::Verdict::Unknown);
        QCOMPARE(report.exitCode(), 3);
        QCOMPARE(report.expectedEncoderUrl, *controller.encoderUrlFor());
    }

    void destructorStopsARunningService() {
        quint16 port = 0;
        {
            StandInController controller;
            QVERIFY(startAndWait(controller, loopbackConfig()));
            port = controller.config().port;
        }
        QTcpServer probe;
        QVERIFY2(probe.listen(QHostAddress::LocalHost, port), qPrintable(probe.errorString()));
    }

    void cleanupTestCase() { m_stack.stop(); }
};

QTEST_MAIN(TestStandInController)
#include "tst_standincontroller.moc"
