#pragma once

#include "framecache.h"

namespace avld {

// When a cached thumbnail may be served, when it is renewed, and when it is forgotten. With `now` and all
// times on the Clock's steady milliseconds:
//   fresh      an image younger than refreshIntervalMs: served as it is
//   servable   an image at most offlineGraceMs old: served; if not fresh, a refresh is asked for at once
//              (stale-while-revalidate). Refreshes run every refreshIntervalMs, so a live stream's image
//              never gets that old; once a stream's grabs fail (the live ended, the server is down) its last
//              good image is served until it is offlineGraceMs old, then dropped: the answer is empty, never
//              the frozen picture of an ended live.
//   due        no grab ended within refreshIntervalMs - refreshLeadMs (good or bad): refreshed in the
//              background. The lead lets the next image arrive before the current one is a full interval old:
//              a refresh waits up to one scheduler pass to start and then takes a grab's time. It is capped
//              at half the interval. A stream whose grabs keep failing (an ended live, a URL that never
//              existed) is retried in the background after as long as it has been failing, up to
//              maxFailingRetryMs, and all failing streams together get at most failingRetriesPerSecond
//              background retries (RefreshScheduler): a flood of made-up stream URLs costs the media host a
//              fixed trickle, not a refresh of each every interval. A request still grabs at once
//              (ImageEndpoint), so a live that comes back is seen as soon as AVideo asks.
//   forgotten  not requested within keepRequestedMs: removed from the cache, no more refreshes
struct FreshnessPolicy {
    qint64 refreshIntervalMs = 10'000;
    qint64 keepRequestedMs = 10 * 60'000;
    qint64 offlineGraceMs = 30'000;
    qint64 refreshLeadMs = 0;
    qint64 maxFailingRetryMs = 5 * 60'000;
    double failingRetriesPerSecond = 2.0;

    bool isFresh(const CachedFrame& frame, qint64 now) const;
    bool isServable(const CachedFrame& frame, qint64 now) const;
    bool isDue(const CachedFrame& frame, qint64 now) const;
    bool isForgotten(const CachedFrame& frame, qint64 now) const;
    // How long after the last grab a refresh is due, for a healthy stream.
    qint64 refreshDueAfterMs() const;
    // How long after the last grab of this stream its refresh is due (longer while its grabs fail).
    qint64 refreshDueAfterMs(const CachedFrame& frame) const;
};

} // namespace avld
