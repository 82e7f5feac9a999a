#pragma once

#include "clock.h"

#include <limits>

namespace avld::test {

// A steady clock that stands still for `budget` readings, then jumps far ahead: a deadline built on it
// expires after a known number of checks, wherever they are.
class CountingClock final : public Clock {
public:
    explicit CountingClock(int budget = std::numeric_limits<int>::max())
        : m_budget(budget) {}
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 monotonicMs() const override { return ++m_readings > m_budget ? 1'000'000'000 : 0; }
    int readings() const { return m_readings; }

private:
    int m_budget;
    mutable int m_readings = 0;
};

} // namespace avld::test
