// Thumbnail of a live HLS stream: our in-process grabber against the exact command AVideo's encoder runs
// (`ffmpeg -i URL -f image2 -vf scale=640:360:force_original_aspect_ratio=decrease,pad=... -vframes 1
// out.jpg`), measured side by side, interleaved, on the same nginx-rtmp stream in one run.
//   wall time per thumbnail (median, p90), CPU time, bytes served by nginx (from its access log, per
//   User-Agent), and the frame's age: stream time from the picture to the live edge (end of the newest
//   segment).
// Usage: bench_grab [--runs N]

#include "media/framegrabber.h"
#include "media/imageencoder.h"
#include "media/thumbnailrenderer.h"
#include "streamstack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace avld;

namespace {

double cpuMs(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 + usage.ru_stime.tv_sec * 1000.0 +
           usage.ru_stime.tv_usec / 1000.0;
}

double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * (values.size() - 1);
    const auto lo = qsizetype(rank);
    const auto hi = qMin(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

// Bytes nginx sent, per User-Agent, from the access log's "combined" lines.
QHash<QString, qint64> bytesByAgent(const QString& logPath) {
    QHash<QString, qint64> bytes;
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return bytes;
    static const QRegularExpression line(QStringLiteral("\" \\d{3} (\\d+) \"[^\"]*\" \"([^\"]*)\""));
    while (!log.atEnd()) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(log.readLine()));
        if (m.hasMatch())
            bytes[m.captured(2).section(QLatin1Char('/'), 0, 0)] += m.captured(1).toLongLong();
    }
    return bytes;
}

struct Edge {
    qint64 ptsMs = -1; // stream time of the live edge: first frame of the newest segment + its duration
};

Edge liveEdge(const QUrl& url) {
    GrabOptions options;
    options.userAgent = QStringLiteral("EdgeProbe/1");
    const Result<GrabResult> r = FrameGrabber::grabAndWait(url, options);
    if (!r)
        return {};
    return {r->report.framePtsMs + qint64(r->report.segmentSeconds * 1000)};
}

