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

#include "childprocess.h"
#include "freeport.h"
#include "httpget.h"
#include "media/framegrabber.h"
#include "streamstack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <sys/resource.h>
#include <unistd.h>

using namespace avld;

namespace {

// ---- CPU and load, from /proc ----

double ticksToMs(qint64 ticks) {
    static const double perSecond = double(sysconf(_SC_CLK_TCK));
    return double(ticks) * 1000.0 / perSecond;
}

// utime + stime of a process or thread in clock ticks, from its stat file; -1 when it is gone.
qint64 statTicks(const QString& statPath, QString* name = nullptr) {
    QFile file(statPath);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = file.readAll();
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return -1;
    if (name)
        *name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong(); // fields 14 and 15 of stat(5)
}

qint64 processTicks(qint64 pid) {
    return pid > 0 ? statTicks(QStringLiteral("/proc/%1/stat").arg(pid)) : -1;
}

struct ThreadTicks {
    QString name;
    qint64 ticks = 0;
};

QMap<qint64, ThreadTicks> threadTicks(qint64 pid) {
    QMap<qint64, ThreadTicks> threads;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        ThreadTicks thread;
        thread.ticks = statTicks(tasks.filePath(tid + QStringLiteral("/stat")), &thread.name);
        if (thread.ticks >= 0)
            threads.insert(tid.toLongLong(), thread);
    }
    return threads;
}

struct MachineTicks {
    qint64 processes = 0;  // user, nice, system
    qint64 interrupts = 0; // irq, softirq: loopback traffic is mostly softirq, charged to no process
    qint64 steal = 0;      // taken by the hypervisor
    qint64 idle = 0;       // idle, iowait
    qint64 total = 0;
};

MachineTicks machineTicks() {
    MachineTicks ticks;
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return ticks;
    // cpu user nice system idle iowait irq softirq steal
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        const qint64 value = fields.at(i).toLongLong();
        ticks.total += value;
        if (i <= 3)
            ticks.processes += value;
        else if (i == 6 || i == 7)
            ticks.interrupts += value;
        else if (i == 8)
            ticks.steal += value;
        else
            ticks.idle += value;
    }
    return ticks;
}

