// A soak of the stand-in: `avideo-live-doctor serve` in its own process (a secret prefix, 127.0.0.1 the only
// stream host allowed) in front of a few cheap live streams (nginx-rtmp and ffmpeg on loopback, 320x180 at
// 10 fps, no audio), for 10 minutes under wrk's 64 connections at a steady rate, 30 % of the requests
// hostile: wrong or missing prefix, malformed parameters, hosts not allowed, a flood of streams nobody asked
// for before, renew=1 over and over, 14-100 kB targets, unknown paths, path traversal, POST and DELETE (see
// soakrequests.cpp). Meanwhile this process holds 150 idle and slowloris connections (reopened when the
// service closes them) and asks each stream for its image every ~1 s on a new connection, as AVideo does.
//
// Every --sample seconds it prints a row: the service's RSS, descriptors, threads and CPU, its /metrics and
// /healthz figures, the latency and frame age of those AVideo-like requests, and what became of the idle
// connections; it also asks each hostile kind once itself and keeps the answer. At the end: the RSS after the
// warm-up against the last minute (growth in % and MiB/hour), descriptors before, during and after the load,
// the legitimate requests' p99 and errors by class against AVideo's 2 s, and the answers by kind. Not a ctest
// test: it prints figures and always exits 0. About 11 minutes with the defaults (the streams, the warm-up of
// the cache and 15 s after the load besides the 10 minutes); build bench_soak and avideo-live-doctor first.
//
//   bench_soak [--program PATH] [--seconds 600] [--connections 64] [--threads 2] [--streams 4] [--sample 20]
//              [--warmup 120] [--hostile 30] [--rate 2000] [--idle 150] [--refresh 10] [--max-load 3]
//              [--load-wait 600]

#include "agesampler.h"
#include "benchfigures.h"
#include "cheapstreams.h"
#include "childprocess.h"
#include "httpget.h"
#include "idleconnections.h"
#include "loadoptions.h"
#include "probetally.h"
#include "procstats.h"
#include "prometheustext.h"
#include "rawexchange.h"
#include "servechild.h"
#include "soakrequests.h"
#include "soakwindow.h"
#include "streamstack.h"
#include "wrkoutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <limits>
#include <sys/resource.h>

using namespace avld;
using namespace avld::bench;

