// What the first animated thumbnail of a live costs: a 3 s clip of a 720p HLS stream (nginx-rtmp + ffmpeg on
// loopback, 2 s segments) made into the encoder's webp (640x360, 10 fps) and gif (320x180, 10 fps), phase by
// phase (fetch and decode of the published segments, rendering, encoding), then end to end through a fresh
// ThumbnailService per round: the way AVideo's gallery asks (jpg for `poster` and webp for `imgGif` at the
// same moment), the time until the animated answer, against the service's 1500 ms budget, under each of the
// app's two malloc policies (memorypolicy.h: the headless one keeps freed memory, the window's returns it),
// one after the other in the same run. Not a ctest test:
// it prints figures and always exits 0.
//
//   bench_animated [--rounds 8] [--fps 25] [--webp-method M] [--decode-width W] [--no-service] [--save DIR]
//
// --webp-method and --decode-width override what the product chooses, to compare settings (phases only;
// --decode-width 0 decodes full pictures, as before clips were decoded to the thumbnail's width).

#include "generator/thumbnailencoding.h"
#include "generator/thumbnailservice.h"
#include "media/animatedencoder.h"
#include "media/framegrabber.h"
#include "media/thumbnailrenderer.h"
#include "memorypolicy.h"
#include "streamstack.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace avld;

