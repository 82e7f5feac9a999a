#pragma once

#include "clock.h"
#include "framekey.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <list>
#include <optional>

namespace avld {

// What the generator knows about one (stream, format): the last good image and how the stream has been doing.
// Times are on the Clock's steady milliseconds.
struct CachedFrame {
    QByteArray bytes; // the encoded image; empty until a grab succeeded
    QByteArray contentType;
    qint64 grabbedAtMs = -1; // when the image was grabbed
    QDateTime grabbedAt;     // the same on the wall clock, for people
    qint64 streamLagMs = -1; // how far behind the live edge the frame was, as the grabber saw it
    qint64 lastRequestedMs = -1;
    // How often it is asked for: a moving average of the gaps between requests (requests closer than
    // SameAskMs count as one ask: a gallery's visitors arrive together); -1 until it was asked twice.
    qint64 requestIntervalMs = -1;
    // How long the last grab took, from its start to the image encoded (or to its failure); -1 never.
    qint64 lastGrabCostMs = -1;
    // When this (animated) image was last grabbed ahead of its own request, because a still of the same
    // stream was asked for; such an entry is kept but not refreshed until it is requested (RefreshScheduler).
    qint64 lastPrefetchedMs = -1;
    qint64 lastAttemptMs = -1; // when the last grab ended, well or not
    std::optional<Error> lastError;
    qint64 failingSinceMs = -1; // the first failed grab since the last good one; -1 while healthy

    bool hasImage() const { return !bytes.isEmpty(); }
};

// Thumbnails by (stream URL, format). Once the bytes held pass the cap, the least recently used images are
// dropped first, their entries (the stream's history) kept; entries go, least recently used first, beyond
// maxEntries(). An entry costs its image plus a small fixed amount, so entries without an image are bounded
// by the cap too.
// Not thread-safe: lives on the service's thread.
class FrameCache {
public:
    static constexpr qint64 DefaultCapBytes = 64LL * 1024 * 1024;
    static constexpr qint64 EntryOverheadBytes = 512;

    explicit FrameCache(const Clock& clock = Clock::system(), qint64 capBytes = DefaultCapBytes);

    const CachedFrame* find(const FrameKey& key) const;
    bool contains(const FrameKey& key) const { return m_entries.contains(key); }
    // Milliseconds since the image was grabbed; -1 without an image.
    qint64 ageMs(const CachedFrame& frame) const;

    // Requests closer together than this are one ask for requestIntervalMs.
    static constexpr qint64 SameAskMs = 1000;

    // Someone asked for this: creates the entry if needed, stamps the time, learns how often it is asked
    // for, makes it most recently used.
    void markRequested(const FrameKey& key);
    // Grabbed ahead of a request: creates the entry if needed and stamps the time, without counting as one.
    void markPrefetched(const FrameKey& key);
    // A good grab: the image replaces the old one and the failure streak ends. False (and nothing stored)
    // when the image alone is larger than the cap. `grabCostMs`: how long the grab took (-1 unknown).
    bool storeImage(const FrameKey& key, QByteArray bytes, QByteArray contentType, qint64 streamLagMs = -1,
                    qint64 grabCostMs = -1);
    // A failed grab: the old image stays (its age tells how stale it is), the streak starts or goes on.
    void storeFailure(const FrameKey& key, const Error& error, qint64 grabCostMs = -1);
    // Forgets the image but keeps the entry's history (an ended live must not be served again).
    void dropImage(const FrameKey& key);
    bool remove(const FrameKey& key);

    // Most recently used first.
    QList<FrameKey> keys() const;
    int size() const { return int(m_entries.size()); }
    qint64 bytes() const { return m_bytes; }
    qint64 imageBytes() const;
    qint64 capBytes() const { return m_capBytes; }
    void setCapBytes(qint64 capBytes);
    // At most this many (stream, format) entries, least recently used dropped first: every entry is a
    // stream the refresh may grab, so a flood of unique stream URLs must not become tens of thousands of
    // them. Room for a site with 2 000 lives asked for in three formats (jpg, webp, gif).
    static constexpr int DefaultMaxEntries = 8192;
    void setMaxEntries(int maxEntries);
    int maxEntries() const { return m_maxEntries; }
    // Images and entries dropped for room.
    qint64 evictions() const { return m_evictions; }

private:
    struct Node {
        CachedFrame frame;
        std::list<FrameKey>::iterator position;
        qint64 cost = 0;
    };

    Node& touch(const FrameKey& key);
    void recost(Node& node);
    void evict(const FrameKey* keep);

    const Clock& m_clock;
    qint64 m_capBytes;
    qint64 m_bytes = 0;
    qint64 m_evictions = 0;
    int m_maxEntries = DefaultMaxEntries;
    QHash<FrameKey, Node> m_entries;
    std::list<FrameKey> m_order; // front: most recently used
};

} // namespace avld