namespace {

constexpr double kAvideoWaitMs = 2000; // AVideo's timeout for the encoder's getImage

int run(QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soak of `avideo-live-doctor serve`: wrk with hostile "
                                                    "requests mixed in, idle connections, RSS over time."));
    parser.addHelpOption();
    LoadOptions options(600, 4);
    options.addTo(parser);
    const auto number = [](const char* name, const char* help, const char* value, const char* fallback) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                                  QString::fromLatin1(value), QString::fromLatin1(fallback));
    };
    const QCommandLineOption sampleOption = number("sample", "Seconds between rows (20).", "s", "20");
    const QCommandLineOption warmupOption =
        number("warmup", "RSS growth is counted from this second of the load on (120).", "s", "120");
    const QCommandLineOption hostileOption = number("hostile", "Hostile requests, % (30).", "percent", "30");
    const QCommandLineOption rateOption =
        number("rate", "Requests/s wrk aims at in all; 0: as fast as it can (2000).", "n", "2000");
    const QCommandLineOption idleOption =
        number("idle", "Idle and slowloris connections held by this process (150).", "n", "150");
    parser.addOptions({sampleOption, warmupOption, hostileOption, rateOption, idleOption});
    if (!parser.parse(app.arguments())) {
        std::printf("bench_soak: %s\n", qPrintable(parser.errorText()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);

    options.read(parser);
    const QString& program = options.program;
    const int seconds = qMax(10, options.seconds);
    const int connections = options.connections;
    const int streamCount = options.streams;
    const int refreshSeconds = options.refreshSeconds;
    const int sampleSeconds = qBound(2, parser.value(sampleOption).toInt(), 600);
    const int warmupSeconds = qBound(0, parser.value(warmupOption).toInt(), seconds / 2);
    const int hostilePercent = qBound(0, parser.value(hostileOption).toInt(), 100);
    const int rate = qMax(0, parser.value(rateOption).toInt());
    const int idleCount = qBound(0, parser.value(idleOption).toInt(), 2000);
    const QString wrkProgram = QString::fromLatin1(kWrkProgram);
    const int delayMs = rate > 0 ? qMax(1, connections * 1000 / rate) : 0;

    std::printf(
        "bench_soak: avideo-live-doctor serve for %d s under wrk, %d %% hostile, %d idle connections\n",
        seconds, hostilePercent, idleCount);
    if (const Status missing = checkLoadPrograms(program); !missing.ok()) {
        std::printf("bench_soak: %s\n", qPrintable(missing.error().message));
        return 0;
    }
    const QList<double> loadAtStart = loadAverages();
    const qint64 waitedSeconds = waitForLoadBelow(options.maxLoad, options.loadWaitSeconds);

    test::StreamStack stack;
    const Result<CheapStreams> streams = startCheapStreams(stack, streamCount);
    if (!streams) {
        std::printf("bench_soak: %s\n", qPrintable(streams.error().toString()));
        return 0;
    }

    // The service, with a secret prefix handed over in a file (as on a server: not on the command line).
    QTemporaryDir work;
    const QByteArray secret = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray prefix = '/' + secret + '/';
    const QString prefixFile = work.filePath(QStringLiteral("prefix"));
    {
        QFile file(prefixFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(secret + '\n') < 0 ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            std::printf("bench_soak: cannot write %s\n", qPrintable(prefixFile));
            return 0;
        }
    }
    ServeChild serve(program, work.filePath(QStringLiteral("serve.log")));
    if (const Status failed = serve.start({QStringLiteral("--prefix-file"), prefixFile,
                                           QStringLiteral("--allow-host"), QStringLiteral("127.0.0.1"),
                                           QStringLiteral("--refresh"), QString::number(refreshSeconds)});
        !failed.ok()) {
        std::printf("bench_soak: %s\n", qPrintable(failed.error().message));
        return 0;
    }
    const qint64 servePid = serve.pid();
    const QString base = serve.baseUrl();
    const QUrl metricsUrl(base + QStringLiteral("/metrics"));

    QList<QUrl> imageUrls;
    for (const QUrl& playlist : streams->playlists)
        imageUrls << QUrl(base + imagePath(QString::fromLatin1(prefix), playlist), QUrl::StrictMode);
    {
        QNetworkAccessManager network;
        if (const Status cold = warmImages(network, imageUrls); !cold.ok()) {
            std::printf("bench_soak: %s\n", qPrintable(cold.error().message));
            return 0;
        }
    }

    const QList<RequestKind> kinds = soakRequestKinds(prefix, streams->playlists, stack.httpPort());
    const QString script = work.filePath(QStringLiteral("soak.lua"));
    {
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(wrkSoakScript(kinds, prefix, stack.httpPort(), hostilePercent, delayMs).toUtf8()) <
                0) {
            std::printf("bench_soak: cannot write %s\n", qPrintable(script));
            return 0;
        }
    }
    // wrk gives up on an answer after AVideo's 2 s too.
    const QStringList wrkArguments = options.wrkArguments(
        script, base + QLatin1Char('/'), {QStringLiteral("--timeout"), QStringLiteral("2s")});

    // Before the load.
    SoakWindow start;
    start.rssKiB = rssKiB(servePid);
    start.descriptors = openDescriptors(servePid);
    start.threads = threadCount(servePid);
    start.metrics = parseMetrics(test::httpGet(metricsUrl, 3000).body);
    start.health = healthOf(base);

    AgeSampler sampler(imageUrls, 1000, true);
    const QByteArray slowRequest = "GET " + kinds.first().targets.first() +
                                   " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Slow: ";
    // Half from AVideo's address, past its share of connections with the load: the service must close them to
    // make room. Half from another address, within its share: they meet the request timeout.
    IdleConnections idle(serve.port(), slowRequest, idleCount,
                         {QHostAddress(QHostAddress::LocalHost), QHostAddress(QStringLiteral("127.0.0.2"))});
    QProcess wrk;
    test::killChildWithParent(wrk);
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    test::ChildGuard wrkGuard{wrk};

    QList<SoakWindow> windows;
    ProbeTally probes(kinds);
    int tick = 0;
    QElapsedTimer load, windowClock;
    qint64 ticksBefore = processTicks(servePid);
    MachineTicks machineBefore = machineTicks();
    const auto takeSoakWindow = [&] {
        SoakWindow w;
        w.seconds = double(windowClock.nsecsElapsed()) / 1e9;
        w.endSeconds = double(load.nsecsElapsed()) / 1e9;
        windowClock.start();
        const qint64 ticks = processTicks(servePid);
        w.cpuMs = ticks >= 0 && ticksBefore >= 0 ? ticksToMs(ticks - ticksBefore) : -1;
        ticksBefore = ticks;
        const MachineTicks machine = machineTicks();
        w.machineIdle = double(machine.idle - machineBefore.idle) /
                        double(qMax<qint64>(1, machine.total - machineBefore.total));
        machineBefore = machine;
        w.rssKiB = rssKiB(servePid);
        w.descriptors = openDescriptors(servePid);
        w.threads = threadCount(servePid);
        w.metrics = parseMetrics(test::httpGet(metricsUrl, 3000).body);
        w.health = healthOf(base);
        w.legit = sampler.takeAnswers();
        w.idle = idle.take();
        printSoakWindow(w, windows.isEmpty() ? start : windows.last());
        windows << w;

        probes.add(rawExchanges(serve.port(), probes.requests(tick, stack.httpPort(), prefix), 12'000));
        ++tick;
    };

    printSoakHeader();
    QTimer sampleTimer;
    sampleTimer.setInterval(sampleSeconds * 1000);
    QObject::connect(&sampleTimer, &QTimer::timeout, takeSoakWindow);
    const double wrkCpu0 = rusageMs(RUSAGE_CHILDREN);
    load.start();
    windowClock.start();
    wrk.start(wrkProgram, wrkArguments);
    if (!wrk.waitForStarted(5000)) {
        std::printf("bench_soak: cannot start wrk: %s\n", qPrintable(wrk.errorString()));
        return 0;
    }
    sampler.start();
    idle.start();
    sampleTimer.start();
    const bool wrkDone =
        spinUntil([&] { return wrk.state() == QProcess::NotRunning; }, (seconds + 60) * 1000);
    sampleTimer.stop();
    if (windowClock.elapsed() >= 5000)
        takeSoakWindow();
    const double loadSeconds = double(load.nsecsElapsed()) / 1e9;
    if (!wrkDone)
        test::stopChild(wrk, 1000);
    const double wrkCpuMs = rusageMs(RUSAGE_CHILDREN) - wrkCpu0;
    idle.stop();
    sampler.stop(6000);
    const QList<Answer> lastLegit = sampler.takeAnswers();
    const Metrics metricsEnd = parseMetrics(test::httpGet(metricsUrl, 3000).body);
    const QJsonObject healthEnd = healthOf(base);

    // After the load: connections end (request timeout 10 s, keep-alive 5 s); what stays open is a leak.
    // Grabs go on only for what was asked for within the last 10 minutes.
    const int quietSeconds = 15;
    QThread::sleep(quietSeconds);
    const Metrics metricsQuiet = parseMetrics(test::httpGet(metricsUrl, 3000).body);
    const QJsonObject healthQuiet = healthOf(base);
    const int descriptorsQuiet = openDescriptors(servePid);
    const qint64 rssQuiet = rssKiB(servePid);
    const double grabsQuiet =
        increase(metricsEnd, metricsQuiet, QStringLiteral("avld_generator_grabs_total"));
    const bool serveAlive = serve.isRunning();
    const QString wrkOutput = QString::fromUtf8(wrk.readAll());
    const WrkResult result = parseWrk(wrkOutput);
    const SoakCounts counts = parseSoakCounts(wrkOutput);

    // ---- the report ----
    std::printf("\nprogram   %s %s (pid %lld)\n", qPrintable(program),
                qPrintable(serve.arguments().join(QLatin1Char(' '))), servePid);
    std::printf(
        "streams   %d x 320x180 10 fps H.264, 2 s GOP, no audio, via nginx-rtmp HLS on 127.0.0.1:%d\n",
        streamCount, stack.httpPort());
    std::printf(
        "wrk       %s %s\n          (Lua: %d %% hostile, %d ms between requests on a connection, i.e. "
        "about %d requests/s at most)\n",
        qPrintable(wrkProgram), qPrintable(wrkArguments.join(QLatin1Char(' '))), hostilePercent, delayMs,
        delayMs > 0 ? connections * 1000 / delayMs : 0);
    std::printf("this      %d idle/slowloris connections (half from 127.0.0.1, half from 127.0.0.2); "
                "AVideo-like sampler: each stream every ~1 s, a new "
                "connection per request\n",
                idleCount);
    std::printf("load      1/5/15-min averages: at start %s; waited %lld s (limit %.1f); at the end %s\n",
                qPrintable(loadText(loadAtStart)), waitedSeconds, options.maxLoad,
                qPrintable(loadText(loadAverages())));
    std::printf("\nwrk's output:\n");
    for (const QString& line : wrkOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.startsWith(QStringLiteral("soak-")))
            std::printf("  | %s\n", qPrintable(line));
    }
    if (!wrkDone)
        std::printf("  (wrk did not end within %d s and was stopped)\n", seconds + 60);

    probes.print(counts);

    std::printf("\n%-48s %s\n", "totals over the load", "value");
    QStringList statusText;
    for (auto it = counts.answersByStatus.cbegin(); it != counts.answersByStatus.cend(); ++it)
        statusText << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
    row("wrk: answers by status (Lua)", statusText.join(QStringLiteral(", ")));
    row("wrk: requests, socket errors", QStringLiteral("%1 in %2 s (%3/s); connect %4, read %5, write %6, "
                                                       "timeout (2 s) %7")
                                            .arg(result.requests)
                                            .arg(result.seconds, 0, 'f', 0)
                                            .arg(result.requestsPerSecond, 0, 'f', 0)
                                            .arg(result.connectErrors)
                                            .arg(result.readErrors)
                                            .arg(result.writeErrors)
                                            .arg(result.timeouts));
    row("wrk: latency p50 / p99 / max, all kinds",
        QStringLiteral("%1 / %2 / %3")
            .arg(ms(result.latencyMs.value(50, std::nan("")), 2),
                 ms(result.latencyMs.value(99, std::nan("")), 2), ms(result.maxMs, 2)));
    row("service: answers by outcome (/metrics)",
        countList(increaseByLabel(start.metrics, metricsEnd, QStringLiteral("avld_generator_requests_total"),
                                  QStringLiteral("outcome"))));
    row("service: grabs (failed, by reason)",
        QStringLiteral("%1 (%2)")
            .arg(qint64(increase(start.metrics, metricsEnd, QStringLiteral("avld_generator_grabs_total"))))
            .arg(countList(increaseByLabel(start.metrics, metricsEnd,
                                           QStringLiteral("avld_generator_grab_failures_total"),
                                           QStringLiteral("reason")))));
    row("service: cache evictions; tracked at the end",
        QStringLiteral("%1; %2 streams, %3 KiB")
            .arg(qint64(
                increase(start.metrics, metricsEnd, QStringLiteral("avld_generator_cache_evictions_total"))))
            .arg(healthNumber(healthEnd, "streams"))
            .arg(healthNumber(healthEnd, "cacheBytes") / 1024));
    row("service: latency p50 / p99 (/metrics, all kinds)",
        QStringLiteral("%1 / %2").arg(
            ms(1000 * histogramQuantile(start.metrics, metricsEnd,
                                        QStringLiteral("avld_generator_request_duration_seconds"), 0.5)),
            ms(1000 * histogramQuantile(start.metrics, metricsEnd,
                                        QStringLiteral("avld_generator_request_duration_seconds"), 0.99))));
    row("service: connections closed to make room / refused",
        QStringLiteral("%1 / %2")
            .arg(healthNumber(healthEnd, "connectionsClosedToMakeRoom") -
                 healthNumber(start.health, "connectionsClosedToMakeRoom"))
            .arg(healthNumber(healthEnd, "connectionsRefused") -
                 healthNumber(start.health, "connectionsRefused")));

    // The AVideo-like requests.
    QList<Answer> legit;
    IdleConnections::Counts idleTotal;
    for (const SoakWindow& w : windows) {
        legit += w.legit;
        idleTotal.opened += w.idle.opened;
        idleTotal.closedByService += w.idle.closedByService;
        idleTotal.answered += w.idle.answered;
        idleTotal.failedToConnect += w.idle.failedToConnect;
        idleTotal.lifetimesMs += w.idle.lifetimesMs;
        idleTotal.oldestOpenMs = qMax(idleTotal.oldestOpenMs, w.idle.oldestOpenMs);
    }
    legit += lastLegit;
    QList<double> legitMs, legitAge;
    QMap<QString, int> legitFailures;
    QMap<QByteArray, int> cacheStates;
    int overBudget = 0;
    for (const Answer& answer : legit) {
        legitMs << answer.ms;
        if (answer.ms > kAvideoWaitMs)
            ++overBudget;
        const QString failure = legitFailure(answer);
        if (!failure.isEmpty()) {
            ++legitFailures[failure];
            continue;
        }
        ++cacheStates[answer.cacheState];
        if (answer.ageMs >= 0)
            legitAge << double(answer.ageMs);
    }
    QStringList legitFailureText, cacheText;
    int legitFailed = 0;
    for (auto it = legitFailures.cbegin(); it != legitFailures.cend(); ++it) {
        legitFailureText << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
        legitFailed += it.value();
    }
    for (auto it = cacheStates.cbegin(); it != cacheStates.cend(); ++it)
        cacheText << QStringLiteral("%1 %2").arg(QString::fromLatin1(it.key())).arg(it.value());
    row("AVideo-like requests (sampler)",
        QStringLiteral("%1, %2 not an image%3; %4 ticks skipped (8 in flight); X-Avld-Cache: %5")
            .arg(legit.size())
            .arg(legitFailed)
            .arg(legitFailed > 0
                     ? QStringLiteral(" (") + legitFailureText.join(QStringLiteral(", ")) + QLatin1Char(')')
                     : QString())
            .arg(sampler.skipped())
            .arg(cacheText.join(QStringLiteral(", "))));
    row("  latency p50 / p90 / p99 / max",
        QStringLiteral("%1 / %2 / %3 / %4; over AVideo's 2 s: %5")
            .arg(ms(percentile(legitMs, 0.5)), ms(percentile(legitMs, 0.9)), ms(percentile(legitMs, 0.99)),
                 ms(percentile(legitMs, 1.0)))
            .arg(overBudget));
    row("  frame age since grab p50 / p99 / max",
        QStringLiteral("%1 / %2 / %3 (refresh %4 s)")
            .arg(sec(percentile(legitAge, 0.5)), sec(percentile(legitAge, 0.99)),
                 sec(percentile(legitAge, 1.0)))
            .arg(refreshSeconds));
    row("idle/slowloris connections (this process)",
        QStringLiteral("%1 opened, %2 closed by the service (%3 after an answer), %4 failed to connect")
            .arg(idleTotal.opened)
            .arg(idleTotal.closedByService)
            .arg(idleTotal.answered)
            .arg(idleTotal.failedToConnect));
    row("  lifetime p10 / p50 / p90 / max",
        QStringLiteral("%1 / %2 / %3 / %4; longest seen open at a row: %5")
            .arg(sec(percentile(idleTotal.lifetimesMs, 0.1)), sec(percentile(idleTotal.lifetimesMs, 0.5)),
                 sec(percentile(idleTotal.lifetimesMs, 0.9)), sec(percentile(idleTotal.lifetimesMs, 1.0)),
                 sec(double(idleTotal.oldestOpenMs))));
    row("after the load: 15 s without requests",
        QStringLiteral("%1 grabs (%2/s), %3 streams tracked, %4 connection(s) open")
            .arg(qint64(grabsQuiet))
            .arg(grabsQuiet / quietSeconds, 0, 'f', 1)
            .arg(healthNumber(healthQuiet, "streams"))
            .arg(healthNumber(healthQuiet, "connections")));
    {
        // The service logs at info level: what it warned about is worth seeing here.
        const QList<QByteArray> lines = serve.log().split('\n');
        QList<QByteArray> warnings;
        for (const QByteArray& line : lines) {
            const QByteArray lower = line.toLower();
            if (lower.contains("warning") || lower.contains("critical") || lower.contains("fatal"))
                warnings << line;
        }
        row("serve's log", QStringLiteral("%1 lines, %2 warnings%3")
                               .arg(lines.size())
                               .arg(warnings.size())
                               .arg(warnings.isEmpty() ? QString()
                                                       : QStringLiteral("; first: ") +
                                                             QString::fromUtf8(warnings.first().left(100))));
    }
    row("CPU over the load",
        QStringLiteral("wrk %1 of one core").arg(percentOfCore(wrkCpuMs, loadSeconds * 1000.0)));

    // ---- the verdict ----
    std::printf("\nverdict\n");
    if (windows.size() < 3) {
        std::printf("  too few rows (%lld) for a verdict\n", qlonglong(windows.size()));
        return 0;
    }
    qsizetype warm = 0;
    // QTimer may fire a little early: a row that ends within a second of the warm-up is the warm-up's.
    while (warm < windows.size() - 1 && windows.at(warm).endSeconds < warmupSeconds - 1.0)
        ++warm;
    const double lastMinuteFrom = windows.last().endSeconds - 60.0;
    QList<double> lastRss, lastFds, lastTimes;
    for (qsizetype i = warm; i < windows.size(); ++i) {
        if (windows.at(i).endSeconds >= lastMinuteFrom) {
            lastRss << double(windows.at(i).rssKiB) / 1024.0;
            lastFds << double(windows.at(i).descriptors);
            lastTimes << windows.at(i).endSeconds;
        }
    }
    const double warmRss = double(windows.at(warm).rssKiB) / 1024.0;
    const double endRss = percentile(lastRss, 0.5);
    const double growth = 100.0 * (endRss - warmRss) / warmRss;
    const double hours = (percentile(lastTimes, 0.5) - windows.at(warm).endSeconds) / 3600.0;
    const double perHour = hours > 0 ? (endRss - warmRss) / hours : std::nan("");
    const bool rssFlat = std::abs(growth) < 5.0;
    std::printf("  %-46s %s\n", "RSS flat (last minute within 5 % of warm-up)",
                qPrintable(QStringLiteral("%1: before the load %2 MiB; at %3 s (warm-up) %4 MiB; last minute "
                                          "median %5 MiB (max %6, %7 rows); growth %8 %, %9 MiB/hour; least "
                                          "squares from the warm-up on %10 MiB/hour; after the load %11 MiB")
                               .arg(rssFlat ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
                               .arg(double(start.rssKiB) / 1024.0, 0, 'f', 1)
                               .arg(windows.at(warm).endSeconds, 0, 'f', 0)
                               .arg(warmRss, 0, 'f', 1)
                               .arg(endRss, 0, 'f', 1)
                               .arg(percentile(lastRss, 1.0), 0, 'f', 1)
                               .arg(lastRss.size())
                               .arg(growth, 0, 'f', 1)
                               .arg(perHour, 0, 'f', 1)
                               .arg(rssSlopeMiBPerHour(windows, warm), 0, 'f', 1)
                               .arg(double(rssQuiet) / 1024.0, 0, 'f', 1)));
    int fdMin = std::numeric_limits<int>::max(), fdMax = 0;
    for (qsizetype i = warm; i < windows.size(); ++i) {
        fdMin = qMin(fdMin, windows.at(i).descriptors);
        fdMax = qMax(fdMax, windows.at(i).descriptors);
    }
    // Every open connection is a descriptor: only what stays once they are closed says whether any leaked.
    const bool fdsFlat = descriptorsQuiet >= 0 && descriptorsQuiet <= start.descriptors + 8;
    std::printf(
        "  %-46s %s\n", "descriptors back after the load (within 8)",
        qPrintable(QStringLiteral("%1: before the load %2; from the warm-up on %3-%4 (at warm-up %5, last "
                                  "minute median %6) while %7-ish connections were open; %8 s after the "
                                  "load %9 with %10 connection(s) open")
                       .arg(fdsFlat ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
                       .arg(start.descriptors)
                       .arg(fdMin)
                       .arg(fdMax)
                       .arg(windows.at(warm).descriptors)
                       .arg(percentile(lastFds, 0.5), 0, 'f', 0)
                       .arg(healthNumber(windows.at(warm).health, "connections"))
                       .arg(quietSeconds)
                       .arg(descriptorsQuiet)
                       .arg(healthNumber(healthQuiet, "connections"))));
    std::printf("  %-46s %d at warm-up, %d at the end, %d before the load\n", "threads",
                windows.at(warm).threads, windows.last().threads, start.threads);
    const double legitP99 = percentile(legitMs, 0.99);
    const bool legitOk = !legit.isEmpty() && legitFailed == 0 && legitP99 < kAvideoWaitMs;
    std::printf("  %-46s %s\n", "AVideo-like requests: images, p99 < 2 s",
                qPrintable(QStringLiteral("%1: %2 requests, %3 not an image, p99 %4, %5 over 2 s")
                               .arg(legitOk ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
                               .arg(legit.size())
                               .arg(legitFailed)
                               .arg(ms(legitP99))
                               .arg(overBudget)));
    const int unexpected = probes.unexpected();
    std::printf(
        "  %-46s %s\n", "hostile kinds answered as expected",
        unexpected == 0
            ? "PASS (every probe)"
            : qPrintable(QStringLiteral("FAIL: %1 unexpected answers (see the table)").arg(unexpected)));
    std::printf("  %-46s %s\n", "service alive at the end", serveAlive ? "yes" : "NO (it died)");
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    run(app);
    return 0;
}