namespace {

double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const auto lo = qsizetype(rank);
    const auto hi = qMin(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

double cpuMs() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

void printRow(const char* what, const QList<double>& values) {
    std::printf("  %-34s median %6.0f ms   p90 %6.0f ms   max %6.0f ms\n", what, percentile(values, 0.5),
                percentile(values, 0.9),
                values.isEmpty() ? 0.0 : *std::max_element(values.begin(), values.end()));
}

struct Phases {
    QList<double> grab, render, encode, total, cpu, grabCpu, encodeCpu;
    QList<double> bytes, frames;
};

// Grab, render and encode one clip the way GrabScheduler does, timing each phase.
// The image and its first and last frames as PNG, to look at.
void save(const QString& dir, ThumbnailFormat format, const QByteArray& bytes) {
    const QString name = QDir(dir).filePath(QStringLiteral("clip.") + thumbnailFormatName(format));
    QFile file(name);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    const int count = reader.imageCount();
    for (int i = 0; i < count; ++i) {
        const QImage frame = reader.read();
        if (i == 0 || i == count - 1)
            frame.save(name + QStringLiteral(".frame%1.png").arg(i + 1));
    }
    std::printf("  saved %s and its first and last frames\n", qPrintable(name));
}

void measureOnce(const QUrl& stream, ThumbnailFormat format, int decodeWidth, int webpMethod,
                 const QString& saveDir, Phases& out) {
    const QSize box = format == ThumbnailFormat::Gif ? AnimatedEncoder::GifSize : AnimatedEncoder::WebpSize;
    GrabOptions options = grabOptionsFor(format, 10000);
    options.maxFrameWidth = decodeWidth >= 0 ? decodeWidth : box.width(); // GrabScheduler's choice
    const double cpuBefore = cpuMs();
    QElapsedTimer timer;
    timer.start();
    const Result<GrabResult> grab = FrameGrabber::grabAndWait(stream, options);
    const double grabMs = double(timer.restart());
    const double grabCpu = cpuMs() - cpuBefore;
    if (!grab) {
        std::printf("  grab failed: %s\n", qPrintable(grab.error().toString()));
        return;
    }
    ThumbnailRenderer renderer(box);
    QList<Bitmap> frames;
    for (const GrabbedFrame& frame : grab->frames)
        frames.append(renderer.render(frame).valueOr(Bitmap()));
    const double renderMs = double(timer.restart());
    const double cpuBeforeEncode = cpuMs();
    AnimatedEncoder::Options encoderOptions;
    if (webpMethod >= 0)
        encoderOptions.webpMethod = webpMethod;
    const AnimatedEncoder encoder(encoderOptions);
    const Result<QByteArray> bytes = format == ThumbnailFormat::Gif ? encoder.encodeGif(frames, grab->fps)
                                                                    : encoder.encodeWebp(frames, grab->fps);
    const double encodeMs = double(timer.elapsed());
    const double encodeCpu = cpuMs() - cpuBeforeEncode;
    if (!bytes) {
        std::printf("  encoding failed: %s\n", qPrintable(bytes.error().toString()));
        return;
    }
    if (!saveDir.isEmpty() && out.grab.isEmpty())
        save(saveDir, format, *bytes);
    out.grab.append(grabMs);
    out.render.append(renderMs);
    out.encode.append(encodeMs);
    out.total.append(grabMs + renderMs + encodeMs);
    out.cpu.append(cpuMs() - cpuBefore);
    out.grabCpu.append(grabCpu);
    out.encodeCpu.append(encodeCpu);
    out.bytes.append(double(bytes->size()));
    out.frames.append(double(grab->frames.size()));
}

struct EndToEnd {
    QList<double> animatedMs, stillMs, faults;
    int animatedImages = 0, stillImages = 0, rounds = 0;
};

long pageFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// A fresh service (nothing cached), then jpg and the animated format 10 ms apart, as AVideo's gallery asks.
void measureService(const QUrl& stream, const QByteArray& format, EndToEnd& out) {
    GeneratorConfig config;
    config.allowedHosts = {QStringLiteral("127.0.0.1")};
    config.maxWorkers = 2;
    ThumbnailService service(config);
    if (const Status failed = service.start(); !failed.ok()) {
        std::printf("  cannot start the service: %s\n", qPrintable(failed.error().toString()));
        return;
    }
    // Asked once its start-up warm-up is done, as an admin's site would be.
    QElapsedTimer warmWait;
    warmWait.start();
    while (!service.state().encodersWarm && warmWait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const long faultsBefore = pageFaults();
    const QByteArray base64 = stream.toEncoded().toBase64().toPercentEncoding();
    const auto url = [&](const QByteArray& fmt) {
        return QUrl::fromEncoded(service.baseUrl().toEncoded() + "objects/getImage.php?base64Url=" + base64 +
                                 "&format=" + fmt);
    };
    QNetworkAccessManager network;
    QEventLoop loop;
    int open = 2;
    QElapsedTimer clock;
    clock.start();
    const auto ask = [&](const QByteArray& fmt, QList<double>& times, int& images) {
        QNetworkRequest request(url(fmt));
        request.setTransferTimeout(5000);
        QNetworkReply* reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            times.append(double(clock.elapsed()));
            if (reply->error() == QNetworkReply::NoError && !reply->readAll().isEmpty())
                ++images;
            reply->deleteLater();
            if (--open == 0)
                loop.quit();
        });
    };
    ask("jpg", out.stillMs, out.stillImages);
    QTimer::singleShot(10, &loop, [&] { ask(format, out.animatedMs, out.animatedImages); });
    QTimer::singleShot(8000, &loop, &QEventLoop::quit);
    loop.exec();
    out.faults.append(double(pageFaults() - faultsBefore));
    ++out.rounds;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Rounds per measurement."),
                      QStringLiteral("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("fps"), QStringLiteral("The test stream's frame rate."),
                      QStringLiteral("fps"), QStringLiteral("25")});
    parser.addOption({QStringLiteral("webp-method"), QStringLiteral("libwebp effort 0-6 (phases only)."),
                      QStringLiteral("m"), QStringLiteral("-1")});
    parser.addOption({QStringLiteral("decode-width"),
                      QStringLiteral("Decode pictures at most this wide, 0 full size (phases only)."),
                      QStringLiteral("w"), QStringLiteral("-1")});
    parser.addOption({QStringLiteral("no-service"), QStringLiteral("Skip the end-to-end rounds.")});
    parser.addOption({QStringLiteral("save"),
                      QStringLiteral("Write one clip of each format into this directory."),
                      QStringLiteral("dir")});
    parser.process(app);
    const int rounds = qMax(1, parser.value(QStringLiteral("rounds")).toInt());
    const int webpMethod = parser.value(QStringLiteral("webp-method")).toInt();
    const int decodeWidth = parser.value(QStringLiteral("decode-width")).toInt();
    const QString saveDir = parser.value(QStringLiteral("save"));

