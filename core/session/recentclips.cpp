#include "recentclips.h"

namespace avld {

RecentClips::RecentClips(const Clock& clock, int capacity, qint64 maxAgeMs)
    : m_clock(clock)
    , m_capacity(qMax(1, capacity))
    , m_maxAgeMs(maxAgeMs) {}

void RecentClips::insert(const QString& key, QSize box, PreviewClip clip) {
    m_entries.removeIf([&](const Entry& e) { return e.key == key && e.box == box; });
    m_entries.append({key, box, std::move(clip), m_clock.monotonicMs()});
    dropExpired();
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
}

std::optional<PreviewClip> RecentClips::find(const QString& key, QSize box) {
    dropExpired();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).key != key || m_entries.at(i).box != box)
            continue;
        m_entries.move(i, m_entries.size() - 1);
        return m_entries.last().clip;
    }
    return std::nullopt;
}

void RecentClips::dropExpired() {
    const qint64 now = m_clock.monotonicMs();
    m_entries.removeIf([&](const Entry& e) { return now - e.storedAtMs >= m_maxAgeMs; });
}

} // namespace avld
