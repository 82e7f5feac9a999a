#pragma once

#include "clock.h"

namespace avld {

// A point in time after which an operation must give up, measured on a Clock's steady time.
class Deadline {
public:
    Deadline(const Clock& clock, qint64 timeoutMs);

    static Deadline never(const Clock& clock);

    bool expired() const;
    // Milliseconds left, never negative; a very large number for never().
    qint64 remainingMs() const;
    qint64 elapsedMs() const;
    qint64 timeoutMs() const { return m_timeoutMs; }

private:
    const Clock* m_clock;
    qint64 m_startMs;
    qint64 m_timeoutMs; // negative means never
};

} // namespace avld
