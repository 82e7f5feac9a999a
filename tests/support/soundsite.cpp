#include "soundsite.h"

namespace avld::test {

Status SoundSite::start(QSize size, const Clock* clock, const QString& referenceImagesDir) {
    if (const Status failed = stack.start(); !failed.ok())
        return failed;
    const QList<StreamSpec> specs{
        {.key = loudKey, .size = size},
        {.key = silentKey, .size = size, .soundStopsAfterSeconds = 0},
        {.key = muteKey, .size = size, .audio = false},
    };
    for (const StreamSpec& spec : specs)
        if (const Status failed = stack.publish(spec, 20000, 2); !failed.ok())
            return failed;
    encoder = std::make_unique<FakeEncoder>(FakeEncoder::Options{.referenceImagesDir = referenceImagesDir});
    if (!encoder->listen())
        return Error{QStringLiteral("listen"), QStringLiteral("the fake encoder cannot listen"), {}};
    SiteSimulator::Options options;
    options.statUrl = stack.statUrl();
    options.playerServer = playerServer();
    options.encoderUrl = encoder->url().toString();
    options.clock = clock;
    options.referenceImagesDir = referenceImagesDir;
    site = std::make_unique<SiteSimulator>(options);
    if (!site->listen())
        return Error{QStringLiteral("listen"), QStringLiteral("the site simulator cannot listen"), {}};
    site->addLive({.key = loudKey, .user = QStringLiteral("lou"), .title = QStringLiteral("Loud live")});
    site->addLive({.key = silentKey, .user = QStringLiteral("sil"), .title = QStringLiteral("Silent live")});
    site->addLive({.key = muteKey, .user = QStringLiteral("max"), .title = QStringLiteral("Mute live")});
    return {};
}

QUrl SoundSite::playerServer() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(stack.httpPort()));
}

} // namespace avld::test
