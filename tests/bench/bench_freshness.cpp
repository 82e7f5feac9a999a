// How old the picture is when someone sees it, read from the wall clock the publisher draws into every frame
// (DrawnClock): everything from the publisher's encoder through nginx-rtmp's segmenter, our grab and the
// stand-in's cache counts. Side by side in one run, interleaved, on the same 720p25 streams on loopback:
//   - a thumbnail in process: the segment's newest picture against its first keyframe, and over RTMP;
//   - whole processes: `avideo-live-doctor grab` and `avideo-live-doctor-nox grab` against the encoder's
//     `ffmpeg` command and the same with `-live_start_index -1`;
//   - the stand-in (`serve` in its own process) asked at AVideo's pace: every ask finds an image older than
//     the grab-on-request threshold, as with AVideo's one ask per 5 minutes; the picture's age at the answer
//     against what X-Avld-Live-Lag-Ms claims; the first webp and gif of a stream;
//   - streams kept fresh at AVideo's request rate on one core: the stand-in's CPU per ask against one
//     `ffmpeg` process per stream refreshing a picture every 10 s (bench_keptfresh runs thousands of them).
// On 2 s segments (2 s GOP) and 10 s segments (10 s GOP). Not a ctest test: it prints figures and exits 0.
//
//   bench_freshness [--runs 12] [--asks 30] [--long-segments-runs 8]

#include "benchfigures.h"
#include "drawnage.h"
#include "ffmpegkeeper.h"
#include "httpget.h"
#include "media/framegrabber.h"
#include "media/imageencoder.h"
#include "media/thumbnailrenderer.h"
#include "procstats.h"
#include "servechild.h"
#include "streamstack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace avld;
using namespace avld::bench;

namespace {

constexpr int kFps = 25;

double maxOf(const QList<double>& values) {
    return values.isEmpty() ? qQNaN() : *std::max_element(values.cbegin(), values.cend());
}

struct Series {
    QList<double> wallMs;
    QList<double> ageMs;
    int unreadable = 0;
    int failed = 0;

