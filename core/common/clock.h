#pragma once

#include <QDateTime>

namespace avld {

// Every timer-driven piece (probe intervals, hysteresis, cache ages, backoff, deadlines) asks a Clock,
// never the system directly, so tests can move time by hand instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;

    // Wall-clock time in UTC, for timestamps that are stored or shown.
    virtual QDateTime now() const = 0;
    // Milliseconds on a steady clock with an arbitrary epoch, for measuring durations and deadlines.
    virtual qint64 monotonicMs() const = 0;

    // The process-wide real clock.
    static Clock& system();
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override;
    qint64 monotonicMs() const override;
};

} // namespace avld
