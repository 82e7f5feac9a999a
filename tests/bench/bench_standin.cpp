// The stand-in under load: `avideo-live-doctor serve` in its own process in front of N live streams
// (nginx-rtmp and ffmpeg on loopback, cheap ones: 320x180 at 10 fps without audio), hammered by wrk with jpg
// requests rotating over the streams once their images are cached, while a sampler in this process asks each
// stream for its image every ~500 ms and reads the answer's frame age. Prints requests/s, latency
// p50/p90/p99, errors, the CPU of the service and of everything else, and the frame age at answer time,
// against the targets: p99 under 50 ms at 64 connections on 2 cores, frame age under one segment +
// the refresh interval. Not a ctest test: it prints figures and always exits 0.
//
//   bench_standin [--program PATH] [--streams 20] [--seconds 20] [--connections 64] [--threads 2]
//                 [--refresh 10] [--max-load 3] [--load-wait 600]

#include "agesampler.h"
#include "benchfigures.h"
#include "cheapstreams.h"
#include "childprocess.h"
#include "httpget.h"
#include "imagefetch.h"
#include "loadoptions.h"
#include "media/framegrabber.h"
#include "procstats.h"
#include "prometheustext.h"
#include "servechild.h"
#include "streamstack.h"
#include "wrkoutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>

using namespace avld;
using namespace avld::bench;

