#include "deadline.h"

#include <algorithm>
#include <limits>

namespace avld {

Deadline::Deadline(const Clock& clock, qint64 timeoutMs)
    : m_clock(&clock)
    , m_startMs(clock.monotonicMs())
    , m_timeoutMs(timeoutMs) {}

Deadline Deadline::never(const Clock& clock) {
    return Deadline(clock, -1);
}

bool Deadline::expired() const {
    return m_timeoutMs >= 0 && elapsedMs() >= m_timeoutMs;
}

qint64 Deadline::remainingMs() const {
    if (m_timeoutMs < 0)
        return std::numeric_limits<qint64>::max();
    return std::max<qint64>(0, m_timeoutMs - elapsedMs());
}

qint64 Deadline::elapsedMs() const {
    return m_clock->monotonicMs() - m_startMs;
}

} // namespace avld