    test::StreamStack stack;
    if (const Status failed = stack.start(); !failed.ok()) {
        std::printf("cannot start nginx: %s\n", qPrintable(failed.error().toString()));
        return 0;
    }
    const test::StreamSpec spec{.key = QStringLiteral("bench"),
                                .size = QSize(1280, 720),
                                .fps = parser.value(QStringLiteral("fps")).toInt()};
    if (const Status failed = stack.publish(spec, 30000, 3); !failed.ok()) {
        std::printf("cannot publish: %s\n", qPrintable(failed.error().toString()));
        return 0;
    }
    const QUrl stream = stack.hlsUrl(spec.key);
    std::printf("stream %s: 1280x720 at %d fps, 2 s segments; %d rounds each; %d cores\n",
                qPrintable(stream.toString()), spec.fps, rounds, QThread::idealThreadCount());

    for (const ThumbnailFormat format : {ThumbnailFormat::Webp, ThumbnailFormat::Gif}) {
        Phases phases;
        for (int i = 0; i < rounds; ++i)
            measureOnce(stream, format, decodeWidth, webpMethod, saveDir, phases);
        std::printf("\n%s, one at a time (%.0f frames, %.0f bytes median):\n",
                    qPrintable(thumbnailFormatName(format)), percentile(phases.frames, 0.5),
                    percentile(phases.bytes, 0.5));
        printRow("fetch + decode 3 s of segments", phases.grab);
        printRow("render to the box", phases.render);
        printRow("encode", phases.encode);
        printRow("total", phases.total);
        printRow("CPU time: fetch + decode", phases.grabCpu);
        printRow("CPU time: encode", phases.encodeCpu);
        printRow("CPU time: all (every thread)", phases.cpu);
    }

    if (!parser.isSet(QStringLiteral("no-service"))) {
        // The two malloc policies of app/main.cpp (memorypolicy.h), round and round about in one run.
        struct Policy {
            const char* name;
            void (*apply)();
        };
        const Policy policies[] = {{"headless (freed memory kept)", &keepFreedMemoryForReuse},
                                   {"window (large buffers returned)", &returnLargeBuffersToTheSystem}};
        for (const QByteArray& format : {QByteArray("webp"), QByteArray("gif")}) {
            // In blocks, each after one unmeasured round: a policy shows in what a process keeps between
            // clips, so alternating round by round would measure each policy on the other's heaps.
            EndToEnd e2e[2];
            for (int p = 0; p < 2; ++p) {
                policies[p].apply();
                EndToEnd unmeasured;
                measureService(stream, format, unmeasured);
                for (int i = 0; i < rounds; ++i)
                    measureService(stream, format, e2e[p]);
            }
            for (int p = 0; p < 2; ++p) {
                std::printf("\nfresh service, %s malloc policy, jpg then %s 10 ms later (budget 1500 ms): "
                            "%d/%d %s images, %d/%d jpg\n",
                            policies[p].name, format.constData(), e2e[p].animatedImages, e2e[p].rounds,
                            format.constData(), e2e[p].stillImages, e2e[p].rounds);
                printRow(qPrintable(QStringLiteral("%1 answered after").arg(QString::fromLatin1(format))),
                         e2e[p].animatedMs);
                printRow("jpg answered after", e2e[p].stillMs);
                std::printf("  page faults for the two answers     median %6.0f\n",
                            percentile(e2e[p].faults, 0.5));
            }
            std::printf(
                "  %s: window policy / headless policy, median time %.2f, median page faults %.0f / %.0f\n",
                format.constData(),
                percentile(e2e[1].animatedMs, 0.5) / qMax(1.0, percentile(e2e[0].animatedMs, 0.5)),
                percentile(e2e[1].faults, 0.5), percentile(e2e[0].faults, 0.5));
        }
    }
    stack.stop();
    return 0;
}
