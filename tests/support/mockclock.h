#pragma once

#include "clock.h"

namespace avld::test {

// A clock that moves only when the test says so.
class MockClock final : public Clock {
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC))
        : m_now(std::move(start)) {}

    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

    void advanceMs(qint64 ms) {
        m_monotonicMs += ms;
        m_now = m_now.addMSecs(ms);
    }
    // Moves the wall clock only (as NTP or a user would), leaving steady time alone.
    void setWallClock(QDateTime now) { m_now = std::move(now); }

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 1'000'000;
};

} // namespace avld::test
