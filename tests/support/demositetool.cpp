// avld-demo-site: a whole AVideo live setup on loopback until SIGINT/SIGTERM, for the demo (scripts/run.sh)
// and for trying the Live Doctor by hand: nginx-rtmp with three ffmpeg publishers, a fake encoder (down by
// default: the seed scenario, where the gallery shows ONLINE cards) and the AVideo site simulator using
// both. Prints the site URL, the logins and the stream URLs; with --info FILE writes the same as JSON.

#include "fakeencoder.h"
#include "rununtilstopped.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

struct DemoLive {
    const char* key;
    const char* user;
    const char* title;
};
constexpr DemoLive kLives[] = {
    {"demo-1", "alice", "Alice's morning show"},
    {"demo-2", "bob", "Bob live from the workshop"},
    {"demo-3", "carol", "Carol's city cam"},
};

QString defaultReferenceImages() {
#ifdef AVLD_REFERENCE_IMAGES
    return QStringLiteral(AVLD_REFERENCE_IMAGES);
#else
    return {};
#endif
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a simulated AVideo site with the Live plugin, a fake encoder and nginx-rtmp with three test "
        "publishers on loopback."));
    parser.addHelpOption();
    const QCommandLineOption infoOption(QStringLiteral("info"),
                                        QStringLiteral("Write the URLs and logins as JSON to FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption modeOption(
        QStringLiteral("encoder-mode"),
        QStringLiteral("The fake encoder: working, placeholder, slow, blackhole or down."),
        QStringLiteral("MODE"), QStringLiteral("down"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("The site's port (0: any free one)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption imagesOption(
        QStringLiteral("reference-images"),
        QStringLiteral(
            "The shared reference-images folder (AVideo's real cards); drawn stand-ins without it."),
        QStringLiteral("DIR"), defaultReferenceImages());
    parser.addOptions({infoOption, modeOption, portOption, imagesOption});
    parser.process(app);

    const std::optional<avld::test::FakeEncoder::Mode> mode =
        avld::test::FakeEncoder::modeFromName(parser.value(modeOption));
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!mode || !portOk || port > 65535) {
        std::fputs("avld-demo-site: --encoder-mode must be working, placeholder, slow, blackhole or down, "
                   "and --port "
                   "0-65535\n",
                   stderr);
        return 64;
    }
    const QString referenceImages =
        QDir(parser.value(imagesOption)).exists() ? QDir::cleanPath(parser.value(imagesOption)) : QString();

    avld::test::installStopSignals();

    avld::test::StreamStack stack;
    if (const avld::Status failed = stack.start(); !failed.ok()) {
        std::fprintf(stderr, "avld-demo-site: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }

    avld::test::FakeEncoder::Options encoderOptions;
    encoderOptions.mode = *mode;
    encoderOptions.referenceImagesDir = referenceImages;
    avld::test::FakeEncoder encoder(encoderOptions);
    if (!encoder.listen()) {
        std::fputs("avld-demo-site: the fake encoder cannot listen on loopback\n", stderr);
        return 1;
    }

    avld::test::SiteSimulator::Options siteOptions;
    siteOptions.statUrl = stack.statUrl();
    siteOptions.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(stack.httpPort()));
    siteOptions.rtmpServer = QStringLiteral("rtmp://127.0.0.1:%1/live").arg(stack.rtmpPort());
    siteOptions.encoderUrl = encoder.url().toString();
    siteOptions.referenceImagesDir = referenceImages;
    siteOptions.webSiteTitle = QStringLiteral("AVideo Live Doctor demo site");
    avld::test::SiteSimulator site(siteOptions);
    if (!site.listen(quint16(port))) {
        std::fprintf(stderr, "avld-demo-site: the site cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }

    QJsonArray streams;
    for (const DemoLive& live : kLives) {
        const QString key = QString::fromLatin1(live.key);
        site.addLive(
            {.key = key, .user = QString::fromLatin1(live.user), .title = QString::fromUtf8(live.title)});
        if (const avld::Status failed = stack.publish({.key = key}); !failed.ok()) {
            std::fprintf(stderr, "avld-demo-site: %s\n", qPrintable(failed.error().toString()));
            return 1;
        }
        std::printf("stream   %s  %-6s %-28s rtmp %s  hls %s\n", live.key, live.user,
                    qPrintable(QStringLiteral("\"%1\"").arg(QString::fromUtf8(live.title))),
                    qPrintable(stack.rtmpUrl(key).toString()), qPrintable(stack.hlsUrl(key).toString()));
        streams.append(QJsonObject{{QStringLiteral("key"), key},
                                   {QStringLiteral("user"), QString::fromLatin1(live.user)},
                                   {QStringLiteral("title"), QString::fromUtf8(live.title)},
                                   {QStringLiteral("rtmp"), stack.rtmpUrl(key).toString()},
                                   {QStringLiteral("hls"), stack.hlsUrl(key).toString()},
                                   {QStringLiteral("pid"), stack.publisherPid(key)}});
    }

    QJsonArray logins;
    for (const avld::test::SimulatedUser& user : site.accounts().users()) {
        const QString role = user.isAdmin                          ? QStringLiteral("admin")
                             : site.accounts().canClearCache(user) ? QStringLiteral("may clear caches")
                             : user.canStream                      ? QStringLiteral("streamer")
                                                                   : QStringLiteral("viewer");
        std::printf("login    %-12s %-14s %s\n", qPrintable(user.user), qPrintable(user.password),
                    qPrintable(role));
        logins.append(QJsonObject{{QStringLiteral("user"), user.user},
                                  {QStringLiteral("password"), user.password},
                                  {QStringLiteral("role"), role}});
    }
    std::printf("stat     %s\n", qPrintable(stack.statUrl().toString()));
    std::printf("encoder  %s (%s)\n", qPrintable(encoder.url().toString()),
                qPrintable(avld::test::FakeEncoder::modeName(*mode)));
    std::printf("cards    %s\n", referenceImages.isEmpty()
                                     ? "drawn stand-ins (no reference-images folder)"
                                     : qPrintable(QStringLiteral("from ") + referenceImages));
    std::printf("site     %s\n", qPrintable(site.siteUrl().toString()));
    std::printf("ready (pid %lld); stop with Ctrl+C or SIGTERM\n",
                static_cast<long long>(QCoreApplication::applicationPid()));
    std::fflush(stdout);

    if (parser.isSet(infoOption)) {
        QFile info(parser.value(infoOption));
        const QJsonObject doc{
            {QStringLiteral("site"), site.siteUrl().toString()},
            {QStringLiteral("logins"), logins},
            {QStringLiteral("encoder"),
             QJsonObject{{QStringLiteral("url"), encoder.url().toString()},
                         {QStringLiteral("mode"), avld::test::FakeEncoder::modeName(*mode)}}},
            {QStringLiteral("referenceImages"), referenceImages},
            // The stream stack's facts, as avld-stream-stack --info writes them.
            {QStringLiteral("stat"), stack.statUrl().toString()},
            {QStringLiteral("directory"), stack.directory()},
            {QStringLiteral("nginxPid"), stack.nginxPid()},
            {QStringLiteral("streams"), streams},
        };
        if (!info.open(QIODevice::WriteOnly) || info.write(QJsonDocument(doc).toJson()) < 0) {
            std::fprintf(stderr, "avld-demo-site: cannot write %s\n", qPrintable(info.fileName()));
            return 1;
        }
    }

    return avld::test::runUntilStopped(app, stack, "avld-demo-site");
}
