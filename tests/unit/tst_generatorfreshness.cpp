#include "generator/framecache.h"
#include "generator/freshnesspolicy.h"
#include "generator/grabscheduler.h"
#include "generator/refreshscheduler.h"
#include "media/framegrabber.h"
#include "mockclock.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

FrameKey key(int n) {
    // Port 9 on loopback (discard) refuses connections: grabs fail at once.
    return {QUrl(QStringLiteral("http://127.0.0.1:9/live/k%1/index.m3u8").arg(n)), ThumbnailFormat::Jpg};
}

const FreshnessPolicy kPolicy{10'000, 600'000, 30'000};

// A stream whose grabs outlast what a request may wait (grabFitsRequestMs, 1 s here): refreshed in the
// background. Most grabs take 10-80 ms.
constexpr qint64 kSlowGrabMs = 1'500;
constexpr qint64 kQuickGrabMs = 40;

// The same, with the background window always open (every ask expected at once): for the tests of the
// refresh's own timing.
FreshnessPolicy alwaysExpected(FreshnessPolicy policy = kPolicy) {
    policy.assumedRequestIntervalMs = 0;
    return policy;
}

} // namespace

class TestGeneratorFreshness : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void policyBoundaries() {
        MockClock clock;
        FrameCache cache(clock);
        cache.markRequested(key(1));
        QVERIFY(cache.storeImage(key(1), QByteArray(10, 'x'), "image/jpeg", -1, kQuickGrabMs));
        const auto frame = [&] { return *cache.find(key(1)); };
        const qint64 t0 = clock.monotonicMs();
        QVERIFY(kPolicy.isFresh(frame(), t0));
        QVERIFY(kPolicy.isServable(frame(), t0));
        QVERIFY(kPolicy.grabsOnRequest(frame()));
        QVERIFY(!kPolicy.isDue(frame(), t0));
        QVERIFY(!kPolicy.isForgotten(frame(), t0));