double rusageMs(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

QList<double> loadAverages() {
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {-1, -1, -1};
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    QList<double> loads;
    for (qsizetype i = 0; i < 3; ++i)
        loads << fields.value(i, "-1").toDouble();
    return loads;
}

QString loadText(const QList<double>& loads) {
    return QStringLiteral("%1 %2 %3")
        .arg(loads.value(0), 0, 'f', 2)
        .arg(loads.value(1), 0, 'f', 2)
        .arg(loads.value(2), 0, 'f', 2);
}

qint64 rssKiB(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

// ---- statistics ----

double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const auto lo = qsizetype(rank);
    const auto hi = qMin(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

using Metrics = QMap<QString, double>;

Metrics parseMetrics(const QByteArray& text) {
    Metrics metrics;
    for (const QByteArray& raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        if (space > 0)
            metrics.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return metrics;
}

double increase(const Metrics& before, const Metrics& after, const QString& key) {
    return after.value(key) - before.value(key);
}

// Like Prometheus' histogram_quantile over the increase between two scrapes: linear within the bucket.
double histogramQuantile(const Metrics& before, const Metrics& after, const QString& name, double q) {
    QList<std::pair<double, double>> buckets; // upper bound (+Inf last), cumulative count
    const QString prefix = name + QStringLiteral("_bucket{le=\"");
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString le = it.key().mid(prefix.size()).chopped(2);
        const double bound =
            le == QStringLiteral("+Inf") ? std::numeric_limits<double>::infinity() : le.toDouble();
        buckets.append({bound, it.value() - before.value(it.key())});
    }
    std::sort(buckets.begin(), buckets.end());
    if (buckets.isEmpty() || buckets.last().second <= 0)
        return std::nan("");
    const double rank = q * buckets.last().second;
    double lowerBound = 0, lowerCount = 0;
    for (const auto& [bound, count] : buckets) {
        if (count >= rank) {
            if (std::isinf(bound))
                return lowerBound;
            if (count <= lowerCount)
                return bound;
            return lowerBound + (bound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
        }
        lowerBound = bound;
        lowerCount = count;
    }
    return lowerBound;
}

// ---- HTTP from this process ----

// Runs the event loop until `done` holds or the time is up; returns `done()`.
bool spinUntil(const std::function<bool()>& done, int timeoutMs) {
    if (done())
        return true;
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

struct Answer {
    int status = 0;
    QString error;
    qint64 bytes = 0;
    QByteArray contentType;
    qint64 ageMs = -1;     // X-Avld-Frame-Age-Ms
    QByteArray cacheState; // X-Avld-Cache
    double ms = 0;

    bool isImage() const { return status == 200 && bytes > 0 && contentType.startsWith("image/"); }
};

QNetworkRequest plainRequest(const QUrl& url) {
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

Answer answerOf(QNetworkReply* reply, double ms) {
    Answer answer;
    answer.ms = ms;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError)
        answer.error = reply->errorString();
    answer.bytes = reply->readAll().size();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    bool ok = false;
    const qint64 age = reply->rawHeader("X-Avld-Frame-Age-Ms").toLongLong(&ok);
    answer.ageMs = ok ? age : -1;
    answer.cacheState = reply->rawHeader("X-Avld-Cache");
    return answer;
}

// GETs every URL at once and waits for all answers, at most timeoutMs.
QList<Answer> fetchAll(QNetworkAccessManager& network, const QList<QUrl>& urls, int timeoutMs) {
    QList<Answer> answers(urls.size());
    QList<QNetworkReply*> replies;
    int left = int(urls.size());
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < urls.size(); ++i) {
        QNetworkReply* reply = network.get(plainRequest(urls.at(i)));
        replies.append(reply);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&answers, &left, &timer, reply, i] {
            answers[i] = answerOf(reply, double(timer.nsecsElapsed()) / 1e6);
            --left;
        });
    }
    spinUntil([&] { return left == 0; }, timeoutMs);
    // Deleted here, not in the handler: deferred deletes run inside spinUntil's loop.
    for (qsizetype i = 0; i < replies.size(); ++i) {
        QNetworkReply* reply = replies.at(i);
        if (!reply->isFinished()) {
            reply->disconnect();
            reply->abort();
            answers[i].error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        }
        reply->deleteLater();
    }
    return answers;
}

// Asks the streams for their image in turn, one request every cycleMs / streams, at most 8 at once.
class AgeSampler : public QObject {
public:
    AgeSampler(QList<QUrl> urls, int cycleMs)
        : m_urls(std::move(urls)) {
        m_timer.setInterval(qMax(5, cycleMs / int(qMax<qsizetype>(1, m_urls.size()))));
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start() { m_timer.start(); }
    void stop(int drainMs) {
        m_timer.stop();
        spinUntil([this] { return m_inFlight == 0; }, drainMs);
    }
    const QList<Answer>& answers() const { return m_answers; }
    int skipped() const { return m_skipped; }

private:
    void tick() {
        if (m_inFlight >= 8) {
            ++m_skipped;
            return;
        }
        const QUrl url = m_urls.at(m_next++ % m_urls.size());
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = m_network.get(plainRequest(url));
        ++m_inFlight;
        connect(reply, &QNetworkReply::finished, this, [this, reply, timer] {
            --m_inFlight;
            m_answers.append(answerOf(reply, double(timer.nsecsElapsed()) / 1e6));
            reply->deleteLater();
        });
    }

    QList<QUrl> m_urls;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_skipped = 0;
    QList<Answer> m_answers;
};

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

double toMs(const QString& number, const QString& unit) {
    const double value = number.toDouble();
    if (unit == QStringLiteral("us"))
        return value / 1000.0;
    if (unit == QStringLiteral("s"))
        return value * 1000.0;
    if (unit == QStringLiteral("m"))
        return value * 60'000.0;
    if (unit == QStringLiteral("h"))
        return value * 3'600'000.0;
    return value;
}

struct WrkResult {
    bool parsed = false;
    double requestsPerSecond = std::nan("");
    qint64 requests = 0;
    double seconds = 0;
    QString readVolume;
    double avgMs = std::nan(""), maxMs = std::nan("");
    QMap<int, double> latencyMs; // by percentile: 50, 75, 90, 99
    qint64 non2xx = 0;
    qint64 connectErrors = 0, readErrors = 0, writeErrors = 0, timeouts = 0;
    qint64 socketErrors() const { return connectErrors + readErrors + writeErrors + timeouts; }
};

WrkResult parseWrk(const QString& out) {
    WrkResult r;
    static const QString unit = QStringLiteral("([0-9.]+)(us|ms|s|m|h)");
    const QRegularExpression percentileLine(QStringLiteral("^\\s*(50|75|90|99)%\\s+") + unit +
                                                QStringLiteral("\\s*$"),
                                            QRegularExpression::MultilineOption);
    for (auto it = percentileLine.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        r.latencyMs.insert(m.captured(1).toInt(), toMs(m.captured(2), m.captured(3)));
    }
    const QRegularExpressionMatch latency =
        QRegularExpression(QStringLiteral("Latency\\s+") + unit + QStringLiteral("\\s+") + unit +
                           QStringLiteral("\\s+") + unit)
            .match(out);
    if (latency.hasMatch()) {
        r.avgMs = toMs(latency.captured(1), latency.captured(2));
        r.maxMs = toMs(latency.captured(5), latency.captured(6));
    }
    const QRegularExpressionMatch total =
        QRegularExpression(QStringLiteral("(\\d+) requests in ") + unit + QStringLiteral(", (\\S+) read"))
            .match(out);
    if (total.hasMatch()) {
        r.requests = total.captured(1).toLongLong();
        r.seconds = toMs(total.captured(2), total.captured(3)) / 1000.0;
        r.readVolume = total.captured(4);
    }
    const QRegularExpressionMatch errors =
        QRegularExpression(
            QStringLiteral("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"))
            .match(out);
    if (errors.hasMatch()) {
        r.connectErrors = errors.captured(1).toLongLong();
        r.readErrors = errors.captured(2).toLongLong();
        r.writeErrors = errors.captured(3).toLongLong();
        r.timeouts = errors.captured(4).toLongLong();
    }
    const QRegularExpressionMatch non2xx =
        QRegularExpression(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).match(out);
    if (non2xx.hasMatch())
        r.non2xx = non2xx.captured(1).toLongLong();
    const QRegularExpressionMatch rps =
        QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(out);
    if (rps.hasMatch())
        r.requestsPerSecond = rps.captured(1).toDouble();
    r.parsed = rps.hasMatch() && r.latencyMs.contains(99);
    return r;
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

// ---- output ----

void row(const char* label, const QString& value) {
    std::printf("  %-46s %s\n", label, qPrintable(value));
}

QString ms(double value, int decimals = 1) {
    return std::isnan(value) ? QStringLiteral("n/a") : QStringLiteral("%1 ms").arg(value, 0, 'f', decimals);
}

QString sec(double valueMs) {
    return std::isnan(valueMs) ? QStringLiteral("n/a")
                               : QStringLiteral("%1 s").arg(valueMs / 1000.0, 0, 'f', 2);
}

QString percentOfCore(double cpuMs, double wallMs) {
    return cpuMs < 0 ? QStringLiteral("n/a") : QStringLiteral("%1 %").arg(100.0 * cpuMs / wallMs, 0, 'f', 1);
}

struct ChildGuard {
    QProcess& process;
    ~ChildGuard() { test::stopChild(process, 3000); }
};

int run(QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Load benchmark of `avideo-live-doctor serve` with wrk."));
    parser.addHelpOption();
    const QCommandLineOption programOption(
        QStringLiteral("program"), QStringLiteral("avideo-live-doctor to run."), QStringLiteral("path"));
    const QCommandLineOption streamsOption(QStringLiteral("streams"), QStringLiteral("Live streams (20)."),
                                           QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("wrk's -d (20)."),
                                           QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"),
                                               QStringLiteral("wrk's -c (64)."), QStringLiteral("n"),
                                               QStringLiteral("64"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("wrk's -t (2)."),
                                           QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption refreshOption(QStringLiteral("refresh"),
                                           QStringLiteral("serve's --refresh (10)."), QStringLiteral("s"),
                                           QStringLiteral("10"));
    const QCommandLineOption maxLoadOption(QStringLiteral("max-load"),
                                           QStringLiteral("Wait while the 1-minute load is above this (3)."),
                                           QStringLiteral("load"), QStringLiteral("3"));
    const QCommandLineOption loadWaitOption(QStringLiteral("load-wait"),
                                            QStringLiteral("Longest wait for the load to drop, s (600)."),
                                            QStringLiteral("s"), QStringLiteral("600"));
    parser.addOptions({programOption, streamsOption, secondsOption, connectionsOption, threadsOption,
                       refreshOption, maxLoadOption, loadWaitOption});
    if (!parser.parse(app.arguments())) {
        std::printf("bench_standin: %s\n", qPrintable(parser.errorText()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);

    const QString program = parser.isSet(programOption)
                                ? parser.value(programOption)
                                : QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                                  QStringLiteral("/../../app/avideo-live-doctor"));
    const int streamCount = qBound(1, parser.value(streamsOption).toInt(), 100);
    const int seconds = qBound(1, parser.value(secondsOption).toInt(), 600);
    const int connections = qBound(1, parser.value(connectionsOption).toInt(), 10'000);
    const int threads = qBound(1, parser.value(threadsOption).toInt(), qMin(64, connections));
    const int refreshSeconds = qBound(1, parser.value(refreshOption).toInt(), 3600);
    const double maxLoad = parser.value(maxLoadOption).toDouble();
    const int loadWaitSeconds = qBound(0, parser.value(loadWaitOption).toInt(), 3600);
    const QString wrkProgram = QStringLiteral("/usr/bin/wrk");

    std::printf("bench_standin: avideo-live-doctor serve under wrk load\n");
    if (!QFileInfo(program).isExecutable()) {
        std::printf("bench_standin: %s is not an executable; build avideo-live-doctor or pass --program\n",
                    qPrintable(program));
        return 0;
    }
    if (!QFileInfo(wrkProgram).isExecutable()) {
        std::printf("bench_standin: %s is missing (apt-get install wrk)\n", qPrintable(wrkProgram));
        return 0;
    }

    // Other people's builds share the 2 cores: wait for a quieter moment, within bounds.
    const QList<double> loadAtStart = loadAverages();
    QList<double> loadBefore = loadAtStart;
    QElapsedTimer waited;
    waited.start();
    while (loadBefore.value(0) > maxLoad && waited.elapsed() < qint64(loadWaitSeconds) * 1000) {
        std::printf("load %s is above %.1f: waiting (%lld s so far, at most %d s)\n",
                    qPrintable(loadText(loadBefore)), maxLoad, waited.elapsed() / 1000, loadWaitSeconds);
        std::fflush(stdout);
        QThread::sleep(30);
        loadBefore = loadAverages();
    }
    const qint64 waitedSeconds = waited.elapsed() / 1000;

    // The streams.
    test::StreamStack stack;
    if (Status failed = stack.start()) {
        std::printf("bench_standin: the stream stack did not start: %s\n", qPrintable(failed->toString()));
        return 0;
    }
    QStringList keys;
    QList<QUrl> playlists;
    for (int i = 1; i <= streamCount; ++i) {
        const QString key = QStringLiteral("s%1").arg(i, 2, 10, QLatin1Char('0'));
        // No segment wait here: the publishers start together and are awaited below.
        if (Status failed =
                stack.publish({.key = key, .size = {320, 180}, .fps = 10, .audio = false}, 10000, 0)) {
            std::printf("bench_standin: publisher %s: %s\n", qPrintable(key), qPrintable(failed->toString()));
            return 0;
        }
        keys << key;
        playlists << stack.hlsUrl(key);
    }
    {
        const QDeadlineTimer deadline(60'000);
        const auto allHaveSegments = [&] {
            return std::all_of(keys.cbegin(), keys.cend(),
                               [&](const QString& k) { return stack.segmentCount(k) >= 2; });
        };
        while (!allHaveSegments() && !deadline.hasExpired())
            QThread::msleep(200);
        if (!allHaveSegments()) {
            std::printf("bench_standin: not every stream had 2 HLS segments after 60 s\n");
            return 0;
        }
    }
    const SegmentFacts segments = segmentFacts(playlists);

    // The service, in its own process.
    QTemporaryDir work;
    QProcess serve;
    test::killChildWithParent(serve);
    serve.setProcessChannelMode(QProcess::MergedChannels);
    serve.setStandardOutputFile(work.filePath(QStringLiteral("serve.log")));
    ChildGuard serveGuard{serve};
    quint16 port = 0;
    QStringList serveArguments;
    bool healthy = false;
    for (int attempt = 0; attempt < 3 && !healthy; ++attempt) {
        test::stopChild(serve, 3000);
        port = test::freeLoopbackPort();
        serveArguments = {QStringLiteral("serve"),
                          QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(port),
                          QStringLiteral("--allow-host"),
                          QStringLiteral("127.0.0.1"),
                          QStringLiteral("--refresh"),
                          QString::number(refreshSeconds)};
        serve.start(program, serveArguments);
        if (!serve.waitForStarted(5000))
            continue;
        const QDeadlineTimer deadline(10'000);
        while (!healthy && !deadline.hasExpired() && serve.state() == QProcess::Running) {
            healthy =
                test::httpGet(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port)), 1000).status ==
                200;
            if (!healthy)
                QThread::msleep(100);
        }
    }
    if (!healthy) {
        QFile log(work.filePath(QStringLiteral("serve.log")));
        log.open(QIODevice::ReadOnly);
        std::printf("bench_standin: serve did not answer /healthz: %s\n",
                    log.readAll().right(1500).constData());
        return 0;
    }
    const qint64 servePid = serve.processId();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    const QUrl metricsUrl(base + QStringLiteral("/metrics"));

    QStringList paths;
    QList<QUrl> imageUrls;
    for (const QUrl& playlist : playlists) {
        const QByteArray b64 = QUrl::toPercentEncoding(QString::fromLatin1(playlist.toEncoded().toBase64()));
        paths
            << QStringLiteral("/objects/getImage.php?base64Url=%1&format=jpg").arg(QString::fromLatin1(b64));
        imageUrls << QUrl(base + paths.last(), QUrl::StrictMode);
    }

    // Warm the cache: every stream answers an image before the load starts.
    QNetworkAccessManager network;
    {
        QList<qsizetype> cold;
        for (qsizetype i = 0; i < imageUrls.size(); ++i)
            cold << i;
        const QDeadlineTimer deadline(60'000);
        while (!cold.isEmpty() && !deadline.hasExpired()) {
            QList<QUrl> urls;
            for (const qsizetype i : cold)
                urls << imageUrls.at(i);
            const QList<Answer> answers = fetchAll(network, urls, 5000);
            QList<qsizetype> still;
            for (qsizetype j = 0; j < answers.size(); ++j) {
                if (!answers.at(j).isImage())
                    still << cold.at(j);
            }
            cold = still;
            if (!cold.isEmpty())
                QThread::msleep(250);
        }
        if (!cold.isEmpty()) {
            std::printf("bench_standin: %lld stream(s) still without an image after 60 s (first: %s)\n",
                        qlonglong(cold.size()), qPrintable(keys.at(cold.first())));
            return 0;
        }
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
    const QStringList wrkArguments{QStringLiteral("-t%1").arg(threads),
                                   QStringLiteral("-c%1").arg(connections),
                                   QStringLiteral("-d%1s").arg(seconds),
                                   QStringLiteral("--latency"),
                                   QStringLiteral("-s"),
                                   script,
                                   base + QLatin1Char('/')};

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
    ChildGuard wrkGuard{wrk};
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
    const bool serveAlive = serve.state() == QProcess::Running;

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
                qPrintable(serveArguments.join(QLatin1Char(' '))), servePid);
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
    QMap<QString, double> outcomes;
    static const QRegularExpression outcomeLabel(QStringLiteral("outcome=\"([^\"]+)\""));
    for (auto it = metricsAfter.cbegin(); it != metricsAfter.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("avld_generator_requests_total{")))
            outcomes[outcomeLabel.match(it.key()).captured(1)] += it.value() - metricsBefore.value(it.key());
    }
    QStringList outcomeText;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        if (it.value() > 0)
            outcomeText << QStringLiteral("%1 %2").arg(it.key()).arg(qint64(it.value()));
    }
    const auto metric = [&](const char* name) {
        return qint64(increase(metricsBefore, metricsAfter, QString::fromLatin1(name)));
    };
    const qint64 hits = metric("avld_generator_cache_hits_total");
    const qint64 misses = metric("avld_generator_cache_misses_total");
    const qint64 grabs = metric("avld_generator_grabs_total");
    qint64 grabFailures = 0;
    for (auto it = metricsAfter.cbegin(); it != metricsAfter.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("avld_generator_grab_failures_total{")))
            grabFailures += qint64(it.value() - metricsBefore.value(it.key()));
    }

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
    row("answers by outcome (service's /metrics)", outcomeText.join(QStringLiteral(", ")));
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