namespace {

// ---- wrk ----

QString luaScript(const QStringList& paths) {
    QString script = QStringLiteral("-- rotates over the streams' image paths (one counter per wrk thread)\n"
                                    "local paths = {\n");
    for (const QString& path : paths)
        script += QStringLiteral("  \"%1\",\n").arg(path);
    script += QStringLiteral("}\n"
                             "local n = 0\n"
                             "request = function()\n"
                             "  n = n + 1\n"
                             "  return wrk.format(\"GET\", paths[(n % #paths) + 1])\n"
                             "end\n");
    return script;
}

// ---- the playlists ----

struct SegmentFacts {
    int targetDuration = -1; // the largest EXT-X-TARGETDURATION among the streams
    QList<double> extinf;
};

SegmentFacts segmentFacts(const QList<QUrl>& playlists) {
    SegmentFacts facts;
    static const QRegularExpression target(QStringLiteral("#EXT-X-TARGETDURATION:(\\d+)"));
    static const QRegularExpression extinf(QStringLiteral("#EXTINF:([0-9.]+)"));
    for (const QUrl& url : playlists) {
        const test::HttpReply reply = test::httpGet(url, 3000);
        const QString text = QString::fromUtf8(reply.body);
        if (const QRegularExpressionMatch m = target.match(text); m.hasMatch())
            facts.targetDuration = qMax(facts.targetDuration, m.captured(1).toInt());
        for (auto it = extinf.globalMatch(text); it.hasNext();)
            facts.extinf << it.next().captured(1).toDouble();
    }
    return facts;
}

int run(QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Load benchmark of `avideo-live-doctor serve` with wrk."));
    parser.addHelpOption();
    LoadOptions options(20, 20);
    options.addTo(parser);
    if (!parser.parse(app.arguments())) {
        std::printf("bench_standin: %s\n", qPrintable(parser.errorText()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);

    options.read(parser);
    const QString& program = options.program;
    const int streamCount = options.streams;
    const int seconds = options.seconds;
    const int connections = options.connections;
    const int threads = options.threads;
    const int refreshSeconds = options.refreshSeconds;
    const double maxLoad = options.maxLoad;
    const QString wrkProgram = QString::fromLatin1(kWrkProgram);

    std::printf("bench_standin: avideo-live-doctor serve under wrk load\n");
    if (const Status missing = checkLoadPrograms(program); !missing.ok()) {
        std::printf("bench_standin: %s\n", qPrintable(missing.error().message));
        return 0;
    }

    // Other people's builds share the 2 cores: wait for a quieter moment, within bounds.
    const QList<double> loadAtStart = loadAverages();
    const qint64 waitedSeconds = waitForLoadBelow(maxLoad, options.loadWaitSeconds);

    // The streams.
    test::StreamStack stack;
    const Result<CheapStreams> streams = startCheapStreams(stack, streamCount);
    if (!streams) {
        std::printf("bench_standin: %s\n", qPrintable(streams.error().toString()));
        return 0;
    }
    const QStringList& keys = streams->keys;
    const QList<QUrl>& playlists = streams->playlists;
    const SegmentFacts segments = segmentFacts(playlists);

    // The service, in its own process.
    QTemporaryDir work;
    ServeChild serve(program, work.filePath(QStringLiteral("serve.log")));
    if (const Status failed = serve.start({QStringLiteral("--allow-host"), QStringLiteral("127.0.0.1"),
                                           QStringLiteral("--refresh"), QString::number(refreshSeconds)});
        !failed.ok()) {
        std::printf("bench_standin: %s\n", qPrintable(failed.error().message));
        return 0;
    }
    const qint64 servePid = serve.pid();
    const QString base = serve.baseUrl();
    const QUrl metricsUrl(base + QStringLiteral("/metrics"));

    QStringList paths;
    QList<QUrl> imageUrls;
    for (const QUrl& playlist : playlists) {
        paths << imagePath(QStringLiteral("/"), playlist);
        imageUrls << QUrl(base + paths.last(), QUrl::StrictMode);
    }

    // Warm the cache: every stream answers an image before the load starts.
    QNetworkAccessManager network;
    if (const Status cold = warmImages(network, imageUrls); !cold.ok()) {
        std::printf("bench_standin: %s\n", qPrintable(cold.error().message));
        return 0;
    }

    // How far behind the live edge the service's grabs are: the same grabber on the same streams (the service
    // keeps GrabReport.frameAgeMs in its cache but exposes only the time since the grab).
    QList<double> streamLag, grabElapsed, playlistAge;
    for (const QUrl& playlist : playlists) {
        GrabOptions options;
        options.userAgent = QStringLiteral("BenchLagProbe/1");
        const Result<GrabResult> grabbed = FrameGrabber::grabAndWait(playlist, options);
        if (!grabbed)
            continue;
        if (grabbed->report.frameAgeMs >= 0)
            streamLag << double(grabbed->report.frameAgeMs);
        grabElapsed << double(grabbed->report.elapsedMs);
        if (grabbed->report.playlistAgeMs >= 0)
            playlistAge << double(grabbed->report.playlistAgeMs);
    }

    const QString script = work.filePath(QStringLiteral("rotate.lua"));
    {
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly) || file.write(luaScript(paths).toUtf8()) < 0) {
            std::printf("bench_standin: cannot write %s\n", qPrintable(script));
            return 0;
        }
    }
    const QStringList wrkArguments = options.wrkArguments(script, base + QLatin1Char('/'));

    // The run.
    const Metrics metricsBefore = parseMetrics(test::httpGet(metricsUrl, 3000).body);
    QList<qint64> stackPids{stack.nginxPid()};
    for (const QString& key : keys)
        stackPids << stack.publisherPid(key);
    const auto stackTicks = [&] {
        qint64 sum = 0;
        for (const qint64 pid : stackPids)
            sum += qMax<qint64>(0, processTicks(pid));
        return sum;
    };

    AgeSampler sampler(imageUrls, 500);
    QProcess wrk;
    test::killChildWithParent(wrk);
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    test::ChildGuard wrkGuard{wrk};
    const QList<double> loadAtRun = loadAverages();
    QList<double> loadPeak = loadAtRun;
    QTimer loadTimer;
    loadTimer.setInterval(1000);
    QObject::connect(&loadTimer, &QTimer::timeout, [&] {
        const QList<double> now = loadAverages();
        if (now.value(0) > loadPeak.value(0))
            loadPeak = now;
    });

    const double wrkCpu0 = rusageMs(RUSAGE_CHILDREN), selfCpu0 = rusageMs(RUSAGE_SELF);
    const qint64 serveTicks0 = processTicks(servePid), stackTicks0 = stackTicks();
    const QMap<qint64, ThreadTicks> serveThreads0 = threadTicks(servePid);
    const MachineTicks machine0 = machineTicks();
    QElapsedTimer wall;
    wall.start();
    wrk.start(wrkProgram, wrkArguments);
    if (!wrk.waitForStarted(5000)) {
        std::printf("bench_standin: cannot start wrk: %s\n", qPrintable(wrk.errorString()));
        return 0;
    }
    sampler.start();
    loadTimer.start();
    const bool wrkDone =
        spinUntil([&] { return wrk.state() == QProcess::NotRunning; }, (seconds + 30) * 1000);
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    const qint64 serveTicks1 = processTicks(servePid), stackTicks1 = stackTicks();
    const QMap<qint64, ThreadTicks> serveThreads1 = threadTicks(servePid);
    const MachineTicks machine1 = machineTicks();
    loadTimer.stop();
    const QList<double> loadAtEnd = loadAverages();
    if (!wrkDone)
        test::stopChild(wrk, 1000);
    const double wrkCpuMs = rusageMs(RUSAGE_CHILDREN) - wrkCpu0;
    sampler.stop(6000);
    const double selfCpuMs = rusageMs(RUSAGE_SELF) - selfCpu0;
    const Metrics metricsAfter = parseMetrics(test::httpGet(metricsUrl, 3000).body);
    const qint64 serveRss = rssKiB(servePid);
    const bool serveAlive = serve.isRunning();

    const QString wrkOutput = QString::fromUtf8(wrk.readAll());
    const WrkResult result = parseWrk(wrkOutput);

    // ---- the report ----
    const double serveCpuMs =
        serveTicks0 >= 0 && serveTicks1 >= 0 ? ticksToMs(serveTicks1 - serveTicks0) : -1;
    const double stackCpuMs = ticksToMs(stackTicks1 - stackTicks0);
    const double machineTotalMs = ticksToMs(machine1.total - machine0.total);
    const int cores = int(QThread::idealThreadCount());
    // Per core of the machine, on the same scale as the processes' "% of one core".
    const auto machineShare = [&](qint64 ticks0, qint64 ticks1) {
        return QStringLiteral("%1 %").arg(100.0 * cores * ticksToMs(ticks1 - ticks0) / machineTotalMs, 0, 'f',
                                          1);
    };
    const double othersMs = ticksToMs(machine1.processes - machine0.processes) - qMax(0.0, serveCpuMs) -
                            wrkCpuMs - stackCpuMs - selfCpuMs;

    std::printf("\nprogram  %s %s (pid %lld)\n", qPrintable(program),
                qPrintable(serve.arguments().join(QLatin1Char(' '))), servePid);
    std::printf(
        "streams  %d x 320x180 10 fps H.264 (libx264 ultrafast, -b:v 1200k fixed by StreamStack), 2 s GOP, "
        "no audio, via nginx-rtmp HLS\n",
        streamCount);
    std::printf("wrk      %s %s\n", qPrintable(wrkProgram), qPrintable(wrkArguments.join(QLatin1Char(' '))));
    std::printf("         (the Lua script rotates over the %d streams' getImage.php?base64Url=...&format=jpg "
                "paths)\n",
                streamCount);
    std::printf("load     1/5/15-min averages on %d cores: at bench start %s; waited %lld s (limit %.1f); "
                "when wrk started %s; highest during the run %s; when it ended %s\n",
                cores, qPrintable(loadText(loadAtStart)), waitedSeconds, maxLoad,
                qPrintable(loadText(loadAtRun)), qPrintable(loadText(loadPeak)),
                qPrintable(loadText(loadAtEnd)));

    std::printf("\nwrk's output:\n");
    for (const QString& line : wrkOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        std::printf("  | %s\n", qPrintable(line));
    if (!wrkDone)
        std::printf("  (wrk did not end within %d s and was stopped)\n", seconds + 30);
    if (!serveAlive)
        std::printf("  (the serve process is no longer running!)\n");

    // Outcomes by the service's own count.
    const QString outcomeText = countList(increaseByLabel(metricsBefore, metricsAfter,
                                                          QStringLiteral("avld_generator_requests_total"),
                                                          QStringLiteral("outcome")));
    const auto metric = [&](const char* name) {
        return qint64(increase(metricsBefore, metricsAfter, QString::fromLatin1(name)));
    };
    const qint64 hits = metric("avld_generator_cache_hits_total");
    const qint64 misses = metric("avld_generator_cache_misses_total");
    const qint64 grabs = metric("avld_generator_grabs_total");
    qint64 grabFailures = 0;
    for (const double failures :
         increaseByLabel(metricsBefore, metricsAfter, QStringLiteral("avld_generator_grab_failures_total"),
                         QStringLiteral("reason")))
        grabFailures += qint64(failures);

    // Frame age from the sampler's answers.
    QList<double> ageSinceGrab, sampleLatency;
    QMap<QByteArray, int> cacheStates;
    int sampleFailures = 0;
    for (const Answer& answer : sampler.answers()) {
        if (!answer.isImage() || answer.ageMs < 0) {
            ++sampleFailures;
            continue;
        }
        ageSinceGrab << double(answer.ageMs);
        sampleLatency << answer.ms;
        ++cacheStates[answer.cacheState];
    }
    QStringList cacheText;
    for (auto it = cacheStates.cbegin(); it != cacheStates.cend(); ++it)
        cacheText << QStringLiteral("%1 %2").arg(QString::fromLatin1(it.key())).arg(it.value());
    const double lagMedian = percentile(streamLag, 0.5);
    const double grabMedian = percentile(grabElapsed, 0.5);
    QList<double> behindEdge;
    for (const double age : ageSinceGrab)
        behindEdge << age + (std::isnan(lagMedian) ? 0 : lagMedian) +
                          (std::isnan(grabMedian) ? 0 : grabMedian);
    const double segmentMs = segments.targetDuration > 0 ? segments.targetDuration * 1000.0 : std::nan("");
    const double targetAgeMs = segmentMs + refreshSeconds * 1000.0;

    std::printf("\n%-48s %s\n", "result", "value");
    row("streams", QString::number(streamCount));
    row("connections / wrk threads", QStringLiteral("%1 / %2").arg(connections).arg(threads));
    row("duration (wrk)", QStringLiteral("%1 s (measured around it: %2 s)")
                              .arg(result.seconds, 0, 'f', 2)
                              .arg(wallMs / 1000.0, 0, 'f', 2));
    row("requests", QStringLiteral("%1 (%2 read)").arg(result.requests).arg(result.readVolume));
    row("requests/s", QStringLiteral("%1").arg(result.requestsPerSecond, 0, 'f', 1));
    row("latency p50 / p90 / p99 (wrk)",
        QStringLiteral("%1 / %2 / %3 (avg %4, max %5)")
            .arg(ms(result.latencyMs.value(50, std::nan("")), 2),
                 ms(result.latencyMs.value(90, std::nan("")), 2),
                 ms(result.latencyMs.value(99, std::nan("")), 2), ms(result.avgMs, 2), ms(result.maxMs, 2)));
    row("non-2xx / socket errors", QStringLiteral("%1 / %2 (connect %3, read %4, write %5, timeout %6)")
                                       .arg(result.non2xx)
                                       .arg(result.socketErrors())
                                       .arg(result.connectErrors)
                                       .arg(result.readErrors)
                                       .arg(result.writeErrors)
                                       .arg(result.timeouts));
    row("answers by outcome (service's /metrics)", outcomeText);
    row("cache hits / misses; grabs (failed)",
        QStringLiteral("%1 / %2; %3 (%4)").arg(hits).arg(misses).arg(grabs).arg(grabFailures));
    row("service latency p50 / p99 (/metrics histogram)",
        QStringLiteral("%1 / %2 (arrival to answer, bucket-interpolated)")
            .arg(ms(1000 * histogramQuantile(metricsBefore, metricsAfter,
                                             QStringLiteral("avld_generator_request_duration_seconds"), 0.5)),
                 ms(1000 * histogramQuantile(metricsBefore, metricsAfter,
                                             QStringLiteral("avld_generator_request_duration_seconds"),
                                             0.99))));
    row("service CPU (user+sys, all threads)", QStringLiteral("%1 of one core; RSS after the run %2 MiB")
                                                   .arg(percentOfCore(serveCpuMs, wallMs))
                                                   .arg(serveRss >= 0 ? serveRss / 1024.0 : -1.0, 0, 'f', 1));
    {
        QList<std::pair<double, QString>> busiest;
        for (auto it = serveThreads1.cbegin(); it != serveThreads1.cend(); ++it) {
            const double cpu = ticksToMs(it->ticks - serveThreads0.value(it.key()).ticks);
            busiest.append({cpu, QStringLiteral("%1%2 %3").arg(
                                     it->name, it.key() == servePid ? QStringLiteral(" (main)") : QString(),
                                     percentOfCore(cpu, wallMs))});
        }
        std::sort(busiest.begin(), busiest.end(),
                  [](const auto& a, const auto& b) { return a.first > b.first; });
        QStringList top;
        for (qsizetype i = 0; i < qMin<qsizetype>(4, busiest.size()); ++i)
            top << busiest.at(i).second;
        row("  busiest service threads", top.join(QStringLiteral(", ")));
    }
    row("wrk CPU", percentOfCore(wrkCpuMs, wallMs));
    row("streams CPU (nginx + ffmpeg publishers)", percentOfCore(stackCpuMs, wallMs));
    row("bench process CPU (sampler)", percentOfCore(selfCpuMs, wallMs));
    row("other processes (other people's work)", percentOfCore(othersMs, wallMs));
    row("machine (/proc/stat)",
        QStringLiteral("of %1 %: processes %2, irq+softirq %3, steal %4, idle %5")
            .arg(100 * cores)
            .arg(machineShare(machine0.processes, machine1.processes),
                 machineShare(machine0.interrupts, machine1.interrupts),
                 machineShare(machine0.steal, machine1.steal), machineShare(machine0.idle, machine1.idle)));
    row("segment (EXT-X-TARGETDURATION, max)", QStringLiteral("%1 s (EXTINF median %2 s over %3 segments)")
                                                   .arg(segments.targetDuration)
                                                   .arg(percentile(segments.extinf, 0.5), 0, 'f', 2)
                                                   .arg(segments.extinf.size()));
    row("refresh interval", QStringLiteral("%1 s").arg(refreshSeconds));
    row("sampler", QStringLiteral("%1 images (each stream every ~500 ms), %2 not images, %3 ticks skipped; "
                                  "X-Avld-Cache: %4")
                       .arg(ageSinceGrab.size())
                       .arg(sampleFailures)
                       .arg(sampler.skipped())
                       .arg(cacheText.join(QStringLiteral(", "))));
    row("sampler latency p50 / p99",
        QStringLiteral("%1 / %2 (Qt client in this process, beside wrk)")
            .arg(ms(percentile(sampleLatency, 0.5), 2), ms(percentile(sampleLatency, 0.99), 2)));
    row("frame age since grab p50 / p99 / max",
        QStringLiteral("%1 / %2 / %3 (X-Avld-Frame-Age-Ms of the sampler's answers)")
            .arg(sec(percentile(ageSinceGrab, 0.5)), sec(percentile(ageSinceGrab, 0.99)),
                 sec(percentile(ageSinceGrab, 1.0))));
    row("frame age since grab p50 / p99, all answers",
        QStringLiteral("%1 / %2 (/metrics avld_generator_answer_frame_age_seconds, 1 s buckets)")
            .arg(
                sec(1000 * histogramQuantile(metricsBefore, metricsAfter,
                                             QStringLiteral("avld_generator_answer_frame_age_seconds"), 0.5)),
                sec(1000 * histogramQuantile(metricsBefore, metricsAfter,
                                             QStringLiteral("avld_generator_answer_frame_age_seconds"),
                                             0.99))));
    row("stream lag at grab, median / max",
        QStringLiteral("%1 / %2 (GrabReport.frameAgeMs of %3 grabs by this process: frame to end of newest "
                       "segment, stream time); grab %4; playlist age median %5")
            .arg(sec(lagMedian), sec(percentile(streamLag, 1.0)))
            .arg(streamLag.size())
            .arg(ms(grabMedian, 0), sec(percentile(playlistAge, 0.5))));
    row("behind the live edge p50 / p99, all answers",
        QStringLiteral("%1 / %2 (/metrics avld_generator_answer_live_lag_seconds: the service's own measure)")
            .arg(sec(1000 * histogramQuantile(metricsBefore, metricsAfter,
                                              QStringLiteral("avld_generator_answer_live_lag_seconds"), 0.5)),
                 sec(1000 * histogramQuantile(metricsBefore, metricsAfter,
                                              QStringLiteral("avld_generator_answer_live_lag_seconds"),
                                              0.99))));
    row("frame age behind the live edge p50 / p99 / max",
        QStringLiteral("%1 / %2 / %3 (since grab + median lag + median grab time: an estimate)")
            .arg(sec(percentile(behindEdge, 0.5)), sec(percentile(behindEdge, 0.99)),
                 sec(percentile(behindEdge, 1.0))));
    row("target frame age", QStringLiteral("segment %1 + refresh %2 = %3")
                                .arg(sec(segmentMs), sec(refreshSeconds * 1000.0), sec(targetAgeMs)));

    const double p99 = result.latencyMs.value(99, std::nan(""));
    const double ageP99 = percentile(behindEdge, 0.99);
    std::printf("\nverdict\n");
    std::printf("  %-46s %s\n",
                QStringLiteral("p99 latency < 50 ms at %1 connections").arg(connections).toUtf8().constData(),
                !result.parsed ? "FAIL (no wrk figures)"
                : p99 < 50.0   ? qPrintable(QStringLiteral("PASS (%1)").arg(ms(p99, 2)))
                               : qPrintable(QStringLiteral("FAIL (%1)").arg(ms(p99, 2))));
    std::printf(
        "  %-46s %s\n", "frame age p99 < segment + refresh",
        std::isnan(ageP99) || std::isnan(targetAgeMs)
            ? "FAIL (no frame ages)"
            : qPrintable(QStringLiteral("%1 (behind the live edge: %2 vs %3; since grab alone: %4)")
                             .arg(ageP99 < targetAgeMs ? QStringLiteral("PASS") : QStringLiteral("FAIL"),
                                  sec(ageP99), sec(targetAgeMs), sec(percentile(ageSinceGrab, 0.99)))));
    std::printf("  %-46s %s\n", "errors",
                result.non2xx == 0 && result.socketErrors() == 0 && sampleFailures == 0 ? "none"
                                                                                        : "see above");
    if (percentile(ageSinceGrab, 1.0) > refreshSeconds * 1000.0)
        std::printf("\nnote: some images were older than the refresh interval: refreshes started late (a "
                    "full grab queue,\n      or grabs slower than the service's lead of one pass + 1 s).\n");
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    run(app);
    return 0;
}
