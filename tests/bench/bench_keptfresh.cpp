// Streams kept fresh at AVideo's request rate, run rather than computed from the CPU of one ask: the stand-in
// (`serve` in its own process, every thread pinned to one core) in front of --streams streams, each asked as
// AVideo's gallery asks: its jpg once every --jpg-every s (AVideo keeps a live's image 5 minutes) and its
// webp once every --webp-every s (15 minutes; 0: never), every stream at a random phase of its own. The
// streams are one 720p25 live (2 s segments, the wall clock drawn in, no audio) under N URLs
// (index.m3u8?stream=K): to the service each is a stream of its own (its own cache entries, its own grabs),
// and every grab fetches and decodes a segment for real. The first --warmup s are every stream's first asks;
// the rows after it are the figures: the service's CPU share of its core, its answers (real images, latency,
// the jpg's age by the drawn clock), grabs per ask, cache evictions, RSS. Side by side, in the same run: one
// `ffmpeg` process per stream keeping a picture fresh (every 10 s), its CPU share. Not a ctest test: it
// prints and exits 0.
//
//   bench_keptfresh [--streams 2000] [--jpg-every 300] [--webp-every 900] [--seconds 900] [--warmup 300]
//                   [--sample 60] [--core 1] [--program PATH (build/app/avideo-live-doctor-nox)]

#include "benchfigures.h"
#include "drawnage.h"
#include "ffmpegkeeper.h"
#include "imagefetch.h"
#include "procstats.h"
#include "prometheustext.h"
#include "servechild.h"
#include "streamstack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <sched.h>

using namespace avld;
using namespace avld::bench;

namespace {

struct Ask {
    qint64 atMs = 0;
    int stream = 0;
    bool webp = false;
};

// Every stream's asks over `seconds`: a jpg every jpgEvery s and a webp every webpEvery s, each from a phase
// of its own, as a gallery's cache entries expire one by one.
QList<Ask> scheduleOf(int streams, int jpgEverySeconds, int webpEverySeconds, int seconds) {
    QRandomGenerator random(17);
    QList<Ask> asks;
    const auto add = [&](int stream, int everySeconds, bool webp) {
        if (everySeconds <= 0)
            return;
        const qint64 every = qint64(everySeconds) * 1000;
        for (qint64 at = random.bounded(every); at < qint64(seconds) * 1000; at += every)
            asks.append({at, stream, webp});
    };
    for (int k = 0; k < streams; ++k) {
        add(k, jpgEverySeconds, false);
        add(k, webpEverySeconds, true);
    }
    std::sort(asks.begin(), asks.end(), [](const Ask& a, const Ask& b) { return a.atMs < b.atMs; });
    return asks;
}

// Pins every thread of a process to the given cores; threads they start later inherit it.
bool pinThreads(qint64 pid, const cpu_set_t& cores) {
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    const QStringList ids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    bool all = !ids.isEmpty();
    for (const QString& id : ids)
        all = sched_setaffinity(id.toInt(), sizeof cores, &cores) == 0 && all;
    return all;
}

cpu_set_t coresOf(int core, bool except) {
    cpu_set_t set;
    CPU_ZERO(&set);
    const int count = QThread::idealThreadCount();
    for (int c = 0; c < count; ++c)
        if ((c == core) != except)
            CPU_SET(c, &set);
    return set;
}

struct Answered {
    qint64 sentMs = 0;
    bool webp = false;
    Answer answer;
    double drawnAgeMs = qQNaN(); // jpg only
};

// The asks, sent when due (open loop, as AVideo's visitors do not wait for one another), and their answers.
class Asker : public QObject {
public:
    Asker(QString base, QList<QUrl> streams, QList<Ask> asks)
        : m_base(std::move(base))
        , m_streams(std::move(streams))
        , m_asks(std::move(asks)) {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] { sendDue(); });
    }

    void start() {
        m_clock.start();
        m_timer.start();
    }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    bool done() const { return m_next >= m_asks.size() && m_inFlight == 0; }
    int notSent() const { return m_notSent; }
    QList<Answered> takeAnswers() { return std::exchange(m_answers, {}); }

