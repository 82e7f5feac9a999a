#pragma once

#include "clock.h"
#include "freshnesspolicy.h"

#include <QObject>
#include <QTimer>

namespace avld {

class FrameCache;
class GrabScheduler;

// Grabs in the background what cannot be grabbed while AVideo waits (see FreshnessPolicy): every pass
// forgets streams nobody asked for (or prefetched) lately, drops images past the offline grace, and asks the
// grab scheduler for the refreshes that are due: streams too slow to grab on request, near their next ask.
// Prefetched images that were never requested are not refreshed: only what someone asks for costs grabs.
// Passes run on a timer several times per refresh interval; the ages come from the Clock, so tests can call
// pass() with a mock clock.
class RefreshScheduler : public QObject {
    Q_OBJECT
public:
    struct PassResult {
        int requested = 0; // refreshes asked for
        int forgotten = 0; // entries removed
        int expired = 0;   // images dropped after the grace
        int deferred = 0;  // retries of failing streams left for a later pass (failingRetriesPerSecond)
    };

    RefreshScheduler(FrameCache& cache, GrabScheduler& grabs, const Clock& clock, FreshnessPolicy policy,
                     QObject* parent = nullptr);

    // Passes run a few times per refresh interval, at most every 500 ms and at least every 100 ms.
    static int passIntervalFor(qint64 refreshIntervalMs);

    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    const FreshnessPolicy& policy() const { return m_policy; }
    int passIntervalMs() const { return m_timer.interval(); }

    PassResult pass();

Q_SIGNALS:
    void passed(const avld::RefreshScheduler::PassResult& result);

private:
    // Background retries of failing streams: a token bucket refilled at failingRetriesPerSecond, holding at
    // most a second's worth.
    void refillFailingRetries(qint64 now);

    FrameCache& m_cache;
    GrabScheduler& m_grabs;
    const Clock& m_clock;
    FreshnessPolicy m_policy;
    QTimer m_timer;
    double m_failingRetryTokens = 0;
    qint64 m_refilledAtMs = -1;
};

} // namespace avld
