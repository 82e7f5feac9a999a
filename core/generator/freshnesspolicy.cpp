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
    return frame.lastAttemptMs < 0 || now - frame.lastAttemptMs >= refreshDueAfterMs();
}

qint64 FreshnessPolicy::refreshDueAfterMs() const {
    return refreshIntervalMs - qBound(qint64(0), refreshLeadMs, refreshIntervalMs / 2);
}

bool FreshnessPolicy::isForgotten(const CachedFrame& frame, qint64 now) const {
    return frame.lastRequestedMs < 0 || now - frame.lastRequestedMs > keepRequestedMs;
}

} // namespace avld
