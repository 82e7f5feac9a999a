#include "framecache.h"

namespace avld {

FrameCache::FrameCache(const Clock& clock, qint64 capBytes)
    : m_clock(clock)
    , m_capBytes(qMax<qint64>(EntryOverheadBytes, capBytes)) {}

const CachedFrame* FrameCache::find(const FrameKey& key) const {
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? nullptr : &it->frame;
}

qint64 FrameCache::ageMs(const CachedFrame& frame) const {
    if (!frame.hasImage() || frame.grabbedAtMs < 0)
        return -1;
    return qMax<qint64>(0, m_clock.monotonicMs() - frame.grabbedAtMs);
}

FrameCache::Node& FrameCache::touch(const FrameKey& key) {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        m_order.push_front(key);
        it = m_entries.insert(key, Node{{}, m_order.begin(), 0});
        recost(*it);
    } else if (it->position != m_order.begin()) {
        m_order.splice(m_order.begin(), m_order, it->position);
    }
    return *it;
}

void FrameCache::recost(Node& node) {
    m_bytes -= node.cost;
    node.cost = EntryOverheadBytes + node.frame.bytes.size() + node.frame.contentType.size();
    m_bytes += node.cost;
}

void FrameCache::evict(const FrameKey* keep) {
    // Past the byte cap the oldest images go first and their entries stay: what a stream's asks taught (how
    // often it is asked for, how long its grabs take, when its animated image was grabbed ahead) must outlive
    // its image, or its next ask counts as its first and grabs its animated image ahead once more.
    for (auto it = m_order.rbegin(); m_bytes > m_capBytes && it != m_order.rend(); ++it) {
        if (keep && *it == *keep)
            continue;
        Node& node = *m_entries.find(*it);
        if (!node.frame.hasImage())
            continue;
        node.frame.bytes.clear();
        node.frame.contentType.clear();
        recost(node);
        ++m_evictions;
    }
    // Whole entries, oldest first: beyond the count, or still over the cap with no other image left. The
    // entry just touched is at the front and goes last, only if it alone is too big.
    while ((m_bytes > m_capBytes || int(m_order.size()) > m_maxEntries) && !m_order.empty()) {
        const FrameKey victim = m_order.back();
        if (keep && victim == *keep && m_order.size() == 1)
            break;
        remove(victim);
        ++m_evictions;
    }
}

void FrameCache::markRequested(const FrameKey& key) {
    Node& node = touch(key);
    CachedFrame& frame = node.frame;
    const qint64 now = m_clock.monotonicMs();
    if (frame.lastRequestedMs >= 0) {
        const qint64 gap = now - frame.lastRequestedMs;
        if (gap < SameAskMs)
            return evict(&key); // the same ask: neither a new gap nor a new start for the next one
        // Weighted towards the recent gaps, so a site that starts asking more (a cache cleared, more
        // visitors) is followed within a few asks.
        frame.requestIntervalMs = frame.requestIntervalMs < 0 ? gap : (frame.requestIntervalMs * 2 + gap) / 3;
    }
    frame.lastRequestedMs = now;
    evict(&key);
}

void FrameCache::markPrefetched(const FrameKey& key) {
    Node& node = touch(key);
    node.frame.lastPrefetchedMs = m_clock.monotonicMs();
    evict(&key);
}

bool FrameCache::storeImage(const FrameKey& key, QByteArray bytes, QByteArray contentType, qint64 streamLagMs,
                            qint64 grabCostMs) {
    if (EntryOverheadBytes + bytes.size() + contentType.size() > m_capBytes)
        return false;
    Node& node = touch(key);
    CachedFrame& frame = node.frame;
    frame.bytes = std::move(bytes);
    frame.contentType = std::move(contentType);
    frame.grabbedAtMs = m_clock.monotonicMs();
    frame.grabbedAt = m_clock.now();
    frame.streamLagMs = streamLagMs;
    frame.lastGrabCostMs = grabCostMs;
    frame.lastAttemptMs = frame.grabbedAtMs;
    frame.lastError.reset();
    frame.failingSinceMs = -1;
    recost(node);
    evict(&key);
    return true;
}

void FrameCache::storeFailure(const FrameKey& key, const Error& error, qint64 grabCostMs) {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        touch(key);
        it = m_entries.find(key);
    }
    CachedFrame& frame = it->frame;
    frame.lastAttemptMs = m_clock.monotonicMs();
    frame.lastError = error;
    frame.lastGrabCostMs = grabCostMs;
    if (frame.failingSinceMs < 0)
        frame.failingSinceMs = frame.lastAttemptMs;
    evict(&key);
}

void FrameCache::dropImage(const FrameKey& key) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    it->frame.bytes.clear();
    it->frame.contentType.clear();
    recost(*it);
}

bool FrameCache::remove(const FrameKey& key) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return false;
    m_bytes -= it->cost;
    m_order.erase(it->position);
    m_entries.erase(it);
    return true;
}

QList<FrameKey> FrameCache::keys() const {
    return QList<FrameKey>(m_order.begin(), m_order.end());
}

qint64 FrameCache::imageBytes() const {
    qint64 total = 0;
    for (const Node& node : m_entries)
        total += node.frame.bytes.size();
    return total;
}

void FrameCache::setCapBytes(qint64 capBytes) {
    m_capBytes = qMax<qint64>(EntryOverheadBytes, capBytes);
    evict(nullptr);
}

void FrameCache::setMaxEntries(int maxEntries) {
    m_maxEntries = qMax(1, maxEntries);
    evict(nullptr);
}

} // namespace avld
