// Issue 15, item 3: a dozen trickling streams kept both grab slots busy, and 3 of 5 first requests for a
// healthy new stream came back empty. Slow streams now have a lane of their own: a healthy stream on the
// same media host gets a real first answer while 20 hostile streams trickle, and a stream that is quick
// again leaves the slow lane.
#include "generator/thumbnailservice.h"
#include "scriptedhttpserver.h"
#include "streamstack.h"
#include "tst_thumbnailservice_support.h"

#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

constexpr int kBudgetMs = 1500;
constexpr int kHostileStreams = 20;

// A playlist that never ends arriving: one byte every 300 ms.
ScriptedHttpServer::Route tricklingPlaylist() {
    ScriptedHttpServer::Route route;
    route.behaviour = ScriptedHttpServer::Behaviour::Drip;
    route.contentType = "application/vnd.apple.mpegurl";
    route.body = QByteArray("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n").repeated(40);
    route.dripIntervalMs = 300;
    return route;
}

} // namespace

class TestGrabFairness : public QObject {
    Q_OBJECT

    StreamStack m_stack;
    ScriptedHttpServer m_hostile; // on 127.0.0.1 too: the same media host as the healthy stream
    QNetworkAccessManager m_network;
    const QString m_healthy = QStringLiteral("healthy");

    std::unique_ptr<ThumbnailService> startService() {
        GeneratorConfig config;
        config.bindAddress = QHostAddress(QHostAddress::LocalHost);
        config.pathPrefix = QStringLiteral("/s3cr3t/");
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        config.budgetMs = kBudgetMs;
        config.warmUpEncoders = false;
        auto service = std::make_unique<ThumbnailService>(config);
        if (const Status failed = service->start(); !failed.ok()) {
            qWarning() << "cannot start the service:" << failed.error().toString();
            return nullptr;
        }
        return service;
    }

    static QUrl requestFor(const ThumbnailService& service, const QUrl& stream) {
        return QUrl::fromEncoded(service.baseUrl().toEncoded() + "objects/getImage.php?base64Url=" +
                                 stream.toEncoded().toBase64().toPercentEncoding() + "&format=jpg");
    }

    QList<QUrl> hostileRequests(const ThumbnailService& service) const {
        QList<QUrl> urls;
        for (int i = 0; i < kHostileStreams; ++i)
            urls.append(requestFor(service, m_hostile.url(QStringLiteral("/trickle/%1.m3u8").arg(i))));
        return urls;
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish(StreamSpec{.key = m_healthy}, 25000, 2); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        QVERIFY(m_hostile.listen());
        for (int i = 0; i < kHostileStreams; ++i)
            m_hostile.setRoute(QStringLiteral("/trickle/%1.m3u8").arg(i), tricklingPlaylist());
    }

    void cleanupTestCase() { m_stack.stop(); }

    void healthyNewStreamAnsweredWhileHostileOnesTrickle() {
        const auto service = startService();
        QVERIFY(service);
        // AVideo asks for every live of its gallery: the hostile ones get empty answers (Qt's client sends
        // six at a time to one server, so their times say little)...
        const QList<QUrl> hostile = hostileRequests(*service);
        for (const Answer& answer : fetchAll(m_network, hostile, 8000))
            QVERIFY2(answer.isEmpty200(),
                     qPrintable(QStringLiteral("%1 after %2 ms").arg(answer.status).arg(answer.elapsedMs)));
        // ...and their grabs, still trickling after AVideo's 2 s, are found slow (two at a time: two grabs
        // per host in the main lane, the healthy stream's host too).
        QTRY_COMPARE_WITH_TIMEOUT(service->state().slowStreams, kHostileStreams, 40000);
        // AVideo keeps asking for them while a new live starts: its first request gets a real frame.
        QNetworkAccessManager gallery; // its own connections: the new live's request does not wait behind
        QList<QNetworkReply*> again;
        for (const QUrl& url : hostile)
            again.append(startGet(gallery, url, 4000, false));
        QTest::qWait(100);
        const Answer first = fetch(m_network, requestFor(*service, m_stack.hlsUrl(m_healthy)));
        QVERIFY2(first.isImage(), qPrintable(QStringLiteral("status %1, %2 bytes after %3 ms, reason %4")
                                                 .arg(first.status)
                                                 .arg(first.body.size())
                                                 .arg(first.elapsedMs)
                                                 .arg(QString::fromUtf8(first.header("X-Avld-Reason")))));
        QVERIFY2(first.elapsedMs < kBudgetMs + 500, qPrintable(QString::number(first.elapsedMs)));
        QVERIFY(!service->metricsText().contains("avld_generator_slow_streams 0\n"));
        for (QNetworkReply* reply : again) {
            reply->abort();
            reply->deleteLater();
        }
        // However many are asked for, the grabs stay bounded: grabs that outlasted 2 s run on until their
        // timeout (a slow server may still give a frame), but no more than four times the main lane's slots.
        const GeneratorConfig defaults;
        QVERIFY2(service->state().grabsRunning <= defaults.maxWorkers * 4 + defaults.maxSlowGrabs,
                 qPrintable(QString::number(service->state().grabsRunning)));
    }

    void quickStreamLeavesTheSlowLane() {
        const auto service = startService();
        QVERIFY(service);
        const QUrl flaky = m_hostile.url(QStringLiteral("/flaky.m3u8"));
        m_hostile.setRoute(QStringLiteral("/flaky.m3u8"), tricklingPlaylist());
        QVERIFY(fetch(m_network, requestFor(*service, flaky)).isEmpty200());
        QTRY_COMPARE_WITH_TIMEOUT(service->state().slowStreams, 1, 8000);
        // The media server recovers (here: the address now leads to the healthy live).
        m_hostile.redirect(QStringLiteral("/flaky.m3u8"), m_stack.hlsUrl(m_healthy));
        const Answer answer = waitForImageAt(requestFor(*service, flaky), 30000);
        QVERIFY2(answer.isImage(), qPrintable(QString::number(answer.status)));
        QTRY_COMPARE_WITH_TIMEOUT(service->state().slowStreams, 0, 5000);
    }

private:
    Answer waitForImageAt(const QUrl& url, int timeoutMs) {
        QElapsedTimer timer;
        timer.start();
        Answer answer;
        while (timer.elapsed() < timeoutMs) {
            answer = fetch(m_network, url);
            if (answer.isImage())
                return answer;
            QTest::qWait(300);
        }
        return answer;
    }
};

QTEST_MAIN(TestGrabFairness)
#include "tst_grabfairness.moc"