        QVERIFY(kPolicy.isFresh(frame(), t0 + 1'999));
        QVERIFY(!kPolicy.isFresh(frame(), t0 + 2'000)); // a request now grabs anew
        QVERIFY(kPolicy.isServable(frame(), t0 + 30'000));
        QVERIFY(!kPolicy.isServable(frame(), t0 + 30'001));
        QVERIFY(!kPolicy.isForgotten(frame(), t0 + 600'000));
        QVERIFY(kPolicy.isForgotten(frame(), t0 + 600'001));
        // Grabbed when asked, never in the background, however old.
        for (const qint64 later : {10'000, 299'000, 300'000, 600'000})
            QVERIFY2(!kPolicy.isDue(frame(), t0 + later), qPrintable(QString::number(later)));

        // Failing grabs do not make the image younger: the grace counts from the last good frame.
        clock.advanceMs(12'000);
        cache.storeFailure(key(1), Error{QStringLiteral("stale"), QStringLiteral("offline"), {}}, 30);
        QVERIFY(kPolicy.isServable(frame(), clock.monotonicMs()));
        clock.advanceMs(18'001);
        QVERIFY(!kPolicy.isServable(frame(), clock.monotonicMs()));

        CachedFrame never;
        QVERIFY(!kPolicy.isFresh(never, t0));
        QVERIFY(!kPolicy.isServable(never, t0));
        QVERIFY(kPolicy.grabsOnRequest(never));
        QVERIFY(kPolicy.isDue(never, t0)); // a request's grab that could not start is made up for
        QVERIFY(kPolicy.isForgotten(never, t0));
    }

    // A slow stream is grabbed in the background only near its next ask: from the stream's last grab time
    // plus the lead before it (AVideo's 300 s until it was asked twice, then the gaps it was asked at), every
    // refresh interval until the ask comes.
    void slowStreamsAreRefreshedNearTheirNextAsk_data() {
        QTest::addColumn<QList<qint64>>("askGaps"); // after the first ask
        QTest::addColumn<qint64>("expectedAfterLastAsk");
        QTest::newRow("asked once: AVideo's cache time") << QList<qint64>{} << qint64(300'000);
        QTest::newRow("asked every minute") << QList<qint64>{60'000} << qint64(60'000);
        QTest::newRow("gaps averaged, recent ones weigh more")
            << QList<qint64>{60'000, 120'000, 120'000} << qint64(93'333);
        QTest::newRow("asks closer than a second are one")
            << QList<qint64>{60'000, 300, 200} << qint64(60'000);
    }

    void slowStreamsAreRefreshedNearTheirNextAsk() {
        QFETCH(QList<qint64>, askGaps);
        QFETCH(qint64, expectedAfterLastAsk);
        MockClock clock;
        FrameCache cache(clock);
        FreshnessPolicy policy = kPolicy;
        policy.refreshLeadMs = 500;
        cache.markRequested(key(1));
        QVERIFY(cache.storeImage(key(1), QByteArray(10, 'x'), "image/jpeg", -1, kSlowGrabMs));
        for (const qint64 gap : askGaps) {
            clock.advanceMs(gap);
            cache.markRequested(key(1));
        }
        // Grabbed at the last ask, as the endpoint would.
        QVERIFY(cache.storeImage(key(1), QByteArray(10, 'y'), "image/jpeg", -1, kSlowGrabMs));
        const CachedFrame frame = *cache.find(key(1));
        QVERIFY(!policy.grabsOnRequest(frame));
        const qint64 asked = frame.lastRequestedMs;
        QCOMPARE(policy.expectedRequestAtMs(frame) - asked, expectedAfterLastAsk);
        const qint64 windowOpens = asked + expectedAfterLastAsk - 500 - kSlowGrabMs;
        QVERIFY(!policy.isDue(frame, asked + 10'000));
        QVERIFY(!policy.isDue(frame, windowOpens - 1));
        QVERIFY(policy.isDue(frame, windowOpens));
        // Until the ask comes: one refresh per interval (less the lead), counted from the last one.
        CachedFrame refreshed = frame;
        refreshed.lastAttemptMs = windowOpens;
        QVERIFY(!policy.isDue(refreshed, windowOpens + 9'499));
        QVERIFY(policy.isDue(refreshed, windowOpens + 9'500));
    }

    // What a request may wait for: a grab about as quick as the stream's last one, when that fitted.
    void grabsOnRequest_data() {
        QTest::addColumn<qint64>("lastGrabMs");
        QTest::addColumn<bool>("onRequest");
        QTest::newRow("never grabbed") << qint64(-1) << true;
        QTest::newRow("a usual grab") << qint64(40) << true;
        QTest::newRow("at the limit") << qint64(1'000) << true;
        QTest::newRow("over it") << qint64(1'001) << false;
        QTest::newRow("timed out") << qint64(10'000) << false;
    }

    void grabsOnRequest() {
        QFETCH(qint64, lastGrabMs);
        QFETCH(bool, onRequest);
        CachedFrame frame;
        frame.lastGrabCostMs = lastGrabMs;
        QCOMPARE(kPolicy.grabsOnRequest(frame), onRequest);
    }

    // A slow stream whose grabs keep failing is refreshed less and less often: each retry waits as long as
    // the streak has lasted (10, 10, 20, 40 … s), at most maxFailingRetryMs; one good grab makes it healthy
    // again. A quickly failing one (a 404) is not retried in the background at all: its requests do it.
    void failingStreamsAreRetriedLessAndLessOften() {
        MockClock clock;
        FrameCache cache(clock);
        const FreshnessPolicy policy = alwaysExpected();
        cache.markRequested(key(1));
        const Error gone{QStringLiteral("timeout"), QStringLiteral("no answer"), {}};
        const auto frame = [&] { return *cache.find(key(1)); };
        cache.storeFailure(key(1), gone, 10'000);
        QList<qint64> waits;
        qint64 last = clock.monotonicMs();
        while (waits.size() < 8) {
            clock.advanceMs(1000);
            if (!policy.isDue(frame(), clock.monotonicMs()))
                continue;
            waits << clock.monotonicMs() - last;
            last = clock.monotonicMs();
            cache.storeFailure(key(1), gone, 10'000);
        }
        QCOMPARE(waits, (QList<qint64>{10'000, 10'000, 20'000, 40'000, 80'000, 160'000, 300'000, 300'000}));

        QVERIFY(cache.storeImage(key(1), QByteArray(10, 'x'), "image/jpeg", -1, kSlowGrabMs));
        QCOMPARE(policy.refreshDueAfterMs(frame()), policy.refreshIntervalMs);

        cache.markRequested(key(2));
        cache.storeFailure(key(2), Error{QStringLiteral("http-404"), QStringLiteral("no such stream"), {}},
                           5);
        for (int step = 0; step < 40; ++step) {
            clock.advanceMs(10'000);
            QVERIFY(!policy.isDue(*cache.find(key(2)), clock.monotonicMs()));
        }
    }

    // However many slow streams fail, their background retries together stay within
    // failingRetriesPerSecond; healthy slow streams are refreshed as before.
    void failingStreamsShareARetryBudget() {
        MockClock clock;
        FrameCache cache(clock);
        QNetworkAccessManager network;
        FrameGrabber grabber(network, clock);
        GrabScheduler grabs(grabber, GrabScheduler::Options{.maxWorkers = 4, .maxQueued = 1000});
        FreshnessPolicy policy = alwaysExpected();
        policy.failingRetriesPerSecond = 2.0;
        RefreshScheduler refresh(cache, grabs, clock, policy);
        const Error gone{QStringLiteral("timeout"), QStringLiteral("no answer"), {}};
        constexpr int kFailing = 100;
        for (int n = 0; n < kFailing; ++n) {
            cache.markRequested(key(n));
            cache.storeFailure(key(n), gone, 10'000);
        }
        for (int n = 1000; n < 1003; ++n) {
            cache.markRequested(key(n));
            QVERIFY(cache.storeImage(key(n), QByteArray(10, 'x'), "image/jpeg", -1, kSlowGrabMs));
        }
        clock.advanceMs(policy.refreshIntervalMs); // everything due
        RefreshScheduler::PassResult pass = refresh.pass();
        QCOMPARE(pass.requested, 3 + 2); // the healthy three, and a second's worth of retries
        QCOMPARE(pass.deferred, kFailing - 2);
        // The grabs started stay running (no event loop here): each later pass sees only the others.
        int retried = 2;
        for (int second = 0; second < 10; ++second) {
            clock.advanceMs(500);
            retried += refresh.pass().requested;
            clock.advanceMs(500);
            retried += refresh.pass().requested;
        }
        QCOMPARE(retried, 2 + 10 * 2);
        grabs.cancelAll();
    }

    // The grabs follow the asks: 2 000 streams asked once each and grabbed quickly cost no background grab
    // in the 20 minutes they are kept (a blanket 10 s refresh would have been 240 000).
    void quickStreamsCostNoBackgroundGrabs() {
        MockClock clock;
        FrameCache cache(clock);
        cache.setMaxEntries(4000);
        QNetworkAccessManager network;
        FrameGrabber grabber(network, clock);
        GrabScheduler grabs(grabber, GrabScheduler::Options{.maxWorkers = 4, .maxQueued = 100'000});
        FreshnessPolicy policy = kPolicy;
        policy.keepRequestedMs = 20 * 60'000;
        RefreshScheduler refresh(cache, grabs, clock, policy);
        for (int n = 0; n < 2000; ++n) {
            cache.markRequested(key(n));
            QVERIFY(cache.storeImage(key(n), QByteArray(10, 'x'), "image/jpeg", -1, kQuickGrabMs));
        }
        int requested = 0;
        for (int second = 0; second < 20 * 60; second += 5) {
            clock.advanceMs(5'000);
            requested += refresh.pass().requested;
        }
        QCOMPARE(requested, 0);
        QCOMPARE(cache.size(), 2000);
        grabs.cancelAll();
    }

    void refreshLead_data() {
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<qint64>("lead");
        QTest::addColumn<qint64>("dueAfter");
        QTest::newRow("no lead") << qint64(10'000) << qint64(0) << qint64(10'000);
        QTest::newRow("service default") << qint64(10'000) << qint64(1'500) << qint64(8'500);
        QTest::newRow("capped at half") << qint64(2'000) << qint64(1'500) << qint64(1'000);
        QTest::newRow("negative ignored") << qint64(10'000) << qint64(-5) << qint64(10'000);
    }

    void refreshLead() {
        QFETCH(qint64, interval);
        QFETCH(qint64, lead);
        QFETCH(qint64, dueAfter);
        const FreshnessPolicy policy = alwaysExpected({interval, 600'000, interval * 3, lead});
        QCOMPARE(policy.refreshDueAfterMs(), dueAfter);
        MockClock clock;
        FrameCache cache(clock);
        cache.markRequested(key(1));
        QVERIFY(cache.storeImage(key(1), QByteArray(10, 'x'), "image/jpeg", -1, kSlowGrabMs));
        const qint64 t0 = clock.monotonicMs();
        QVERIFY(!policy.isDue(*cache.find(key(1)), t0 + dueAfter - 1));
        QVERIFY(policy.isDue(*cache.find(key(1)), t0 + dueAfter));
    }

    void passIntervals_data() {
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<int>("pass");
        QTest::newRow("200 ms") << qint64(200) << 100;
        QTest::newRow("2 s") << qint64(2'000) << 200;
        QTest::newRow("10 s") << qint64(10'000) << 500;
        QTest::newRow("1 h") << qint64(3'600'000) << 500;
    }

    void passIntervals() {
        QFETCH(qint64, interval);
        QFETCH(int, pass);
        QCOMPARE(RefreshScheduler::passIntervalFor(interval), pass);
    }

    // The refresh pass with the mock clock: due streams are re-grabbed, forgotten ones dropped, images past
    // the grace expire.
    void refreshPass() {
        MockClock clock;
        FrameCache cache(clock);
        QNetworkAccessManager network;
        FrameGrabber grabber(network, clock);
        GrabScheduler grabs(grabber, GrabScheduler::Options{.maxWorkers = 4, .maxQueued = 10});
        int finished = 0;
        int failed = 0;
        connect(&grabs, &GrabScheduler::finished, this,
                [&](const FrameKey&, const Result<EncodedThumbnail>& result) {
                    ++finished;
                    failed += result.ok() ? 0 : 1;
                });
        RefreshScheduler refresh(cache, grabs, clock, alwaysExpected());
        QCOMPARE(refresh.passIntervalMs(), 500);

        cache.markRequested(key(1));
        QVERIFY(cache.storeImage(key(1), QByteArray(10, 'x'), "image/jpeg", -1, kSlowGrabMs));
        cache.markRequested(key(2));
        QVERIFY(cache.storeImage(key(2), QByteArray(10, 'y'), "image/jpeg", -1, kSlowGrabMs));

        RefreshScheduler::PassResult pass = refresh.pass();
        QCOMPARE(pass.requested, 0); // both fresh

        clock.advanceMs(10'000);
        pass = refresh.pass();
        QCOMPARE(pass.requested, 2);
        QVERIFY(grabs.isActive(key(1)));
        // A second pass does not ask again while the grabs run.
        QCOMPARE(refresh.pass().requested, 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished, 2, 10000);
        QCOMPARE(failed, 2);

        // Nobody stores the failures here (the endpoint does); record them as it would.
        cache.storeFailure(key(1), Error{QStringLiteral("connection-refused"), QStringLiteral("refused"), {}},
                           kSlowGrabMs);
        cache.storeFailure(key(2), Error{QStringLiteral("connection-refused"), QStringLiteral("refused"), {}},
                           kSlowGrabMs);
        cache.markRequested(key(2));

        clock.advanceMs(20'001); // 30 001 ms after the good frames
        pass = refresh.pass();
        QCOMPARE(pass.expired, 2);
        QVERIFY(!cache.find(key(1))->hasImage());

        clock.advanceMs(570'000); // key(1) last asked for 600 001 ms ago, key(2) 590 001 ms ago
        pass = refresh.pass();
        QCOMPARE(pass.forgotten, 1);
        QVERIFY(!cache.find(key(1)));
        QVERIFY(cache.find(key(2)));
        QTRY_VERIFY_WITH_TIMEOUT(!grabs.isActive(key(2)), 10000);
    }

    void timerRunsPasses() {
        MockClock clock;
        FrameCache cache(clock);
        QNetworkAccessManager network;
        FrameGrabber grabber(network, clock);
        GrabScheduler grabs(grabber, GrabScheduler::Options{});
        RefreshScheduler refresh(cache, grabs, clock, FreshnessPolicy{400, 60'000, 2000});
        QSignalSpy passes(&refresh, &RefreshScheduler::passed);
        refresh.start();
        QVERIFY(refresh.isActive());
        QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 3, 2000);
        refresh.stop();
        QVERIFY(!refresh.isActive());
    }
};

QTEST_GUILESS_MAIN(TestGeneratorFreshness)
#include "tst_generatorfreshness.moc"