private:
    static constexpr int kMaxInFlight = 256;

    QUrl urlOf(const Ask& ask) const {
        return QUrl(
            m_base +
            QStringLiteral("/objects/getImage.php?base64Url=%1&format=%2")
                .arg(QString::fromLatin1(m_streams.at(ask.stream).toEncoded().toBase64().toPercentEncoding()),
                     ask.webp ? QStringLiteral("webp") : QStringLiteral("jpg")));
    }

    void sendDue() {
        const qint64 now = m_clock.elapsed();
        while (m_next < m_asks.size() && m_asks.at(m_next).atMs <= now) {
            const Ask ask = m_asks.at(m_next++);
            if (m_inFlight >= kMaxInFlight) {
                ++m_notSent;
                continue;
            }
            ++m_inFlight;
            QElapsedTimer timer;
            timer.start();
            // AVideo asks on a connection of its own and reads until the server closes.
            QNetworkReply* reply = m_network.get(plainRequest(urlOf(ask), true));
            connect(reply, &QNetworkReply::finished, this, [this, reply, timer, ask, now] {
                --m_inFlight;
                const QByteArray body = reply->error() == QNetworkReply::NoError
                                            ? reply->peek(reply->bytesAvailable())
                                            : QByteArray();
                Answered answered{now, ask.webp, answerOf(reply, double(timer.nsecsElapsed()) / 1e6)};
                if (!ask.webp && answered.answer.isImage())
                    answered.drawnAgeMs = drawnAgeMs(body, wallNowMs());
                m_answers.append(answered);
                reply->deleteLater();
            });
        }
        if (m_next >= m_asks.size())
            m_timer.stop();
    }

    QString m_base;
    QList<QUrl> m_streams;
    QList<Ask> m_asks;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_notSent = 0;
    QList<Answered> m_answers;
};

double sumOf(const Metrics& before, const Metrics& after, const QString& name) {
    double total = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (it.key() == name || it.key().startsWith(name + QLatin1Char('{')))
            total += increase(before, after, it.key());
    return total;
}

Metrics scrape(QNetworkAccessManager& network, const QString& base) {
    QNetworkReply* reply = network.get(plainRequest(QUrl(base + QStringLiteral("/metrics"))));
    spinUntil([reply] { return reply->isFinished(); }, 5000);
    const Metrics metrics = parseMetrics(reply->readAll());
    reply->deleteLater();
    return metrics;
}

// What a stretch of the run saw.
struct Window {
    QList<double> latencyMs, jpgLatencyMs, webpLatencyMs, jpgAgeMs;
    int asks = 0, images = 0, empty = 0, errors = 0, webpAsks = 0, unreadable = 0;
    double cpuMs = 0, wallMs = 0, grabs = 0, evictions = 0;
    qint64 rssKiB = 0;

    void add(const Answered& answered) {
        ++asks;
        webpAsks += answered.webp ? 1 : 0;
        latencyMs << answered.answer.ms;
        (answered.webp ? webpLatencyMs : jpgLatencyMs) << answered.answer.ms;
        if (answered.answer.isImage())
            ++images;
        else if (answered.answer.status == 200)
            ++empty; // AVideo then shows its own card
        else
            ++errors;
        if (!answered.webp && answered.answer.isImage()) {
            if (qIsNaN(answered.drawnAgeMs))
                ++unreadable;
            else
                jpgAgeMs << answered.drawnAgeMs;
        }
    }
    void add(const Window& other) {
        latencyMs << other.latencyMs;
        jpgLatencyMs << other.jpgLatencyMs;
        webpLatencyMs << other.webpLatencyMs;
        jpgAgeMs << other.jpgAgeMs;
        asks += other.asks;
        images += other.images;
        empty += other.empty;
        errors += other.errors;
        webpAsks += other.webpAsks;
        unreadable += other.unreadable;
        cpuMs += other.cpuMs;
        wallMs += other.wallMs;
        grabs += other.grabs;
        evictions += other.evictions;
        rssKiB = qMax(rssKiB, other.rssKiB);
    }
    double cpuShare() const { return wallMs > 0 ? cpuMs / wallMs : qQNaN(); }
};

