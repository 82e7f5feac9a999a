// How GrabScheduler shares its queue: a request someone waits for is not refused because background work or
// slow streams fill the queue. Grabs run against a loopback server that accepts and never answers, so they
// stay running (or time out) as the test needs.

#include "clock.h"
#include "generator/grabscheduler.h"
#include "media/framegrabber.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace avld;

namespace {

using Admission = GrabScheduler::Admission;

FrameKey jpgOf(const QString& base, const QString& name) {
    return {QUrl(QStringLiteral("%1/live/%2/index.m3u8").arg(base, name)), ThumbnailFormat::Jpg};
}

} // namespace

class TestGrabScheduler : public QObject {
    Q_OBJECT
private:
    QTcpServer m_silent;
    QString m_base;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_silent.listen(QHostAddress::LocalHost));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_silent.serverPort());
    }

    // A full queue of background refreshes: a request someone waits for takes the newest one's place; once
    // every place is held by someone who waits, the next is refused.
    void waitingRequestTakesABackgroundPlace() {
        QNetworkAccessManager network;
        FrameGrabber grabber(network, Clock::system());
        GrabScheduler grabs(grabber,
                            GrabScheduler::Options{.maxWorkers = 1, .maxPerHost = 1, .maxQueued = 3});
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("running")), true), Admission::Started);
        for (const QString& name : {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")})
            QCOMPARE(grabs.request(jpgOf(m_base, name)), Admission::Queued);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("b4"))),
                 Admission::Refused); // background: no room

        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("w1")), true), Admission::Queued);
        QVERIFY(!grabs.isActive(jpgOf(m_base, QStringLiteral("b3")))); // the newest background entry went
        QVERIFY(grabs.isActive(jpgOf(m_base, QStringLiteral("b1"))));
        QCOMPARE(grabs.droppedFromQueue(), 1);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("w2")), true), Admission::Queued);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("w3")), true), Admission::Queued);
        QCOMPARE(grabs.queuedCount(), 3);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("w4")), true), Admission::Refused);
        QCOMPARE(grabs.droppedFromQueue(), 3);
        grabs.cancelAll();
    }

    // A request whose requester was answered at the budget (urgentForMs ago) waits for nobody any more.
    void expiredRequestsGiveUpTheirPlaces() {
        QNetworkAccessManager network;
        FrameGrabber grabber(network, Clock::system());
        GrabScheduler grabs(
            grabber,
            GrabScheduler::Options{.maxWorkers = 1, .maxPerHost = 1, .maxQueued = 2, .urgentForMs = 100});
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("running")), true), Admission::Started);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("old1")), true), Admission::Queued);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("old2")), true), Admission::Queued);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("new")), true), Admission::Refused);
        QTest::qWait(150);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("new")), true), Admission::Queued);
        QVERIFY(!grabs.isActive(jpgOf(m_base, QStringLiteral("old2"))));
        grabs.cancelAll();
    }

    // Slow streams (their grabs outlasted slowGrabMs) hold at most maxSlowQueued() places; healthy streams
    // still get the rest.
    void slowStreamsHoldOnlyAFewPlaces() {
        QNetworkAccessManager network;
        FrameGrabber grabber(network, Clock::system());
        GrabScheduler grabs(grabber, GrabScheduler::Options{.maxWorkers = 6,
                                                            .maxPerHost = 6,
                                                            .maxSlowGrabs = 1,
                                                            .maxQueued = 10,
                                                            .grabTimeoutMs = 300,
                                                            .slowGrabMs = 1});
        int ended = 0;
        connect(&grabs, &GrabScheduler::finished, this, [&ended] { ++ended; });
        constexpr int kSlow = 6;
        for (int i = 0; i < kSlow; ++i)
            QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("slow%1").arg(i)), true), Admission::Started);
        QTest::qWait(20);                               // the overdue timer moves them to the slow lane
        QTRY_COMPARE_WITH_TIMEOUT(ended, kSlow, 10000); // timed out, and still known as slow
        for (int i = 0; i < kSlow; ++i)
            QVERIFY(grabs.isSlow(jpgOf(m_base, QStringLiteral("slow%1").arg(i)).url));

        QCOMPARE(grabs.maxSlowQueued(), 2);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("slow0")), true), Admission::Started);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("slow1"))), Admission::Queued);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("slow2"))), Admission::Queued);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("slow3"))), Admission::Refused);
        // Someone waits for slow4: it takes a slow place nobody waits for, not a healthy stream's.
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("slow4")), true), Admission::Queued);
        QVERIFY(!grabs.isActive(jpgOf(m_base, QStringLiteral("slow2"))));
        QCOMPARE(grabs.queuedCount(), 2);
        QCOMPARE(grabs.request(jpgOf(m_base, QStringLiteral("healthy")), true), Admission::Started);
        grabs.cancelAll();
    }
};

QTEST_GUILESS_MAIN(TestGrabScheduler)
#include "tst_grabscheduler.moc"
