#pragma once

#include "media/grabtypes.h"
#include "media/imagemarker.h"
#include "result.h"
#include "thumbnailformat.h"

#include <QByteArray>
#include <QFuture>

namespace avld {

// Turns grabs into the images AVideo's encoder would send (avideo-protocol.md 1.5):
//   jpg, png   one frame fitted into 640x360 with black bars
//   gif        3 s at 10 fps, 320x180, looping
//   webp       3 s at 10 fps, 640x360, looping (lossy; the encoder's lossless is several times larger)
// Clips start at the first keyframe of the newest segments that hold 3 s: the encoder skips 3 s because
// ffmpeg starts three segments behind the live edge, we start at the edge and skip nothing.
// Every image carries the AVideoLiveDoctor marker and never has a size in AVideo's placeholder windows.
struct ThumbnailEncodingOptions {
    int clipSkipMs = 0;
    // The marker text (ImageMarker); a stand-in run puts its instance in it.
    QString marker = ImageMarker::defaultText();
    // Extra marker spaces: only tests set it, to aim an image at a placeholder window.
    int markerPadding = 0;
};

// The grab a format needs (single keyframe or clip).
GrabOptions grabOptionsFor(ThumbnailFormat format, int timeoutMs,
                           const ThumbnailEncodingOptions& options = ThumbnailEncodingOptions{});

// Renders and encodes; CPU-bound (tens of ms for a still, up to about a second for an animated WebP), so
// callers run it on a worker thread. Thread-safe.
Result<QByteArray> encodeThumbnail(const GrabResult& grab, ThumbnailFormat format,
                                   const ThumbnailEncodingOptions& options = ThumbnailEncodingOptions{});

// Encodes a made-up clip in every animated format and throws the results away. The first clip a process
// encodes pays for its heaps growing and the encoders' code paging in (a first webp about 0.25 s slower
// than the next, measured through the real getImage.php); a stand-in does this once as it starts, so that
// the first live it is asked for does not. CPU-bound (about 0.2 s); run it on a worker thread.
void warmUpAnimatedEncoders(const ThumbnailEncodingOptions& options = ThumbnailEncodingOptions{});

// The same, once per process, in the background on a pool of its own that outlives any service (what it warms
// is the process's, and a service stopped right after it started must not wait for it). Later calls return
// the first call's future. Thread-safe.
QFuture<void>
warmUpAnimatedEncodersOnce(const ThumbnailEncodingOptions& options = ThumbnailEncodingOptions{});

} // namespace avld
