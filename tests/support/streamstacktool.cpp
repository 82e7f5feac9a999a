// avld-stream-stack: runs the loopback stream stack until SIGINT/SIGTERM, for the demo and for manual tests.
// Prints one line per stream and, with --info FILE, writes the same facts as JSON for scripts.

#include "rununtilstopped.h"
#include "streamstack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs nginx-rtmp with ffmpeg test publishers on loopback."));
    parser.addHelpOption();
    const QCommandLineOption streamsOption(QStringLiteral("streams"),
                                           QStringLiteral("How many streams (1-50)."), QStringLiteral("N"),
                                           QStringLiteral("3"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Picture size WxH."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption infoOption(
        QStringLiteral("info"), QStringLiteral("Write the URLs as JSON to FILE."), QStringLiteral("FILE"));
    parser.addOptions({streamsOption, sizeOption, infoOption});
    parser.process(app);

    bool ok = false;
    const int count = parser.value(streamsOption).toInt(&ok);
    const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
    if (!ok || count < 1 || count > 50 || wh.size() != 2) {
        std::fputs("avld-stream-stack: --streams must be 1-50 and --size WxH\n", stderr);
        return 64;
    }

    avld::test::installStopSignals();

    avld::test::StreamStack stack;
    if (const avld::Status failed = stack.start(); !failed.ok()) {
        std::fprintf(stderr, "avld-stream-stack: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }
    QJsonArray streams;
    for (int i = 1; i <= count; ++i) {
        avld::test::StreamSpec spec;
        spec.key = QStringLiteral("demo-%1").arg(i);
        spec.size = QSize(wh[0].toInt(), wh[1].toInt());
        if (const avld::Status failed = stack.publish(spec); !failed.ok()) {
            std::fprintf(stderr, "avld-stream-stack: %s\n", qPrintable(failed.error().toString()));
            return 1;
        }
        std::printf("stream %s  rtmp %s  hls %s\n", qPrintable(spec.key),
                    qPrintable(stack.rtmpUrl(spec.key).toString()),
                    qPrintable(stack.hlsUrl(spec.key).toString()));
        streams.append(QJsonObject{{QStringLiteral("key"), spec.key},
                                   {QStringLiteral("rtmp"), stack.rtmpUrl(spec.key).toString()},
                                   {QStringLiteral("hls"), stack.hlsUrl(spec.key).toString()},
                                   {QStringLiteral("pid"), stack.publisherPid(spec.key)}});
    }
    std::printf("stat %s\nready (pid %lld); stop with Ctrl+C or SIGTERM\n",
                qPrintable(stack.statUrl().toString()),
                static_cast<long long>(QCoreApplication::applicationPid()));
    std::fflush(stdout);

    if (parser.isSet(infoOption)) {
        QFile info(parser.value(infoOption));
        const QJsonObject doc{{QStringLiteral("stat"), stack.statUrl().toString()},
                              {QStringLiteral("directory"), stack.directory()},
                              {QStringLiteral("nginxPid"), stack.nginxPid()},
                              {QStringLiteral("streams"), streams}};
        if (!info.open(QIODevice::WriteOnly) || info.write(QJsonDocument(doc).toJson()) < 0) {
            std::fprintf(stderr, "avld-stream-stack: cannot write %s\n", qPrintable(info.fileName()));
            return 1;
        }
    }

    return avld::test::runUntilStopped(app, stack, "avld-stream-stack");
}
