#include "freshnesspolicy.h"

namespace avld {

namespace {
qint64 imageAge(const CachedFrame& frame, qint64 now) {
    return frame.hasImage() && frame.grabbedAtMs >= 0 ? now - frame.grabbedAtMs : -1;
}
} // namespace

bool FreshnessPolicy::isFresh(const CachedFrame& frame, qint64 now) const {
    const qint64 age = imageAge(frame, now);
    return age >= 0 && age < grabOnRequestAfterMs;
}

bool FreshnessPolicy::isServable(const CachedFrame& frame, qint64 now) const {
    const qint64 age = imageAge(frame, now);
    return age >= 0 && age <= offlineGraceMs;
}

bool FreshnessPolicy::grabsOnRequest(const CachedFrame& frame) const {
    return frame.lastGrabCostMs <= grabFitsRequestMs;
}

qint64 FreshnessPolicy::expectedRequestAtMs(const CachedFrame& frame, ThumbnailFormat format) const {
    if (frame.lastRequestedMs < 0)
        return -1;
    const qint64 assumed = isAnimated(format) ? 3 * assumedRequestIntervalMs : assumedRequestIntervalMs;
    return frame.lastRequestedMs + (frame.requestIntervalMs >= 0 ? frame.requestIntervalMs : assumed);
}

bool FreshnessPolicy::isDue(const CachedFrame& frame, qint64 now, ThumbnailFormat format) const {
    if (frame.lastAttemptMs < 0)
        return true;
    if (grabsOnRequest(frame))
        return false;
    const qint64 expected = expectedRequestAtMs(frame, format);
    const qint64 lead =
        qBound(qint64(0), refreshLeadMs, refreshIntervalMs / 2) + qMax<qint64>(0, frame.lastGrabCostMs);
    if (expected < 0 || now < expected - lead)
        return false;
    return now - frame.lastAttemptMs >= refreshDueAfterMs(frame);
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