void printWindow(qint64 atS, const Window& w, bool warmUp) {
    std::printf(
        "%5llds %-7s asks %5d (webp %4d)  images %5.1f %%  empty %4d  errors %3d  latency p50/p99 jpg "
        "%6.1f/%7.1f webp %6.1f/%7.1f ms  jpg age p50 %5.2f p99 %5.2f s  CPU %5.1f %% of its core  "
        "grabs/ask %4.2f  evictions %6.0f  RSS %4lld MiB\n",
        static_cast<long long>(atS), warmUp ? "warm-up" : "", w.asks, w.webpAsks,
        w.asks ? 100.0 * w.images / w.asks : 0.0, w.empty, w.errors, percentile(w.jpgLatencyMs, 0.5),
        percentile(w.jpgLatencyMs, 0.99), percentile(w.webpLatencyMs, 0.5), percentile(w.webpLatencyMs, 0.99),
        percentile(w.jpgAgeMs, 0.5) / 1000, percentile(w.jpgAgeMs, 0.99) / 1000, 100 * w.cpuShare(),
        w.asks ? w.grabs / w.asks : 0.0, w.evictions, static_cast<long long>(w.rssKiB / 1024));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption streamsOption(QStringLiteral("streams"), QStringLiteral("Streams."),
                                           QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption jpgOption(QStringLiteral("jpg-every"),
                                       QStringLiteral("Seconds between jpg asks."), QStringLiteral("s"),
                                       QStringLiteral("300"));
    const QCommandLineOption webpOption(QStringLiteral("webp-every"),
                                        QStringLiteral("Seconds between webp asks (0: none)."),
                                        QStringLiteral("s"), QStringLiteral("900"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Length of the run."),
                                           QStringLiteral("s"), QStringLiteral("900"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          QStringLiteral("Seconds not counted (every stream's first asks)."),
                                          QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"), QStringLiteral("Seconds per row."),
                                          QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption coreOption(QStringLiteral("core"), QStringLiteral("The service's core."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption programOption(QStringLiteral("program"),
                                           QStringLiteral("avideo-live-doctor-nox."), QStringLiteral("path"),
                                           builtHeadlessProgram());
    parser.addOptions({streamsOption, jpgOption, webpOption, secondsOption, warmupOption, sampleOption,
                       coreOption, programOption});
    parser.process(app);
    const int streams = qBound(1, parser.value(streamsOption).toInt(), 100'000);
    const int jpgEvery = qMax(1, parser.value(jpgOption).toInt());
    const int webpEvery = qMax(0, parser.value(webpOption).toInt());
    const int seconds = qMax(10, parser.value(secondsOption).toInt());
    const int warmup = qBound(0, parser.value(warmupOption).toInt(), seconds - 1);
    const int sample = qMax(5, parser.value(sampleOption).toInt());
    const int core = qBound(0, parser.value(coreOption).toInt(), QThread::idealThreadCount() - 1);
    const auto fail = [](const QString& what) {
        std::printf("bench_keptfresh: %s\n", qPrintable(what));
        return 1;
    };
    if (QThread::idealThreadCount() < 2)
        return fail(QStringLiteral("needs two cores: one for the service, one for the streams and the asks"));

    // Everything but the service on the other cores, children included.
    const cpu_set_t others = coresOf(core, true);
    const cpu_set_t serviceCore = coresOf(core, false);
    pinThreads(QCoreApplication::applicationPid(), others);

    test::StreamStack stack;
    stack.setFragmentSeconds(2);
    if (const Status failed = stack.start(); !failed.ok())
        return fail(failed.error().toString());
    const QString key = QStringLiteral("kept");
    if (const Status failed =
            stack.publish({.key = key, .gopSeconds = 2, .audio = false, .drawnClock = true}, 60000, 3);
        !failed.ok())
        return fail(failed.error().toString());
    QList<QUrl> urls;
    for (int k = 0; k < streams; ++k) {
        QUrl url = stack.hlsUrl(key);
        url.setQuery(QStringLiteral("stream=%1").arg(k));
        urls << url;
    }

    std::printf("bench_keptfresh: %d streams (one 1280x720 25 fps live, 2 s segments, under %d URLs); each "
                "asked for its jpg every %d s%s, at a phase of its own; %d s, the first %d s not counted\n",
                streams, streams, jpgEvery,
                webpEvery ? qPrintable(QStringLiteral(" and its webp every %1 s").arg(webpEvery)) : "",
                seconds, warmup);
    std::printf("the ask rate of %.0f streams at AVideo's pace (jpg every 300 s%s)\n\n",
                streams * 300.0 / jpgEvery, webpEvery ? ", webp every 900 s" : "");

    const double ffmpegShare = ffmpegPerStreamCpuShare(stack.hlsUrl(key), 20);

    QTemporaryDir dir;
    ServeChild serve(parser.value(programOption), dir.filePath(QStringLiteral("serve.log")));
    if (const Status failed = serve.start({QStringLiteral("--allow-host"), QStringLiteral("127.0.0.1")});
        !failed.ok())
        return fail(failed.error().toString());
    if (!pinThreads(serve.pid(), serviceCore))
        return fail(QStringLiteral("cannot pin the service to core %1").arg(core));

    Asker asker(serve.baseUrl(), urls, scheduleOf(streams, jpgEvery, webpEvery, seconds));
    QNetworkAccessManager scraper;
    Window measured;
    Metrics before = scrape(scraper, serve.baseUrl());
    qint64 ticks = processTicks(serve.pid());
    QElapsedTimer wall;
    wall.start();
    asker.start();
    for (qint64 end = sample; end <= seconds; end += sample) {
        spinUntil([&] { return wall.elapsed() >= end * 1000; }, int(end * 1000 - wall.elapsed()) + 1);
        pinThreads(serve.pid(), serviceCore); // threads started since the last row
        Window window;
        const QList<Answered> answers = asker.takeAnswers();
        for (const Answered& answered : answers)
            window.add(answered);
        const Metrics now = scrape(scraper, serve.baseUrl());
        const qint64 ticksNow = processTicks(serve.pid());
        window.cpuMs = ticksToMs(ticksNow - ticks);
        window.wallMs = double(wall.elapsed() - (end - sample) * 1000);
        window.grabs = sumOf(before, now, QStringLiteral("avld_generator_grabs_total"));
        window.evictions = sumOf(before, now, QStringLiteral("avld_generator_cache_evictions_total"));
        window.rssKiB = rssKiB(serve.pid());
        const bool warmingUp = end <= warmup;
        printWindow(end, window, warmingUp);
        if (!warmingUp)
            measured.add(window);
        before = now;
        ticks = ticksNow;
    }
    // The answers to the last asks count; the time it takes them to come does not.
    spinUntil([&] { return asker.done(); }, 10'000);
    for (const Answered& answered : asker.takeAnswers())
        measured.add(answered);

    const double share = measured.cpuShare();
    const double p99Latency = percentile(measured.latencyMs, 0.99);
    const double p99Age = percentile(measured.jpgAgeMs, 0.99);
    const double imageShare = measured.asks ? double(measured.images) / measured.asks : 0;
    std::printf("\nafter the warm-up (%d asks, %d of them webp; %d not sent: 256 in flight):\n",
                measured.asks, measured.webpAsks, asker.notSent());
    row("answered with an image", QStringLiteral("%1 %").arg(100 * imageShare, 0, 'f', 2));
    row("empty answers / errors", QStringLiteral("%1 / %2").arg(measured.empty).arg(measured.errors));
    const auto latencies = [](const QList<double>& values) {
        return QStringLiteral("%1 / %2 / %3")
            .arg(ms(percentile(values, 0.5)), ms(percentile(values, 0.99)), ms(percentile(values, 1)));
    };
    row("latency p50 / p99 / max, jpg", latencies(measured.jpgLatencyMs));
    row("latency p50 / p99 / max, webp", latencies(measured.webpLatencyMs));
    row("answers later than AVideo's 2 s",
        QString::number(std::count_if(measured.latencyMs.cbegin(), measured.latencyMs.cend(),
                                      [](double value) { return value > 2000; })));
    row("jpg picture age p50 / p99 / max (drawn clock)",
        QStringLiteral("%1 / %2 / %3 (%4 unreadable)")
            .arg(sec(percentile(measured.jpgAgeMs, 0.5)), sec(p99Age), sec(percentile(measured.jpgAgeMs, 1)))
            .arg(measured.unreadable));
    row("grabs per ask", QString::number(measured.asks ? measured.grabs / measured.asks : 0, 'f', 2));
    row("cache evictions", QString::number(measured.evictions, 'f', 0));
    row("the service's CPU", QStringLiteral("%1 % of its one core; RSS at most %2 MiB")
                                 .arg(100 * share, 0, 'f', 1)
                                 .arg(measured.rssKiB / 1024));
    row("one `ffmpeg` per stream (fps=1/10)", QStringLiteral("%1 % of a core each -> %2 streams per core")
                                                  .arg(100 * ffmpegShare, 0, 'f', 2)
                                                  .arg(1 / ffmpegShare, 0, 'f', 0));
    const double equivalent = streams * 300.0 / jpgEvery;
    const bool fresh = imageShare >= 0.99 && p99Latency <= 2000 && p99Age <= 5000 && share < 1;
    std::printf(
        "\ntarget: %.0f streams kept fresh on one core (>= 2000; images >= 99 %%, p99 latency <= 2 s, "
        "jpg age p99 <= 2 segments + 1 s): %s; the core was %.0f %% busy (per core, %.0fx the "
        "streams of one `ffmpeg` per stream)\n",
        equivalent, fresh && equivalent >= 2000 ? "met" : "NOT met", 100 * share,
        equivalent / share * ffmpegShare);
    return 0;
}
