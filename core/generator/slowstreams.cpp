#include "slowstreams.h"

#include <algorithm>

namespace avld {

SlowStreams::SlowStreams(int capacity)
    : m_capacity(qMax(1, capacity)) {}

void SlowStreams::mark(const QUrl& stream) {
    m_markedAt.insert(stream, m_next++);
    if (m_markedAt.size() <= m_capacity)
        return;
    // Rare (a flood of distinct slow URLs): a linear search for the oldest keeps the common path cheap.
    const auto oldest = std::min_element(m_markedAt.cbegin(), m_markedAt.cend());
    m_markedAt.erase(oldest);
}

} // namespace avld
