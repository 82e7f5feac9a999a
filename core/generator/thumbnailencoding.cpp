#include "thumbnailencoding.h"

#include "logging.h"
#include "media/animatedencoder.h"
#include "media/imageencoder.h"
#include "media/thumbnailrenderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QThreadPool>
#include <QtConcurrent>

#include <cstdlib>

namespace avld {

GrabOptions grabOptionsFor(ThumbnailFormat format, int timeoutMs, const ThumbnailEncodingOptions& options) {
    GrabOptions grab;
    grab.timeoutMs = timeoutMs;
    if (isAnimated(format)) {
        grab.clipDurationMs = AnimatedEncoder::DefaultSeconds * 1000;
        grab.clipFps = AnimatedEncoder::DefaultFps;
        grab.clipSkipMs = options.clipSkipMs;
    }
    return grab;
}

Result<QByteArray> encodeThumbnail(const GrabResult& grab, ThumbnailFormat format,
                                   const ThumbnailEncodingOptions& options) {
    if (grab.frames.isEmpty())
        return Error{QStringLiteral("no-frame"), QStringLiteral("the grab brought no picture"), {}};
    Result<QByteArray> encoded = QByteArray();
    if (isAnimated(format)) {
        ThumbnailRenderer renderer(format == ThumbnailFormat::Gif ? AnimatedEncoder::GifSize
                                                                  : AnimatedEncoder::WebpSize);
        QList<Bitmap> frames;
        frames.reserve(grab.frames.size());
        for (const GrabbedFrame& frame : grab.frames) {
            Result<Bitmap> rendered = renderer.render(frame);
            if (!rendered)
                return rendered.error();
            frames.append(std::move(rendered).value());
        }
        AnimatedEncoder::Options encoderOptions;
        encoderOptions.marker = options.marker;
        encoderOptions.markerPadding = options.markerPadding;
        const AnimatedEncoder encoder(encoderOptions);
        encoded = format == ThumbnailFormat::Gif ? encoder.encodeGif(frames, grab.fps)
                                                 : encoder.encodeWebp(frames, grab.fps);
    } else {
        ThumbnailRenderer renderer(ThumbnailRenderer::DefaultBox);
        Result<Bitmap> rendered = renderer.render(grab.frame());
        if (!rendered)
            return rendered.error();
        ImageEncoder::Options encoderOptions;
        encoderOptions.marker = options.marker;
        encoderOptions.markerPadding = options.markerPadding;
        encoded = ImageEncoder(encoderOptions)
                      .encode(*rendered, format == ThumbnailFormat::Png ? ImageEncoder::Format::Png
                                                                        : ImageEncoder::Format::Jpeg);
    }
    if (!encoded)
        return encoded;
    // The encoders already keep out of the windows; this is the last line before bytes leave the process.
    if (encoded->isEmpty() || ImageEncoder::inPlaceholderWindow(encoded->size()))
        return Error{QStringLiteral("placeholder-size"),
                     QStringLiteral("the %1 came out at %2 bytes, a size AVideo takes for a placeholder")
                         .arg(thumbnailFormatName(format))
                         .arg(encoded->size()),
                     {}};
    return encoded;
}

void warmUpAnimatedEncoders(const ThumbnailEncodingOptions& options) {
    // A smooth gradient with a bar moving across it: frames that differ from each other, in few colours,
    // like most video. (Noise would make the palette filters several times slower than any real clip.)
    GrabResult clip;
    clip.fps = AnimatedEncoder::DefaultFps;
    const QSize size = AnimatedEncoder::WebpSize;
    const int count = AnimatedEncoder::DefaultSeconds * AnimatedEncoder::DefaultFps;
    for (int i = 0; i < count; ++i) {
        Bitmap image(size.width(), size.height());
        for (int y = 0; y < size.height(); ++y) {
            Rgb* line = image.scanLine(y);
            for (int x = 0; x < size.width(); ++x)
                line[x] = std::abs(x - 20 * i) < 16
                              ? rgb(240, 240, 240)
                              : rgb(x * 255 / size.width(), y * 255 / size.height(), 96);
        }
        clip.frames.append(GrabbedFrame{.image = image, .ptsMs = i * 1000 / clip.fps});
    }
    for (const ThumbnailFormat format : {ThumbnailFormat::Webp, ThumbnailFormat::Gif})
        (void)encodeThumbnail(clip, format, options);
}

namespace {
QThreadPool* warmUpPool = nullptr; // made once, under the mutex below

void waitForWarmUp() {
    warmUpPool->waitForDone();
}
} // namespace

QFuture<void> warmUpAnimatedEncodersOnce(const ThumbnailEncodingOptions& options) {
    static QMutex mutex;
    static QFuture<void> started;
    const QMutexLocker lock(&mutex);
    if (!warmUpPool) {
        warmUpPool = new QThreadPool; // kept for the process's life
        warmUpPool->setMaxThreadCount(1);
        // Waited for as the application goes (its post routines run first), while Qt's global pool, which the
        // animated encoders use, still runs: a warm-up still running in the exit handlers would wait for a
        // pool already gone.
        qAddPostRoutine(&waitForWarmUp);
        started = QtConcurrent::run(warmUpPool, [options] {
            QElapsedTimer timer;
            timer.start();
            warmUpAnimatedEncoders(options);
            qCDebug(lcGenerator) << "animated encoders warmed up in" << timer.elapsed() << "ms";
        });
    }
    return started;
}

} // namespace avld
