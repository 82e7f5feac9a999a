// Work done ahead of a request stays bounded: GrabScheduler::requestIfIdle only uses a free worker (never the
// queue), and a prefetched image that nobody requested is kept but not refreshed by RefreshScheduler.

#include "generator/framecache.h"
#include "generator/freshnesspolicy.h"
#include "generator/grabscheduler.h"
#include "generator/refreshscheduler.h"
#include "media/framegrabber.h"
#include "mockclock.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const FreshnessPolicy kPolicy{10'000, 600'000, 30'000};

FrameKey webpOf(const QString& base, int n) {
    return {QUrl(QStringLiteral("%1/live/k%2/index.m3u8").arg(base).arg(n)), ThumbnailFormat::Webp};
}

} // namespace

class TestAnimatedPrefetch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A server that accepts and never answers keeps grabs running until the test ends them.
    void requestIfIdleUsesSpareWorkersOnly() {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
        MockClock clock;
        QNetworkAccessManager network;
        FrameGrabber grabber(network, clock);
        GrabScheduler grabs(grabber,
                            GrabScheduler::Options{.maxWorkers = 2, .maxPerHost = 2, .maxQueued = 10});

        QCOMPARE(grabs.requestIfIdle(webpOf(base, 1)), GrabScheduler::Admission::Started);
        QCOMPARE(grabs.requestIfIdle(webpOf(base, 1)), GrabScheduler::Admission::Joined);
        QCOMPARE(grabs.request(webpOf(base, 2), true), GrabScheduler::Admission::Started);
        // Both workers busy: refused, and nothing queued for it.
        QCOMPARE(grabs.requestIfIdle(webpOf(base, 3)), GrabScheduler::Admission::Refused);
        QCOMPARE(grabs.queuedCount(), 0);
        QVERIFY(!grabs.isActive(webpOf(base, 3)));
        // A queued key is joined, not started twice.
        QCOMPARE(grabs.request(webpOf(base, 4)), GrabScheduler::Admission::Queued);
        QCOMPARE(grabs.requestIfIdle(webpOf(base, 4)), GrabScheduler::Admission::Joined);
        grabs.cancelAll();

        // A free worker but something waiting in the queue: the queue goes first.
        GrabScheduler oneHost(grabber,
                              GrabScheduler::Options{.maxWorkers = 2, .maxPerHost = 1, .maxQueued = 10});
        QCOMPARE(oneHost.request(webpOf(base, 1), true), GrabScheduler::Admission::Started);
        QCOMPARE(oneHost.request(webpOf(base, 2), true), GrabScheduler::Admission::Queued);
        QCOMPARE(oneHost.runningCount(), 1);
        QCOMPARE(oneHost.requestIfIdle(
                     FrameKey{QUrl(QStringLiteral("http://[::1]:9/x.m3u8")), ThumbnailFormat::Webp}),
                 GrabScheduler::Admission::Refused);
        oneHost.cancelAll();
    }

    // Prefetched and never requested: kept as long as a request would keep it, never refreshed; once it is
    // requested, refreshed like any other (this one is slow to grab: near its next ask).
    void prefetchedImagesAreNotRefreshedUntilRequested() {
        MockClock clock;
        FrameCache cache(clock);
        QNetworkAccessManager network;
        FrameGrabber grabber(network, clock);
        GrabScheduler grabs(grabber, GrabScheduler::Options{.maxWorkers = 4, .maxQueued = 10});
        RefreshScheduler refresh(cache, grabs, clock, kPolicy);
        // Port 9 on loopback refuses connections: refreshes, if any, fail at once.
        const QString base = QStringLiteral("http://127.0.0.1:9");

        cache.markPrefetched(webpOf(base, 1));
        QVERIFY(cache.storeImage(webpOf(base, 1), QByteArray(10, 'x'), "image/webp", -1, 1500));
        QCOMPARE(cache.find(webpOf(base, 1))->lastRequestedMs, -1);

        clock.advanceMs(10'000); // due, were it requested
        RefreshScheduler::PassResult pass = refresh.pass();
        QCOMPARE(pass.requested, 0);
        QCOMPARE(pass.forgotten, 0);
        QVERIFY(!grabs.isActive(webpOf(base, 1)));

        clock.advanceMs(20'001); // past the offline grace: the image goes, the entry stays
        pass = refresh.pass();
        QCOMPARE(pass.expired, 1);
        QVERIFY(cache.find(webpOf(base, 1)));

        // A new prefetch keeps it; a request makes it a stream to keep fresh.
        cache.markPrefetched(webpOf(base, 1));
        clock.advanceMs(599'000);
        QCOMPARE(refresh.pass().forgotten, 0);
        cache.markRequested(webpOf(base, 1));
        QCOMPARE(refresh.pass().requested, 0);
        clock.advanceMs(60'000);
        cache.markRequested(webpOf(base, 1)); // asked once a minute, then
        QCOMPARE(refresh.pass().requested, 0);
        clock.advanceMs(60'000 - 1500); // its next ask is near
        pass = refresh.pass();
        QCOMPARE(pass.requested, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!grabs.isActive(webpOf(base, 1)), 10000);

        // Prefetched once, never asked for again: forgotten after the keep time.
        cache.markPrefetched(webpOf(base, 2));
        clock.advanceMs(600'000);
        refresh.pass();
        QVERIFY(cache.find(webpOf(base, 2)));
        clock.advanceMs(1);
        refresh.pass();
        QVERIFY(!cache.find(webpOf(base, 2)));
    }
};

QTEST_GUILESS_MAIN(TestAnimatedPrefetch)
#include "tst_animatedprefetch.moc"
