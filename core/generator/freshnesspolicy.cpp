#include "freshnesspolicy.h"

namespace avld {

namespace {
qint64 imageAge(const CachedFrame& frame, qint64 now) {
    return frame.hasImage() && frame.grabbedAtMs >= 0 ? now - frame.grabbedAtMs : -1;
}
} // namespace

bool FreshnessPolicy::isFresh(const CachedFrame& frame, qint64 now) const {
    const qint64 age = imageAge(frame, now);
    return age >= 0 && age < refreshIntervalMs;
}

bool FreshnessPolicy::isServable(const CachedFrame& frame, qint64 now) const {
    const qint64 age = imageAge(frame, now);
    return age >= 0 && age <= offlineGraceMs;
}

bool FreshnessPolicy::isDue(const CachedFrame& frame, qint64 now) const {
    return frame.lastAttemptMs < 0 || now - frame.lastAttemptMs >= refreshDueAfterMs(frame);
}

qint64 FreshnessPolicy::refreshDueAfterMs(const CachedFrame& frame) const {
    const qint64 healthy = refreshDueAfterMs();
    if (frame.failingSinceMs < 0 || frame.lastAttemptMs < frame.failingSinceMs)
        return healthy;
    // Doubling, in effect: each retry waits as long as the streak has lasted.
    const qint64 failingForMs = frame.lastAttemptMs - frame.failingSinceMs;
    return qBound(healthy, failingForMs, qMax(healthy, maxFailingRetryMs));
}

qint64 FreshnessPolicy::refreshDueAfterMs() const {
    return refreshIntervalMs - qBound(qint64(0), refreshLeadMs, refreshIntervalMs / 2);
}

bool FreshnessPolicy::isForgotten(const CachedFrame& frame, qint64 now) const {
    return frame.lastRequestedMs < 0 || now - frame.lastRequestedMs > keepRequestedMs;
}

} // namespace avld