    void add(double wall, double age) {
        wallMs << wall;
        if (qIsNaN(age))
            ++unreadable;
        else
            ageMs << age;
    }
};

// One thumbnail in process: grab, fit to 640x360, JPEG; the age read back from the JPEG.
Status grabInProcess(const QUrl& url, bool newest, Series& into) {
    QElapsedTimer timer;
    timer.start();
    GrabOptions options;
    options.newestFrame = newest;
    options.timeoutMs = 10'000;
    options.userAgent = QStringLiteral("BenchFreshness/1");
    const Result<GrabResult> grabbed = FrameGrabber::grabAndWait(url, options);
    if (!grabbed)
        return grabbed.error();
    const Result<Bitmap> thumb = ThumbnailRenderer().render(grabbed->frame());
    if (!thumb)
        return thumb.error();
    const Result<QByteArray> jpeg = ImageEncoder().encodeJpeg(*thumb);
    if (!jpeg)
        return jpeg.error();
    into.add(double(timer.nsecsElapsed()) / 1e6, drawnAgeMs(*jpeg, wallNowMs()));
    return {};
}

// One thumbnail by a program: `program arguments... out.jpg`; the age read from the file it wrote.
Status grabByProgram(const QString& program, QStringList arguments, const QString& outPath, Series& into) {
    QFile::remove(outPath);
    arguments << outPath;
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return Error{QStringLiteral("program-failed"),
                     QStringLiteral("%1 failed: %2")
                         .arg(program, QString::fromUtf8(process.readAllStandardError().right(400))),
                     {}};
    const double wall = double(timer.nsecsElapsed()) / 1e6;
    into.add(wall, drawnAgeMs(QImage(outPath), wallNowMs()));
    return {};
}

QStringList encoderCommand(const QUrl& url, bool newestSegment) {
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error")};
    if (newestSegment)
        args << QStringLiteral("-live_start_index") << QStringLiteral("-1");
    args << QStringLiteral("-i") << url.toString() << QStringLiteral("-f") << QStringLiteral("image2")
         << QStringLiteral("-vf") << kThumbnailScalePad << QStringLiteral("-vframes") << QStringLiteral("1")
         << QStringLiteral("-y");
    return args;
}

void printRow(const char* name, const Series& series, const Series* baseline = nullptr) {
    const double median = percentile(series.ageMs, 0.5);
    std::printf("  %-44s age median %6.2f s, max %6.2f s   wall median %7.1f ms", name, median / 1000,
                maxOf(series.ageMs) / 1000, percentile(series.wallMs, 0.5));
    if (baseline)
        std::printf("   (%.1fx the age, %.1fx the time of the baseline)",
                    median / percentile(baseline->ageMs, 0.5),
                    percentile(series.wallMs, 0.5) / percentile(baseline->wallMs, 0.5));
    if (series.unreadable)
        std::printf("   [%d pictures unreadable]", series.unreadable);
    if (series.failed)
        std::printf("   [%d runs failed]", series.failed);
    std::printf("\n");
}

struct SegmentRun {
    Series newest, firstKeyframe, rtmp, grabProcess, grabNoxProcess, encoder, encoderNewest;
};

Status runGrabs(test::StreamStack& stack, const QString& key, int runs, bool overRtmp, SegmentRun& run) {
    const QUrl hls = stack.hlsUrl(key);
    const QUrl rtmp = stack.rtmpUrl(key);
    QTemporaryDir out;
    const QString jpg = out.filePath(QStringLiteral("t.jpg"));
    for (int i = 0; i < runs; ++i) {
        // Spread over a segment's cycle: a grab just after a segment was published sees a younger one.
        QThread::msleep(QRandomGenerator::global()->bounded(stack.fragmentSeconds() * 1000));
        const auto note = [](const Status& step, Series& series) {
            if (step.ok())
                return;
            ++series.failed;
            std::printf("  (a run failed: %s)\n", qPrintable(step.error().toString()));
        };
        note(grabInProcess(hls, true, run.newest), run.newest);
        note(grabInProcess(hls, false, run.firstKeyframe), run.firstKeyframe);
        if (overRtmp)
            note(grabInProcess(rtmp, true, run.rtmp), run.rtmp);
        const QStringList grabArguments{QStringLiteral("grab"), hls.toString(), QStringLiteral("-o")};
        note(grabByProgram(builtProgram(), grabArguments, jpg, run.grabProcess), run.grabProcess);
        note(grabByProgram(builtHeadlessProgram(), grabArguments, jpg, run.grabNoxProcess),
             run.grabNoxProcess);
        note(grabByProgram(QStringLiteral("ffmpeg"), encoderCommand(hls, false), jpg, run.encoder),
             run.encoder);
        note(grabByProgram(QStringLiteral("ffmpeg"), encoderCommand(hls, true), jpg, run.encoderNewest),
             run.encoderNewest);
    }
    return {};
}

void printGrabs(const SegmentRun& run) {
    printRow("in process, newest picture (grab's default)", run.newest, &run.firstKeyframe);
    printRow("in process, first keyframe of the segment", run.firstKeyframe);
    if (!run.rtmp.wallMs.isEmpty())
        printRow("in process, over RTMP (live edge)", run.rtmp);
    printRow("`avideo-live-doctor grab` (whole process)", run.grabProcess, &run.encoder);
    printRow("`avideo-live-doctor-nox grab` (whole process)", run.grabNoxProcess, &run.encoder);
    printRow("`ffmpeg` program, the encoder's command", run.encoder);
    printRow("`ffmpeg -live_start_index -1`", run.encoderNewest);
}

Status startStack(test::StreamStack& stack, int segmentSeconds, const QString& key) {
    stack.setFragmentSeconds(segmentSeconds);
    if (const Status failed = stack.start(); !failed.ok())
        return failed;
    return stack.publish({.key = key, .gopSeconds = segmentSeconds, .audio = false, .drawnClock = true},
                         60000, 3);
}

// ---- the stand-in ----

struct StandInFigures {
    Series asks;                // wall: answer time; age: by the drawn clock at the answer
    QList<double> claimedLagMs; // X-Avld-Live-Lag-Ms of the same answers
    QList<double> underReportMs;
    int grabbedAnswers = 0;
    double firstWebpMs = qQNaN(), firstGifMs = qQNaN();
    bool firstWebpReal = false, firstGifReal = false;
    double cpuMsPerAsk = qQNaN();     // jpg
    double cpuMsPerWebpAsk = qQNaN(); // webp, 3 s at 10 fps
};

QUrl imageUrl(const ServeChild& serve, const QUrl& stream, const char* format) {
    return QUrl(serve.baseUrl() +
                QStringLiteral("/objects/getImage.php?base64Url=%1&format=%2")
                    .arg(QString::fromLatin1(stream.toEncoded().toBase64().toPercentEncoding()),
                         QString::fromLatin1(format)));
}

Status runStandIn(const QUrl& stream, int asks, StandInFigures& figures) {
    QTemporaryDir dir;
    ServeChild serve(builtProgram(), dir.filePath(QStringLiteral("serve.log")));
    if (const Status failed = serve.start({QStringLiteral("--allow-host"), QStringLiteral("127.0.0.1")});
        !failed.ok())
        return failed;
    // The first animated answers of a stream nobody asked for before: a real clip within the budget?
    for (const char* format : {"webp", "gif"}) {
        QElapsedTimer timer;
        timer.start();
        const test::HttpReply reply = test::httpGet(imageUrl(serve, stream, format), 5000);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const bool real = reply.status == 200 && !reply.body.isEmpty();
        if (QByteArray(format) == "webp") {
            figures.firstWebpMs = ms;
            figures.firstWebpReal = real;
        } else {
            figures.firstGifMs = ms;
            figures.firstGifReal = real;
        }
    }
    const QUrl jpg = imageUrl(serve, stream, "jpg");
    test::httpGet(jpg, 5000); // the stream's first ask: a cold grab, not counted
    const qint64 ticks0 = processTicks(serve.pid());
    for (int i = 0; i < asks; ++i) {
        // Every ask finds the image older than the 2 s threshold, as AVideo's asks 5 minutes apart do.
        QThread::msleep(2500 + QRandomGenerator::global()->bounded(2500));
        QElapsedTimer timer;
        timer.start();
        const test::HttpReply reply = test::httpGet(jpg, 5000);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double age = drawnAgeMs(reply.body, wallNowMs());
        figures.asks.add(ms, age);
        if (reply.header("X-Avld-Cache") == "grab")
            ++figures.grabbedAnswers;
        bool ok = false;
        const double claimed = reply.header("X-Avld-Live-Lag-Ms").toDouble(&ok);
        if (ok) {
            figures.claimedLagMs << claimed;
            if (!qIsNaN(age))
                figures.underReportMs << age - claimed;
        }
    }
    figures.cpuMsPerAsk = ticksToMs(processTicks(serve.pid()) - ticks0) / asks;
    // AVideo's gallery asks a webp too, three times less often: what one costs.
    const QUrl webp = imageUrl(serve, stream, "webp");
    const int webpAsks = qMax(3, asks / 5);
    const qint64 webpTicks0 = processTicks(serve.pid());
    for (int i = 0; i < webpAsks; ++i) {
        QThread::msleep(2500 + QRandomGenerator::global()->bounded(2500));
        test::httpGet(webp, 5000);
    }
    figures.cpuMsPerWebpAsk = ticksToMs(processTicks(serve.pid()) - webpTicks0) / webpAsks;
    return {};
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto intOption = [&](const char* name, int fallback) {
        const qsizetype i = args.indexOf(QString::fromLatin1(name));
        return i > 0 && i + 1 < args.size() ? qMax(1, args.at(i + 1).toInt()) : fallback;
    };
    const int runs = intOption("--runs", 12);
    const int asks = intOption("--asks", 30);
    const int longRuns = intOption("--long-segments-runs", 8);
    const auto fail = [](const Status& status) {
        std::printf("bench_freshness: %s\n", qPrintable(status.error().toString()));
        return 1;
    };

    std::printf("bench_freshness: 1280x720 at %d fps, x264 zerolatency; ages from the wall clock drawn into "
                "each picture\n(DrawnClock: hundredths of a second, stamped as ffmpeg makes the frame)\n\n",
                kFps);

    SegmentRun short2;
    StandInFigures standIn;
    double ffmpegShare = qQNaN();
    {
        test::StreamStack stack;
        if (const Status failed = startStack(stack, 2, QStringLiteral("two")); !failed.ok())
            return fail(failed);
        if (const Status failed = runGrabs(stack, QStringLiteral("two"), runs, true, short2); !failed.ok())
            return fail(failed);
        std::printf("2 s segments, 2 s GOP, %d interleaved runs each:\n", runs);
        printGrabs(short2);
        if (const Status failed = runStandIn(stack.hlsUrl(QStringLiteral("two")), asks, standIn);
            !failed.ok())
            return fail(failed);
        ffmpegShare = ffmpegPerStreamCpuShare(stack.hlsUrl(QStringLiteral("two")), 20);
    }
    SegmentRun long10;
    {
        test::StreamStack stack;
        if (const Status failed = startStack(stack, 10, QStringLiteral("ten")); !failed.ok())
            return fail(failed);
        if (const Status failed = runGrabs(stack, QStringLiteral("ten"), longRuns, false, long10);
            !failed.ok())
            return fail(failed);
        std::printf("\n10 s segments, 10 s GOP, %d interleaved runs each:\n", longRuns);
        printGrabs(long10);
    }

    std::printf("\nthe stand-in (`serve`), one stream on 2 s segments asked %d times 2.5-5 s apart (each ask "
                "finds the image older than the 2 s threshold, as AVideo's asks 5 minutes apart do):\n",
                asks);
    printRow("picture age at the answer", standIn.asks);
    std::printf("  %-44s p99 %6.2f s; %d of %d answers grabbed while the ask waited\n", "",
                percentile(standIn.asks.ageMs, 0.99) / 1000, standIn.grabbedAnswers, asks);
    std::printf("  %-44s median %6.2f s; the drawn clock is older by a median %.2f s (max %.2f s)\n",
                "X-Avld-Live-Lag-Ms claims", percentile(standIn.claimedLagMs, 0.5) / 1000,
                percentile(standIn.underReportMs, 0.5) / 1000, maxOf(standIn.underReportMs) / 1000);
    std::printf("  %-44s webp %s in %.0f ms, gif %s in %.0f ms\n", "first animated answers of the stream",
                standIn.firstWebpReal ? "a clip" : "EMPTY", standIn.firstWebpMs,
                standIn.firstGifReal ? "a clip" : "EMPTY", standIn.firstGifMs);
    std::printf("  %-44s the encoder answers from its 600 s image cache: a picture up to 600 s old (its "
                "contract, avideo-protocol.md; not run here)\n",
                "baseline");

    const double streamsPerCoreOurs = 300'000.0 / standIn.cpuMsPerAsk;
    const double galleryPerCore =
        1.0 / (standIn.cpuMsPerAsk / 300'000.0 + standIn.cpuMsPerWebpAsk / 900'000.0);
    const double streamsPerCoreFfmpeg = 1.0 / ffmpegShare;
    std::printf("\nstreams kept fresh at AVideo's request rate (one ask per stream and format per 300 s) on "
                "one core:\n");
    std::printf("  %-44s %.1f ms CPU per ask -> %.0f streams per core\n",
                "the stand-in, jpg (grab when asked)", standIn.cpuMsPerAsk, streamsPerCoreOurs);
    std::printf("  %-44s %.1f ms CPU per webp ask -> %.0f streams per core with AVideo's gallery (jpg every "
                "300 s, webp every 900 s)\n",
                "", standIn.cpuMsPerWebpAsk, galleryPerCore);
    std::printf("  %-44s %.1f %% of a core each -> %.0f streams per core   (%.0fx)\n",
                "one `ffmpeg` process per stream (fps=1/10)", ffmpegShare * 100, streamsPerCoreFfmpeg,
                streamsPerCoreOurs / streamsPerCoreFfmpeg);
    std::printf("  (computed from the CPU measured per ask, not by running that many streams on 2 cores)\n");

    const auto met = [](bool ok) { return ok ? "met" : "NOT met"; };
    const double grabMedian = percentile(short2.newest.ageMs, 0.5);
    std::printf("\ntargets:\n");
    std::printf("  grab age, 2 s segments: median %.2f s <= 1.5 s: %s; max %.2f s <= 3.0 s: %s\n",
                grabMedian / 1000, met(grabMedian <= 1500), maxOf(short2.newest.ageMs) / 1000,
                met(maxOf(short2.newest.ageMs) <= 3000));
    std::printf("  grab age, 10 s segments: median %.2f s <= 6 s: %s\n",
                percentile(long10.newest.ageMs, 0.5) / 1000,
                met(percentile(long10.newest.ageMs, 0.5) <= 6000));
    std::printf("  RTMP age: median %.2f s <= 1 s: %s\n", percentile(short2.rtmp.ageMs, 0.5) / 1000,
                met(percentile(short2.rtmp.ageMs, 0.5) <= 1000));
    const double inProcessRatio =
        percentile(short2.encoder.wallMs, 0.5) / percentile(short2.firstKeyframe.wallMs, 0.5);
    std::printf("  in process >= 8x faster than the program: %.1fx (first keyframe), %.1fx (newest): %s\n",
                inProcessRatio,
                percentile(short2.encoder.wallMs, 0.5) / percentile(short2.newest.wallMs, 0.5),
                met(inProcessRatio >= 8));
    // The headless program is the one a server runs (the stand-in's systemd unit, cron).
    const double processRatio =
        percentile(short2.encoder.wallMs, 0.5) / percentile(short2.grabNoxProcess.wallMs, 0.5);
    std::printf("  whole process `grab` (-nox) >= 1.5x faster than the program: %.2fx (the desktop program: "
                "%.2fx): %s\n",
                processRatio,
                percentile(short2.encoder.wallMs, 0.5) / percentile(short2.grabProcess.wallMs, 0.5),
                met(processRatio >= 1.5));
    std::printf("  stand-in age at the answer: median %.2f s <= 3 s: %s; p99 %.2f s <= 5 s: %s\n",
                percentile(standIn.asks.ageMs, 0.5) / 1000, met(percentile(standIn.asks.ageMs, 0.5) <= 3000),
                percentile(standIn.asks.ageMs, 0.99) / 1000,
                met(percentile(standIn.asks.ageMs, 0.99) <= 5000));
    std::printf("  first webp/gif: a real clip within 1.5 s: %s\n",
                met(standIn.firstWebpReal && standIn.firstGifReal && standIn.firstWebpMs <= 1500 &&
                    standIn.firstGifMs <= 1500));
    std::printf("  streams kept fresh on one core >= 2000: %.0f: %s\n", streamsPerCoreOurs,
                met(streamsPerCoreOurs >= 2000));
    return 0;
}
