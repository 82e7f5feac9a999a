#pragma once

#include "framecache.h"

namespace avld {

// When a cached thumbnail may be served, when it is grabbed anew, and when it is forgotten. With `now` and
// all times on the Clock's steady milliseconds:
//   fresh      an image younger than grabOnRequestAfterMs: served as it is.
//   grabbed on request
//              a request for an older image waits for a new grab (ImageEndpoint) when the stream's grabs fit
//              AVideo's wait: its last grab took at most grabFitsRequestMs (most take 10-80 ms). That answer
//              is the freshest picture there is, and it costs one grab per ask: AVideo asks for a live's
//              image at most once per 5 minutes per format (its own cache), so a blanket refresh every few
//              seconds would cost ~30 grabs per image AVideo takes. Such streams are never grabbed in the
//              background.
//   refreshed in the background
//              a stream whose grabs take longer (a far or loaded media host) cannot be grabbed while AVideo
//              waits, so it is grabbed ahead of its asks: from `lead` before the next ask is expected (the
//              last ask plus the stream's requestIntervalMs, or assumedRequestIntervalMs before it was asked
//              twice) every refreshIntervalMs until that ask comes, and at each ask. The lead covers the wait
//              for a scheduler pass and the grab itself (refreshLeadMs plus the stream's last grab time).
//   servable   an image at most offlineGraceMs old: served when no fresher one can be had in time. Once a
//              stream's grabs fail (the live ended, the server is down) its last good image is served until
//              it is offlineGraceMs old, then dropped: the answer is empty, never the frozen picture of an
//              ended live.
//   failing    a slow stream whose grabs keep failing is retried in the background after as long as it has
//              been failing, up to maxFailingRetryMs, and all failing streams together get at most
//              failingRetriesPerSecond background retries (RefreshScheduler). A request still grabs at once
//              (ImageEndpoint), so a live that comes back is seen as soon as AVideo asks.
//   forgotten  not requested within keepRequestedMs: removed from the cache, no more refreshes.
struct FreshnessPolicy {
    qint64 refreshIntervalMs = 10'000;
    qint64 keepRequestedMs = 20 * 60'000;
    qint64 offlineGraceMs = 30'000;
    qint64 refreshLeadMs = 0;
    qint64 maxFailingRetryMs = 5 * 60'000;
    double failingRetriesPerSecond = 2.0;
    qint64 grabOnRequestAfterMs = 2'000;
    qint64 grabFitsRequestMs = 1'000;
    // AVideo keeps a live's jpg/png 300 s before it asks again, gif/webp three times as long.
    qint64 assumedRequestIntervalMs = 300'000;

    bool isFresh(const CachedFrame& frame, qint64 now) const;
    bool isServable(const CachedFrame& frame, qint64 now) const;
    // Whether a request may wait for a grab of this stream: its last grab fitted, or it was never grabbed.
    bool grabsOnRequest(const CachedFrame& frame) const;
    // When the next ask for this stream in this format is expected; -1 when it was never asked for.
    qint64 expectedRequestAtMs(const CachedFrame& frame, ThumbnailFormat format = ThumbnailFormat::Jpg) const;
    // A background grab is due: the stream does not grab on request, its next ask is near (or overdue), and
    // its last grab ended at least refreshDueAfterMs(frame) ago. Always when it was never grabbed.
    bool isDue(const CachedFrame& frame, qint64 now, ThumbnailFormat format = ThumbnailFormat::Jpg) const;
    bool isForgotten(const CachedFrame& frame, qint64 now) const;
    // How long after the last grab a refresh is due, for a healthy stream.
    qint64 refreshDueAfterMs() const;
    // How long after the last grab of this stream its refresh is due (longer while its grabs fail).
    qint64 refreshDueAfterMs(const CachedFrame& frame) const;
};

} // namespace avld
