#pragma once

#include "bitmap/bitmap.h"
#include "imagemarker.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

namespace avld {

// Encodes the short looping clips AVideo asks its encoder for (avideo-protocol.md 1.5): an animated GIF
// (3 s at 10 fps, 320x180, palette made for the clip) and an animated WebP (3 s at 10 fps, 640x360), both
// looping forever, in memory with FFmpeg's libraries. The frames come already rendered to size (see
// ThumbnailRenderer). Results carry the ImageMarker text and never land in AVideo's placeholder sizes.
// Stateless apart from its options; safe to use from several threads at once. A WebP's frames are encoded
// side by side on the global thread pool (the calling thread takes a share, so a busy pool only slows it).
class AnimatedEncoder {
public:
    static constexpr int DefaultFps = 10;
    static constexpr int DefaultSeconds = 3;
    static constexpr QSize GifSize{320, 180};
    static constexpr QSize WebpSize{640, 360};

    struct Options {
        // The real encoder writes lossless WebP. A live thumbnail is a camera picture: lossless makes it
        // several times larger and slower to encode, which matters with AVideo's 2 s budget and a page full
        // of thumbnails, while lossy at 75 looks the same at this size.
        bool webpLossless = false;
        int webpQuality = 75;
        // libwebp effort, 0 (fast) to 6 (smallest). For 30 frames of 640x360 live video, method 1 takes a
        // third of method 4's CPU (150 ms against 450 ms, bench_animated) for files about a fifth larger: the
        // first answer has to fit AVideo's 2 s beside the other thumbnails of a gallery, and every refresh
        // costs it again.
        int webpMethod = 1;
        // WebP frames encoded side by side; 0: one run per core.
        int threads = 0;
        QString marker = ImageMarker::defaultText();
        int markerPadding = 0; // extra spaces in the marker, see ImageEncoder::Options
    };

    AnimatedEncoder();
    explicit AnimatedEncoder(Options options);

    const Options& options() const { return m_options; }

    // All frames must be non-null and of one size; fps 1-100.
    Result<QByteArray> encodeGif(const QList<Bitmap>& frames, int fps = DefaultFps) const;
    Result<QByteArray> encodeWebp(const QList<Bitmap>& frames, int fps = DefaultFps) const;

    // Whether this FFmpeg build has what each format needs (encoders, muxers, palette filters).
    static bool gifAvailable();
    static bool webpAvailable();

private:
    Options m_options;
};

} // namespace avld
