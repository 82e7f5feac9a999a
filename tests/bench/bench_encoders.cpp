// What watching many encoders costs: EncoderMonitor probing N simulated encoders (default 200) at a 10 s
// interval, with a real TimedHttpClient, measured as CPU time of this process per second of wall time and the
// most sockets open at once. The issue's target: under 5% of one core, sockets bounded by the client's limit.
//
// The encoders are simulated by this same program re-executed with --serve-encoders N: one child process with
// N minimal HTTP listeners on loopback, so that its CPU is not counted. Each answers objects/getImage.php (an
// empty 200 without base64Url, else one pre-encoded 640x360 JPEG real frame) and status (403, as without
// credentials); nothing else.
//
//   bench_encoders [--seconds S] [--warmup S] [--encoders N] [--interval MS] [--no-stream]

#include "bitmapqt/qimagebridge.h"
#include "childprocess.h"
#include "clock.h"
#include "encoders/encoderhistory.h"
#include "encoders/encoderimage.h"
#include "encoders/encodermonitor.h"
#include "media/imageencoder.h"
#include "net/timedhttpclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace avld;

namespace {

// A non-flat synthetic picture (gradients, shapes, a little noise), so that it classifies as a real frame.
QByteArray syntheticFrameJpeg() {
    QImage image(640, 360, QImage::Format_RGB32);
    quint32 noise = 12345;
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            noise = noise * 1664525u + 1013904223u;
            const int n = int(noise >> 28) - 8;
            line[x] = qRgb(qBound(0, x * 255 / 640 + n, 255), qBound(0, y * 255 / 360 + n, 255),
                           qBound(0, 128 + ((x / 40 + y / 40) % 2) * 60 + n, 255));
        }
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(230, 200, 40));
    painter.drawEllipse(QRect(380, 60, 180, 180));
    painter.setBrush(QColor(30, 60, 160));
    painter.drawRect(QRect(60, 200, 220, 110));
    painter.end();
    const Result<QByteArray> jpeg = ImageEncoder().encodeJpeg(fromQImage(image));
    return jpeg ? *jpeg : QByteArray();
}

QByteArray httpAnswer(int status, const QByteArray& reason, const QByteArray& type, const QByteArray& body) {
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// The child: N listeners, one connection per request (the probes do not reuse connections).
class EncoderSimulator : public QObject {
public:
    explicit EncoderSimulator(QByteArray frame)
        : m_frame(httpAnswer(200, "OK", "image/jpeg", frame))
        , m_empty(httpAnswer(200, "OK", "text/html; charset=UTF-8", {}))
        , m_denied(
              httpAnswer(403, "Forbidden", "application/json", R"({"error":true,"msg":"Permission denied"})"))
        , m_notFound(httpAnswer(404, "Not Found", "text/html", "<h1>Not Found</h1>")) {}

    QList<quint16> listen(int count) {
        QList<quint16> ports;
        for (int i = 0; i < count; ++i) {
            auto* server = new QTcpServer(this);
            if (!server->listen(QHostAddress::LocalHost, 0))
                return {};
            connect(server, &QTcpServer::newConnection, this, [this, server] { accept(*server); });
            ports.append(server->serverPort());
        }
        return ports;
    }

private:
    void accept(QTcpServer& server) {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                if (!buffer->contains("\r\n\r\n")) {
                    if (buffer->size() > 64 * 1024)
                        socket->abort();
                    return;
                }
                const QByteArray line = buffer->left(buffer->indexOf("\r\n"));
                socket->write(answer(line));
                socket->disconnectFromHost();
                QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
            });
        }
    }

    const QByteArray& answer(const QByteArray& requestLine) const {
        const QList<QByteArray> parts = requestLine.split(' ');
        const QUrl target = QUrl::fromEncoded(parts.value(1));
        const QString path = target.path();
        if (path == QStringLiteral("/objects/getImage.php"))
            return QUrlQuery(target).queryItemValue(QStringLiteral("base64Url")).isEmpty() ? m_empty
                                                                                           : m_frame;
        if (path == QStringLiteral("/status") || path == QStringLiteral("/serverStatus"))
            return m_denied;
        return m_notFound;
    }

    QByteArray m_frame;
    QByteArray m_empty;
    QByteArray m_denied;
    QByteArray m_notFound;
};

int serveEncoders(int count) {
    const QByteArray frame = syntheticFrameJpeg();
    EncoderSimulator simulator(frame);
    const QList<quint16> ports = simulator.listen(count);
    if (ports.size() != count || frame.isEmpty()) {
        std::fprintf(stderr, "simulator: cannot listen on %d loopback ports\n", count);
        return 1;
    }
    QByteArray line = "PORTS";
    for (quint16 port : ports)
        line += ' ' + QByteArray::number(port);
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}