const QString kScalePad =
    QStringLiteral("scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2");

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 20;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = qBound(3, args.at(i + 1).toInt(), 500);

    test::StreamStack stack;
    if (const Status failed = stack.start(); !failed.ok()) {
        std::fprintf(stderr, "bench_grab: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }
    if (const Status failed = stack.publish({.key = QStringLiteral("bench")}, 30000, 4); !failed.ok()) {
        std::fprintf(stderr, "bench_grab: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }
    const QUrl url = stack.hlsUrl(QStringLiteral("bench"));
    const QString accessLog = stack.directory() + QStringLiteral("/nginx-access.log");
    QTemporaryDir out;
    std::printf("stream: %s (1280x720 25 fps, 2 s segments), %d interleaved runs each\n",
                qPrintable(url.toString()), runs);

    QList<double> oursWall, oursCpu, programWall, programCpu, oursAge, programAge;
    QList<double> newestWall, newestCpu,
        newestAge; // ours, the segment's newest picture (GrabOptions::newestFrame)
    qint64 oursBytes = 0, programBytes = 0;
    for (int run = 0; run < runs; ++run) {
        // Ours: the whole thumbnail job, grab + fit into 640x360 + JPEG, in process.
        QHash<QString, qint64> before = bytesByAgent(accessLog);
        double cpu0 = cpuMs(RUSAGE_SELF);
        QElapsedTimer timer;
        timer.start();
        GrabOptions options;
        const Result<GrabResult> grabbed = FrameGrabber::grabAndWait(url, options);
        if (!grabbed) {
            std::fprintf(stderr, "bench_grab: our grab failed: %s\n", qPrintable(grabbed.error().toString()));
            return 1;
        }
        ThumbnailRenderer renderer;
        const Result<Bitmap> thumb = renderer.render(grabbed->frame());
        const Result<QByteArray> jpeg =
            thumb ? ImageEncoder().encodeJpeg(*thumb) : Result<QByteArray>(thumb.error());
        oursWall << double(timer.nsecsElapsed()) / 1e6;
        oursCpu << cpuMs(RUSAGE_SELF) - cpu0;
        if (!jpeg) {
            std::fprintf(stderr, "bench_grab: encode failed\n");
            return 1;
        }
        oursAge << double(grabbed->report.frameAgeMs);
        QHash<QString, qint64> after = bytesByAgent(accessLog);
        oursBytes += after.value(QStringLiteral("AVideoLiveDoctor")) -
                     before.value(QStringLiteral("AVideoLiveDoctor"));

        // Ours again, the newest picture of the same newest segment: what one GOP's decoding costs.
        cpu0 = cpuMs(RUSAGE_SELF);
        timer.restart();
        GrabOptions newestOptions;
        newestOptions.newestFrame = true;
        const Result<GrabResult> newest = FrameGrabber::grabAndWait(url, newestOptions);
        if (!newest) {
            std::fprintf(stderr, "bench_grab: our newest-frame grab failed: %s\n",
                         qPrintable(newest.error().toString()));
            return 1;
        }
        const Result<Bitmap> newestThumb = renderer.render(newest->frame());
        if (!newestThumb || !ImageEncoder().encodeJpeg(*newestThumb)) {
            std::fprintf(stderr, "bench_grab: newest-frame encode failed\n");
            return 1;
        }
        newestWall << double(timer.nsecsElapsed()) / 1e6;
        newestCpu << cpuMs(RUSAGE_SELF) - cpu0;
        newestAge << double(newest->report.frameAgeMs);
        after = bytesByAgent(accessLog);

        // The encoder's command, exactly.
        before = after;
        cpu0 = cpuMs(RUSAGE_CHILDREN);
        timer.restart();
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-i"), url.toString(), QStringLiteral("-f"), QStringLiteral("image2"),
                      QStringLiteral("-vf"), kScalePad, QStringLiteral("-vframes"), QStringLiteral("1"),
                      QStringLiteral("-y"), out.filePath(QStringLiteral("program.jpg"))});
        ffmpeg.waitForFinished(30000);
        programWall << double(timer.nsecsElapsed()) / 1e6;
        programCpu << cpuMs(RUSAGE_CHILDREN) - cpu0;
        if (ffmpeg.exitCode() != 0) {
            std::fprintf(stderr, "bench_grab: ffmpeg failed: %s\n",
                         ffmpeg.readAllStandardError().right(500).constData());
            return 1;
        }
        after = bytesByAgent(accessLog);
        programBytes += after.value(QStringLiteral("Lavf")) - before.value(QStringLiteral("Lavf"));
    }

    // Frame age of the program: the same command with -copyts and showinfo, to read the picture's stream
    // time, against the live edge measured just before it started.
    const int ageRuns = qMin(runs, 8);
    for (int run = 0; run < ageRuns; ++run) {
        const Edge edge = liveEdge(url);
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-copyts"), QStringLiteral("-i"), url.toString(), QStringLiteral("-f"),
                      QStringLiteral("image2"), QStringLiteral("-vf"),
                      QStringLiteral("showinfo,") + kScalePad, QStringLiteral("-vframes"),
                      QStringLiteral("1"), QStringLiteral("-y"), out.filePath(QStringLiteral("age.jpg"))});
        ffmpeg.waitForFinished(30000);
        const QString log = QString::fromUtf8(ffmpeg.readAllStandardError());
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("pts_time:([0-9.]+)")).match(log);
        if (edge.ptsMs >= 0 && m.hasMatch())
            programAge << double(edge.ptsMs) - m.captured(1).toDouble() * 1000;
    }

    const double oursMedian = percentile(oursWall, 0.5), programMedian = percentile(programWall, 0.5);
    std::printf("\n%-34s %14s %14s %10s\n", "per thumbnail (640x360 jpg)", "in process", "ffmpeg program",
                "ratio");
    std::printf("%-34s %11.1f ms %11.1f ms %9.1fx\n", "wall time, median", oursMedian, programMedian,
                programMedian / oursMedian);
    std::printf("%-34s %11.1f ms %11.1f ms %9.1fx\n", "wall time, p90", percentile(oursWall, 0.9),
                percentile(programWall, 0.9), percentile(programWall, 0.9) / percentile(oursWall, 0.9));
    std::printf("%-34s %11.1f ms %11.1f ms %9.1fx\n", "CPU time, median", percentile(oursCpu, 0.5),
                percentile(programCpu, 0.5), percentile(programCpu, 0.5) / percentile(oursCpu, 0.5));
    std::printf("%-34s %11.0f kB %11.0f kB %9.1fx\n", "bytes downloaded (nginx log), mean",
                oursBytes / 1024.0 / runs, programBytes / 1024.0 / runs,
                double(programBytes) / double(qMax<qint64>(1, oursBytes)));
    std::printf("%-34s %12.2f s %12.2f s\n", "frame age behind live edge, median",
                percentile(oursAge, 0.5) / 1000, percentile(programAge, 0.5) / 1000);
    std::printf("\n%-34s %11.1f ms %11.1f ms %9.1fx\n", "newest picture: wall, median",
                percentile(newestWall, 0.5), programMedian, programMedian / percentile(newestWall, 0.5));
    std::printf("%-34s %11.1f ms %11.1f ms %9.1fx\n", "newest picture: CPU, median",
                percentile(newestCpu, 0.5), percentile(programCpu, 0.5),
                percentile(programCpu, 0.5) / percentile(newestCpu, 0.5));
    std::printf("%-34s %12.2f s %12.2f s   (first keyframe: %.2f s)\n", "newest picture: frame age, median",
                percentile(newestAge, 0.5) / 1000, percentile(programAge, 0.5) / 1000,
                percentile(oursAge, 0.5) / 1000);
    std::printf("\ntargets: wall median >= 8x faster: %s; our frame age <= one segment (2 s) + 1 s: %s; less "
                "data: %s\n",
                programMedian / oursMedian >= 8 ? "met" : "NOT met",
                percentile(oursAge, 0.5) <= 3000 ? "met" : "NOT met",
                oursBytes < programBytes ? "met" : "NOT met");
    return 0;
}
