#include "grabcommand.h"

#include "commandline.h"
#include "media/animatedencoder.h"
#include "media/framegrabber.h"
#include "media/imageencoder.h"
#include "media/thumbnailrenderer.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace avld {

namespace {

constexpr int kFailed = 1;

void printError(const QString& text) {
    std::fprintf(stderr, "grab: %s\n", safePrintable(text));
}

QString formatFromFileName(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("jpeg"))
        return QStringLiteral("jpg");
    if (QStringList{QStringLiteral("jpg"), QStringLiteral("png"), QStringLiteral("webp"),
                    QStringLiteral("gif")}
            .contains(suffix))
        return suffix;
    return QStringLiteral("jpg");
}

QString streamTime(qint64 ms) {
    if (ms < 0)
        return QStringLiteral("unknown");
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3'600'000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60'000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

// The sound line: the measure, why there is none, or that this kind of grab does not measure it.
QString soundText(const GrabReport& report) {
    if (!report.sound)
        return QStringLiteral("not measured (only from HLS segments read whole; this grab went via %1)")
            .arg(report.method);
    if (!report.sound->ok())
        return QStringLiteral("not measured: ") + report.sound->error().toString();
    return report.sound->value().summary();
}

Result<QByteArray> encode(const GrabResult& grabbed, const QString& format, bool animated, QSize box) {
    ThumbnailRenderer renderer(box);
    if (format == QStringLiteral("gif") || animated) {
        QList<Bitmap> frames;
        for (const GrabbedFrame& frame : grabbed.frames) {
            Result<Bitmap> rendered = renderer.render(frame);
            if (!rendered)
                return rendered.error();
            frames.append(*rendered);
        }
        const AnimatedEncoder encoder;
        return format == QStringLiteral("gif") ? encoder.encodeGif(frames, grabbed.fps)
                                               : encoder.encodeWebp(frames, grabbed.fps);
    }
    Result<Bitmap> rendered = renderer.render(grabbed.frame());
    if (!rendered)
        return rendered.error();
    const ImageEncoder encoder;
    if (format == QStringLiteral("png"))
        return encoder.encodePng(*rendered);
    if (format == QStringLiteral("webp"))
        return encoder.encodeWebp(*rendered);
    return encoder.encodeJpeg(*rendered);
}

int runGrab(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Grabs the current frame of a live stream (HLS, RTMP or a file) and writes it as a thumbnail,\n"
        "the way AVideo's encoder would: fitted into the box with black bars."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"),
                                 QStringLiteral("Stream URL: http(s)://…/index.m3u8, rtmp://…, or a file."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Image file to write."), QStringLiteral("file"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("jpg, png, webp or gif (default: from the file name, else jpg)."),
        QStringLiteral("format"));
    const QCommandLineOption animated(
        QStringLiteral("animated"),
        QStringLiteral("With webp: 3 s at 10 fps, looping, like the encoder's webp."));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Box to fit into (default 640x360; 320x180 for gif)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Give up after this many ms (default 5000; 10000 for animations)."),
        QStringLiteral("ms"));
    const QCommandLineOption userAgent(QStringLiteral("user-agent"), QStringLiteral("User-Agent to send."),
                                       QStringLiteral("text"));
    const QCommandLineOption referer(QStringLiteral("referer"),
                                     QStringLiteral("Referer to send (AVideo's key protection checks it)."),
                                     QStringLiteral("url"));
    const QCommandLineOption firstKeyframe(
        QStringLiteral("first-keyframe"),
        QStringLiteral("From HLS: the newest listed segment's first keyframe (the cheapest picture, a\n"
                       "segment or more older) instead of the newest picture; over RTMP: the first one\n"
                       "played instead of the one at the live edge."));
    const QCommandLineOption sound(
        QStringLiteral("sound"),
        QStringLiteral("From HLS: also measure the sound of the same segment (peak and RMS level, loudness,\n"
                       "silence at its end)."));
    parser.addOptions({output, format, animated, size, timeout, userAgent, referer, firstKeyframe, sound});

    if (const std::optional<int> stop = parseCommandArguments(parser, arguments, QStringLiteral("grab")))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(output)) {
        printError(QStringLiteral("usage: %1 grab URL -o FILE [--format jpg|png|webp|gif] [--size WxH] "
                                  "[--timeout MS]")
                       .arg(programName()));
        return ExitCode::Usage;
    }

    const QString outputPath = parser.value(output);
    const QString chosenFormat =
        parser.isSet(format) ? parser.value(format).toLower() : formatFromFileName(outputPath);
    if (!QStringList{QStringLiteral("jpg"), QStringLiteral("png"), QStringLiteral("webp"),
                     QStringLiteral("gif")}
             .contains(chosenFormat)) {
        printError(QStringLiteral("unknown format \"%1\"; use jpg, png, webp or gif").arg(chosenFormat));
        return ExitCode::Usage;
    }
    const bool clip = chosenFormat == QStringLiteral("gif") || parser.isSet(animated);
    if (parser.isSet(animated) && chosenFormat != QStringLiteral("webp")) {
        printError(QStringLiteral("--animated goes with --format webp (gif is always animated)"));
        return ExitCode::Usage;
    }

    QSize box =
        chosenFormat == QStringLiteral("gif") ? AnimatedEncoder::GifSize : ThumbnailRenderer::DefaultBox;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).toLower().split(QLatin1Char('x'));
        bool okW = false, okH = false;
        box = wh.size() == 2 ? QSize(wh[0].toInt(&okW), wh[1].toInt(&okH)) : QSize();
        if (!okW || !okH || box.width() < 16 || box.height() < 16 || box.width() > 7680 ||
            box.height() > 4320) {
            printError(QStringLiteral("--size must look like 640x360 (16x16 to 7680x4320)"));
            return ExitCode::Usage;
        }
    }

    GrabOptions options;
    options.timeoutMs = clip ? 10000 : 5000;
    if (parser.isSet(timeout)) {
        bool ok = false;
        options.timeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || options.timeoutMs < 100 || options.timeoutMs > 600000) {
            printError(QStringLiteral("--timeout must be a number of milliseconds from 100 to 600000"));
            return ExitCode::Usage;
        }
    }
    options.userAgent = parser.value(userAgent);
    // A picture for a person: the newest there is (one keyframe's run decoded, ~50 ms at 720p).
    options.newestFrame = !parser.isSet(firstKeyframe);
    options.referer = parser.value(referer);
    options.measureSound = parser.isSet(sound);
    if (clip) {
        options.clipDurationMs = AnimatedEncoder::DefaultSeconds * 1000;
        options.clipFps = AnimatedEncoder::DefaultFps;
    }

    const QUrl url = FrameGrabber::urlFromUserInput(positional.first());
    const Result<GrabResult> grabbed = FrameGrabber::grabAndWait(url, options);
    if (!grabbed) {
        printError(grabbed.error().toString());
        return kFailed;
    }
    const Result<QByteArray> image = encode(*grabbed, chosenFormat, clip, box);
    if (!image) {
        printError(QStringLiteral("cannot encode the picture: ") + image.error().toString());
        return kFailed;
    }
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(*image) != image->size() || !file.commit()) {
        printError(QStringLiteral("cannot write %1: %2").arg(outputPath, file.errorString()));
        return kFailed;
    }

    const GrabReport& r = grabbed->report;
    std::printf("wrote   %s (%dx%d %s%s, %lld bytes)\n", safePrintable(outputPath), box.width(), box.height(),
                safePrintable(chosenFormat),
                clip ? QStringLiteral(", %1 frames").arg(grabbed->frames.size()).toUtf8().constData() : "",
                static_cast<long long>(image->size()));
    std::printf("source  %dx%d %s in %s, via %s\n", r.codedSize.width(), r.codedSize.height(),
                safePrintable(r.codec), safePrintable(r.container), safePrintable(r.method));
    QString age;
    if (r.frameAgeMs >= 0)
        age = QStringLiteral("%1 s behind the live edge").arg(r.frameAgeMs / 1000.0, 0, 'f', 1);
    else if (r.method == QStringLiteral("rtmp") && options.newestFrame)
        age = QStringLiteral("the live edge of the connection (not HLS)");
    else
        age = QStringLiteral("the first keyframe of the connection (not HLS)");
    if (r.fromSegmentBeingWritten)
        age += QStringLiteral(", from the segment the server is writing");
    if (r.playlistAgeMs >= 0)
        age += QStringLiteral("; playlist updated %1 s ago").arg(r.playlistAgeMs / 1000.0, 0, 'f', 0);
    std::printf("frame   stream time %s, %s\n", safePrintable(streamTime(r.framePtsMs)), safePrintable(age));
    if (options.measureSound)
        std::printf("sound   %s\n", safePrintable(soundText(r)));
    std::printf("cost    %lld bytes downloaded, %lld ms\n", static_cast<long long>(r.bytesDownloaded),
                static_cast<long long>(r.elapsedMs));
    return ExitCode::Ok;
}

} // namespace

HeadlessCommand grabCommand() {
    return {QStringLiteral("grab"), QStringLiteral("Grab the current frame of a stream into an image file."),
            runGrab};
}

} // namespace avld