qint64 cpuMicroseconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto us = [](const timeval& t) { return qint64(t.tv_sec) * 1'000'000 + t.tv_usec; };
    return us(usage.ru_utime) + us(usage.ru_stime);
}

// The functional probe's verdict decodes the JPEG and runs the frame checks on it: its share of a probe.
struct JudgeCost {
    double cpuMs = 0;
    double wallMs = 0;
};

JudgeCost judgeCost(const QByteArray& frame) {
    constexpr int kCalls = 100;
    const qint64 cpuStart = cpuMicroseconds();
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < kCalls; ++i)
        (void)judgeEncoderImage(frame);
    return {double(cpuMicroseconds() - cpuStart) / 1000.0 / kCalls,
            double(wall.nsecsElapsed()) / 1e6 / kCalls};
}

void runFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Figures {
    int probes = 0;
    int healthy = 0;
    double wallS = 0;
    double cpuMs = 0;
    int maxSockets = 0;        // over the measured window
    int maxSocketsOverall = 0; // warm-up (the first burst) included
    qint64 historyRows = -1;   // -1: no history

    double probesPerS() const { return probes / wallS; }
    double cpuMsPerS() const { return cpuMs / wallS; }
    double percentOfCore() const { return cpuMs / (wallS * 1000.0) * 100.0; }
};

struct BenchConfig {
    QList<quint16> ports;
    int intervalMs = 10'000;
    int warmupMs = 12'000;
    int measureMs = 60'000;
    int maxConnections = 32;
    bool functional = true; // false: no sample stream, so no getImage with a URL and no frame to judge
};

