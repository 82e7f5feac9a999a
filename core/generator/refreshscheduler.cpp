#include "refreshscheduler.h"

#include "framecache.h"
#include "grabscheduler.h"
#include "logging.h"

namespace avld {

RefreshScheduler::RefreshScheduler(FrameCache& cache, GrabScheduler& grabs, const Clock& clock,
                                   FreshnessPolicy policy, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_grabs(grabs)
    , m_clock(clock)
    , m_policy(policy) {
    m_timer.setInterval(passIntervalFor(m_policy.refreshIntervalMs));
    connect(&m_timer, &QTimer::timeout, this, [this] { pass(); });
}

int RefreshScheduler::passIntervalFor(qint64 refreshIntervalMs) {
    // A tenth of the interval keeps a refresh's start within 10 % of when it was due; never busier than 10
    // passes a second.
    return int(qBound(qint64(100), refreshIntervalMs / 10, qint64(500)));
}

void RefreshScheduler::start() {
    m_timer.start();
}

void RefreshScheduler::stop() {
    m_timer.stop();
}

void RefreshScheduler::refillFailingRetries(qint64 now) {
    const double rate = qMax(0.0, m_policy.failingRetriesPerSecond);
    const double burst = qMax(1.0, rate);
    if (m_refilledAtMs < 0)
        m_failingRetryTokens = burst;
    else
        m_failingRetryTokens =
            qMin(burst, m_failingRetryTokens + double(now - m_refilledAtMs) * rate / 1000.0);
    m_refilledAtMs = now;
}

RefreshScheduler::PassResult RefreshScheduler::pass() {
    PassResult result;
    const qint64 now = m_clock.monotonicMs();
    refillFailingRetries(now);
    // Least recently used last: when the grab queue fills up, the streams asked for most recently go first.
    for (const FrameKey& key : m_cache.keys()) {
        const CachedFrame* frame = m_cache.find(key);
        if (!frame)
            continue;
        const bool requested = !m_policy.isForgotten(*frame, now);
        // Grabbed ahead of its own request (ImageEndpoint's prefetch): kept as long as a request would be,
        // never refreshed for it; the still requests that prefetched it grab it again when it is not fresh.
        const bool prefetched =
            frame->lastPrefetchedMs >= 0 && now - frame->lastPrefetchedMs <= m_policy.keepRequestedMs;
        if (!requested && !prefetched) {
            m_cache.remove(key);
            ++result.forgotten;
            continue;
        }
        if (frame->hasImage() && !m_policy.isServable(*frame, now)) {
            m_cache.dropImage(key);
            ++result.expired;
        }
        if (requested && m_policy.isDue(*frame, now, key.format) && !m_grabs.isActive(key)) {
            const bool failing = frame->failingSinceMs >= 0;
            if (failing && m_failingRetryTokens < 1.0) {
                ++result.deferred;
                continue;
            }
            if (m_grabs.request(key) == GrabScheduler::Admission::Refused)
                break; // the queue is full; the next pass goes on
            if (failing)
                m_failingRetryTokens -= 1.0;
            ++result.requested;
        }
    }
    if (result.forgotten || result.expired || result.deferred)
        qCDebug(lcGenerator) << "refresh pass:" << result.requested << "refreshes," << result.forgotten
                             << "streams forgotten," << result.expired << "images past the offline grace,"
                             << result.deferred << "retries of failing streams deferred";
    Q_EMIT passed(result);
    return result;
}

} // namespace avld
