#include "generator/framecache.h"
#include "mockclock.h"

#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

FrameKey key(int n, ThumbnailFormat format = ThumbnailFormat::Jpg) {
    return {QUrl(QStringLiteral("http://media.example/live/k%1/index.m3u8").arg(n)), format};
}

QByteArray image(int bytes, char fill = 'x') {
    return QByteArray(bytes, fill);
}

constexpr qint64 kOverhead = FrameCache::EntryOverheadBytes;

} // namespace

class TestFrameCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void storesAndAges() {
        MockClock clock;
        FrameCache cache(clock);
        QVERIFY(!cache.find(key(1)));
        QVERIFY(cache.storeImage(key(1), image(1000), "image/jpeg", 2000));
        const CachedFrame* frame = cache.find(key(1));
        QVERIFY(frame);
        QVERIFY(frame->hasImage());
        QCOMPARE(frame->contentType, QByteArray("image/jpeg"));
        QCOMPARE(frame->streamLagMs, 2000);
        QCOMPARE(frame->grabbedAt, clock.now());
        QCOMPARE(cache.ageMs(*frame), 0);
        clock.advanceMs(4500);
        QCOMPARE(cache.ageMs(*cache.find(key(1))), 4500);
        // The same stream in another format is another entry.
        QVERIFY(!cache.find(key(1, ThumbnailFormat::Png)));
        QCOMPARE(cache.size(), 1);
        QCOMPARE(cache.bytes(), kOverhead + 1000 + 10);
        QCOMPARE(cache.imageBytes(), 1000);
    }

    void requestsAreStamped() {
        MockClock clock;
        FrameCache cache(clock);
        cache.markRequested(key(1));
        const CachedFrame* frame = cache.find(key(1));
        QVERIFY(frame);
        QVERIFY(!frame->hasImage());
        QCOMPARE(frame->lastRequestedMs, clock.monotonicMs());
        QCOMPARE(cache.ageMs(*frame), -1);
        QCOMPARE(frame->requestIntervalMs, -1);
        clock.advanceMs(1700);
        cache.markRequested(key(1));
        QCOMPARE(cache.find(key(1))->lastRequestedMs, clock.monotonicMs());
        QCOMPARE(cache.find(key(1))->requestIntervalMs, 1700);
        // Asks within a second of the last are the same ask (visitors of one gallery page).
        const qint64 asked = clock.monotonicMs();
        clock.advanceMs(999);
        cache.markRequested(key(1));
        QCOMPARE(cache.find(key(1))->lastRequestedMs, asked);
        QCOMPARE(cache.find(key(1))->requestIntervalMs, 1700);
        // Later gaps move the figure a third of the way each.
        clock.advanceMs(3001); // 4 000 ms after the last ask
        cache.markRequested(key(1));
        QCOMPARE(cache.find(key(1))->requestIntervalMs, (1700 * 2 + 4000) / 3);
    }

    void grabTimesAreKept() {
        MockClock clock;
        FrameCache cache(clock);
        QVERIFY(cache.storeImage(key(1), image(10), "image/jpeg", -1, 45));
        QCOMPARE(cache.find(key(1))->lastGrabCostMs, 45);
        cache.storeFailure(key(1), Error{QStringLiteral("timeout"), QStringLiteral("slow"), {}}, 10'000);
        QCOMPARE(cache.find(key(1))->lastGrabCostMs, 10'000);
        QVERIFY(cache.find(key(1))->hasImage());
    }

    // Past the byte cap the least recently used images go, their entries stay.
    void leastRecentlyUsedImageGoesFirst() {
        MockClock clock;
        // With four entries, room for three 4000-byte images, not four; with five, for a 4000-byte and an
        // 8000-byte one.
        FrameCache cache(clock, 5 * kOverhead + (4000 + 10) + (8000 + 10) + 20);
        for (int n = 1; n <= 3; ++n) {
            QVERIFY(cache.storeImage(key(n), image(4000), "image/jpeg"));
            clock.advanceMs(10);
        }
        QCOMPARE(cache.size(), 3);
        // Asking for 1 makes 2 the least recently used.
        cache.markRequested(key(1));
        QVERIFY(cache.storeImage(key(4), image(4000), "image/jpeg"));
        QCOMPARE(cache.size(), 4);
        QVERIFY(cache.find(key(1))->hasImage());
        QVERIFY(!cache.find(key(2))->hasImage());
        QVERIFY(cache.find(key(3))->hasImage());
        QVERIFY(cache.find(key(4))->hasImage());
        QCOMPARE(cache.evictions(), 1);
        QVERIFY(cache.bytes() <= cache.capBytes());
        QCOMPARE(cache.keys(), (QList<FrameKey>{key(4), key(1), key(3), key(2)}));

        // A larger image pushes out as many images as needed, oldest first.
        QVERIFY(cache.storeImage(key(5), image(8000), "image/jpeg"));
        QVERIFY(cache.bytes() <= cache.capBytes());
        QVERIFY(cache.find(key(5))->hasImage());
        QVERIFY(cache.find(key(4))->hasImage());
        QVERIFY(!cache.find(key(3))->hasImage());
        QVERIFY(!cache.find(key(1))->hasImage());
        QCOMPARE(cache.size(), 5);
        QCOMPARE(cache.evictions(), 3);
    }

    // What a stream's asks taught outlives its image: with its entry gone, the next ask of a stream asked
    // every 5 minutes would count as its first (and grab its animated image ahead again, the issue-17 soak
    // with 2 000 streams).
    void historyOutlivesTheImage_data() {
        QTest::addColumn<ThumbnailFormat>("format");
        QTest::newRow("jpg") << ThumbnailFormat::Jpg;
        QTest::newRow("webp grabbed ahead") << ThumbnailFormat::Webp;
    }

    void historyOutlivesTheImage() {
        QFETCH(ThumbnailFormat, format);
        MockClock clock;
        FrameCache cache(clock, 3 * kOverhead + 2 * (4000 + 10) + 100);
        cache.markRequested(key(1, format));
        clock.advanceMs(300'000);
        cache.markRequested(key(1, format));
        cache.markPrefetched(key(1, format));
        QVERIFY(cache.storeImage(key(1, format), image(4000), "image/webp", 80, 250));
        const qint64 prefetchedAt = clock.monotonicMs();
        clock.advanceMs(1000);
        // Two other streams' images need the room.
        QVERIFY(cache.storeImage(key(2), image(4000), "image/jpeg"));
        QVERIFY(cache.storeImage(key(3), image(4000), "image/jpeg"));
        const CachedFrame* frame = cache.find(key(1, format));
        QVERIFY(frame);
        QVERIFY(!frame->hasImage());
        QCOMPARE(frame->requestIntervalMs, 300'000);
        QCOMPARE(frame->lastPrefetchedMs, prefetchedAt);
        QCOMPARE(frame->lastGrabCostMs, 250);
        QCOMPARE(frame->lastAttemptMs, prefetchedAt);
        QCOMPARE(cache.size(), 3);
        QCOMPARE(cache.evictions(), 1);
    }

    void replacingAnImageKeepsTheCount() {
        MockClock clock;
        FrameCache cache(clock, 10 * 1024);
        QVERIFY(cache.storeImage(key(1), image(3000), "image/png"));
        QVERIFY(cache.storeImage(key(1), image(2000, 'y'), "image/png"));
        QCOMPARE(cache.size(), 1);
        QCOMPARE(cache.bytes(), kOverhead + 2000 + 9);
        QCOMPARE(cache.find(key(1))->bytes, image(2000, 'y'));
    }

    void imageLargerThanTheCapIsNotStored() {
        MockClock clock;
        FrameCache cache(clock, 8 * 1024);
        QVERIFY(cache.storeImage(key(1), image(1000), "image/jpeg"));
        QVERIFY(!cache.storeImage(key(2), image(9000), "image/jpeg"));
        QVERIFY(!cache.find(key(2)));
        QVERIFY(cache.find(key(1))); // nothing was evicted for it
    }

    void capCanShrink() {
        MockClock clock;
        FrameCache cache(clock, 64 * 1024);
        for (int n = 0; n < 10; ++n)
            QVERIFY(cache.storeImage(key(n), image(4000), "image/jpeg"));
        // Room for the ten entries and two images: the newest two keep theirs.
        cache.setCapBytes(10 * kOverhead + 2 * 4010 + 100);
        QCOMPARE(cache.size(), 10);
        QCOMPARE(cache.imageBytes(), 2 * 4000);
        QVERIFY(cache.find(key(9))->hasImage());
        QVERIFY(cache.find(key(8))->hasImage());
        QVERIFY(!cache.find(key(7))->hasImage());
        // Smaller than the entries themselves: every image goes, then the oldest entries.
        cache.setCapBytes(5 * kOverhead + 100);
        QCOMPARE(cache.imageBytes(), 0);
        QCOMPARE(cache.keys(), (QList<FrameKey>{key(9), key(8), key(7), key(6), key(5)}));
        QVERIFY(cache.bytes() <= cache.capBytes());
    }

    void failuresKeepTheImageAndCountTheStreak() {
        MockClock clock;
        FrameCache cache(clock);
        QVERIFY(cache.storeImage(key(1), image(100), "image/jpeg"));
        const qint64 good = clock.monotonicMs();
        clock.advanceMs(10'000);
        const Error offline{QStringLiteral("stale"), QStringLiteral("the publisher stopped"), {}};
        cache.storeFailure(key(1), offline);
        const qint64 firstFailure = clock.monotonicMs();
        clock.advanceMs(10'000);
        cache.storeFailure(key(1), offline);
        const CachedFrame* frame = cache.find(key(1));
        QVERIFY(frame->hasImage());
        QCOMPARE(frame->grabbedAtMs, good);
        QCOMPARE(frame->failingSinceMs, firstFailure);
        QCOMPARE(frame->lastAttemptMs, clock.monotonicMs());
        QCOMPARE(frame->lastError, std::optional<Error>(offline));
        QCOMPARE(cache.ageMs(*frame), 20'000);

        // A good grab ends the streak.
        QVERIFY(cache.storeImage(key(1), image(100), "image/jpeg"));
        QCOMPARE(cache.find(key(1))->failingSinceMs, -1);
        QVERIFY(!cache.find(key(1))->lastError);
    }

    void failureOfAnUnknownStreamCreatesItsEntry() {
        MockClock clock;
        FrameCache cache(clock);
        cache.storeFailure(key(7), Error{QStringLiteral("http-404"), QStringLiteral("not found"), {}});
        QVERIFY(cache.find(key(7)));
        QVERIFY(!cache.find(key(7))->hasImage());
        QCOMPARE(cache.find(key(7))->failingSinceMs, clock.monotonicMs());
    }

    void droppingTheImageKeepsTheHistory() {
        MockClock clock;
        FrameCache cache(clock);
        cache.markRequested(key(1));
        QVERIFY(cache.storeImage(key(1), image(5000), "image/gif"));
        cache.dropImage(key(1));
        const CachedFrame* frame = cache.find(key(1));
        QVERIFY(frame);
        QVERIFY(!frame->hasImage());
        QVERIFY(frame->lastRequestedMs >= 0);
        QCOMPARE(cache.bytes(), kOverhead);
        QVERIFY(cache.remove(key(1)));
        QVERIFY(!cache.remove(key(1)));
        QCOMPARE(cache.bytes(), 0);
        QCOMPARE(cache.size(), 0);
    }

    // Many entries without images (streams asked for, never grabbed) are bounded too.
    // Issue 15, item 8: a 10 s flood of unique stream URLs left 18 163 streams tracked (and refreshed).
    void trackedStreamsAreCapped() {
        MockClock clock;
        FrameCache cache(clock, 1024LL * 1024 * 1024);
        QCOMPARE(cache.maxEntries(), FrameCache::DefaultMaxEntries);
        cache.setMaxEntries(100);
        for (int n = 0; n < 1000; ++n)
            cache.markRequested(key(n));
        QCOMPARE(cache.size(), 100);
        QVERIFY(cache.find(key(999)));
        QVERIFY(cache.find(key(900)));
        QVERIFY(!cache.find(key(899)));
        QCOMPARE(cache.evictions(), qint64(900));
        cache.setMaxEntries(10); // shrinking drops the least recently used at once
        QCOMPARE(cache.size(), 10);
        QVERIFY(cache.find(key(999)));
    }

    void entriesWithoutImagesAreBounded() {
        MockClock clock;
        FrameCache cache(clock, 100 * kOverhead);
        for (int n = 0; n < 1000; ++n)
            cache.markRequested(key(n));
        QCOMPARE(cache.size(), 100);
        QVERIFY(cache.find(key(999)));
        QVERIFY(!cache.find(key(0)));
    }
};

QTEST_GUILESS_MAIN(TestFrameCache)
#include "tst_framecache.moc"