Figures measure(const BenchConfig& config, bool withHistory) {
    QTemporaryDir dir;
    std::unique_ptr<EncoderHistory> history;
    if (withHistory) {
        history =
            std::make_unique<EncoderHistory>(dir.filePath(QStringLiteral("history.sqlite")), Clock::system());
        if (const Status failed = history->open(); !failed.ok())
            std::fprintf(stderr, "history: %s\n", qPrintable(failed.error().toString()));
    }
    TimedHttpClient http(config.maxConnections);
    EncoderMonitor monitor(http, Clock::system(), history.get(), EncoderMonitor::Options{});
    QList<EncoderTarget> targets;
    for (int i = 0; i < config.ports.size(); ++i) {
        EncoderTarget target;
        target.id = QStringLiteral("sim-%1").arg(i, 3, 10, QLatin1Char('0'));
        target.name = QStringLiteral("Simulated encoder %1").arg(i);
        target.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(config.ports.at(i)));
        target.intervalMs = config.intervalMs;
        targets.append(target);
    }
    monitor.setTargets(targets);
    // Any URL: the simulator answers its frame for every base64Url.
    if (config.functional)
        monitor.setSampleStreams({QUrl(QStringLiteral("http://127.0.0.1:9/live/bench-key/index.m3u8"))});

    Figures figures;
    bool measuring = false;
    QObject::connect(&monitor, &EncoderMonitor::probed, &monitor, [&](const EncoderProbeReport& report) {
        if (!measuring)
            return;
        ++figures.probes;
        if (report.record.health == ProbeHealth::Healthy)
            ++figures.healthy;
    });
    QTimer sampler;
    sampler.setInterval(50);
    QObject::connect(&sampler, &QTimer::timeout, &monitor, [&] {
        const int open = http.openSockets();
        figures.maxSocketsOverall = std::max(figures.maxSocketsOverall, open);
        if (measuring)
            figures.maxSockets = std::max(figures.maxSockets, open);
    });
    sampler.start();
    monitor.start();
    runFor(config.warmupMs);

    measuring = true;
    const qint64 cpuStart = cpuMicroseconds();
    QElapsedTimer wall;
    wall.start();
    runFor(config.measureMs);
    figures.cpuMs = double(cpuMicroseconds() - cpuStart) / 1000.0;
    figures.wallS = double(wall.nsecsElapsed()) / 1e9;
    measuring = false;
    monitor.stop();
    sampler.stop();
    if (history)
        figures.historyRows = history->rowCounts().raw;
    return figures;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cost of probing many simulated encoders"));
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Measured wall time (s)."),
                                     QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), QStringLiteral("Warm-up before measuring (s)."),
                                    QStringLiteral("s"), QStringLiteral("12"));
    const QCommandLineOption encoders(QStringLiteral("encoders"), QStringLiteral("Simulated encoders."),
                                      QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption interval(QStringLiteral("interval"), QStringLiteral("Probe interval (ms)."),
                                      QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption serve(QStringLiteral("serve-encoders"),
                                   QStringLiteral("Internal: be the simulator with n encoders."),
                                   QStringLiteral("n"));
    const QCommandLineOption noStream(QStringLiteral("no-stream"),
                                      QStringLiteral("No sample stream: reachability and status only (to "
                                                     "split the cost)."));
    parser.addOptions({seconds, warmup, encoders, interval, noStream, serve});
    parser.process(app);
    if (parser.isSet(serve))
        return serveEncoders(parser.value(serve).toInt());

    BenchConfig config;
    config.functional = !parser.isSet(noStream);
    config.measureMs = parser.value(seconds).toInt() * 1000;
    config.warmupMs = parser.value(warmup).toInt() * 1000;
    config.intervalMs = parser.value(interval).toInt();
    const int count = parser.value(encoders).toInt();
    if (config.measureMs <= 0 || config.warmupMs < 0 || config.intervalMs <= 0 || count <= 0) {
        std::fprintf(stderr, "bench_encoders: bad arguments\n");
        return 64;
    }

    const QByteArray frame = syntheticFrameJpeg();
    const EncoderImageVerdict verdict = judgeEncoderImage(frame);
    if (!verdict.isRealFrame()) {
        std::fprintf(stderr, "bench_encoders: the synthetic frame is classified %s (%s), not a real frame\n",
                     qPrintable(verdict.frameClass), qPrintable(verdict.detail));
        return 1;
    }

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    test::killChildWithParent(simulator);
    simulator.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--serve-encoders"), QString::number(count)});
    QElapsedTimer started;
    started.start();
    while (!simulator.canReadLine() && simulator.state() != QProcess::NotRunning && started.elapsed() < 20000)
        simulator.waitForReadyRead(1000);
    const QList<QByteArray> words = simulator.readLine().trimmed().split(' ');
    if (words.value(0) != "PORTS" || words.size() != count + 1) {
        std::fprintf(stderr, "bench_encoders: the simulator did not start\n");
        test::stopChild(simulator, 2000);
        return 1;
    }
    for (qsizetype i = 1; i < words.size(); ++i)
        config.ports.append(quint16(words.at(i).toUInt()));

    std::printf(
        "bench_encoders: %d simulated encoders on loopback (simulator pid %lld, its CPU not counted)\n"
        "probe interval %d ms, TimedHttpClient(%d), %d probes at a time; JPEG frame %lld bytes\n"
        "%s%d s warm-up, then %d s measured per run\n\n",
        count, simulator.processId(), config.intervalMs, config.maxConnections,
        EncoderMonitor::Options{}.maxConcurrentProbes, qint64(frame.size()),
        config.functional ? "" : "NO sample stream (--no-stream): no functional probe\n",
        config.warmupMs / 1000, config.measureMs / 1000);
    std::fflush(stdout);

    const JudgeCost judge = judgeCost(frame);
    std::printf("classifying one getImage answer (judgeEncoderImage: JPEG decode + frame checks): "
                "%.3f ms CPU, %.3f ms wall\n\n",
                judge.cpuMs, judge.wallMs);
    std::fflush(stdout);

    constexpr double kTargetPercent = 5.0;
    std::printf("%-13s %7s %9s %8s %9s %9s %9s %8s %9s %9s\n", "run", "probes", "probes/s", "healthy",
                "cpu ms/s", "ms/probe", "% core", "sockets", "sockets*", "db rows");
    bool allPass = true;
    for (const bool withHistory : {false, true}) {
        const Figures f = measure(config, withHistory);
        const bool pass = f.percentOfCore() < kTargetPercent;
        allPass = allPass && pass;
        std::printf("%-13s %7d %9.1f %8d %9.2f %9.3f %8.2f%% %8d %9d %9s  %s\n",
                    withHistory ? "with history" : "no history", f.probes, f.probesPerS(), f.healthy,
                    f.cpuMsPerS(), f.probes > 0 ? f.cpuMs / f.probes : 0.0, f.percentOfCore(), f.maxSockets,
                    f.maxSocketsOverall, f.historyRows < 0 ? "-" : qPrintable(QString::number(f.historyRows)),
                    pass ? "PASS" : "FAIL");
        std::fflush(stdout);
    }
    std::printf("\ncpu ms/s: CPU time of this process (user+sys, all threads) per second of wall time\n"
                "sockets: most open at once while measuring; sockets*: the warm-up's first round included\n"
                "db rows: probe rows in the history at the end (warm-up included)\n"
                "target: under %.0f%% of one core: %s\n",
                kTargetPercent, allPass ? "PASS" : "FAIL");

    test::stopChild(simulator, 2000);
    return 0;
}
