#include "clearcachecommand.h"

#include "commandline.h"
#include "media/framegrabber.h"
#include "site/cacheclearjob.h"
#include "siteoptions.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

#include <cstdio>

namespace avld {

namespace {

constexpr int kFailed = 1;

int runClearCache(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Clears an AVideo site's caches (objects/configurationClearCache.json.php), reports exactly what "
        "the\n"
        "site says it cleared, and compares the lives' thumbnails before and after. Needs an admin account,\n"
        "or one whose group has the Clear Cache permission."));
    parser.addHelpOption();
    SiteOptions site;
    site.addTo(parser);
    const QCommandLineOption firstPage(QStringLiteral("first-page"),
                                       QStringLiteral("Clear only the first-page cache."));
    const QCommandLineOption session(QStringLiteral("session"),
                                     QStringLiteral("Clear only your session cache."));
    parser.addOptions({firstPage, session});
    if (const std::optional<int> stop =
            parseCommandArguments(parser, arguments, QStringLiteral("clear-cache")))
        return *stop;
    if (parser.isSet(firstPage) && parser.isSet(session)) {
        std::fputs("clear-cache: choose one of --first-page and --session\n", stderr);
        return ExitCode::Usage;
    }
    const Result<SiteProfile> profile = site.profile(parser);
    if (!profile || site.user(parser).isEmpty()) {
        std::fprintf(stderr, "clear-cache: %s\n",
                     profile ? "--user is required: clearing a site's cache needs a login"
                             : qPrintable(profile.error().toString()));
        return ExitCode::Usage;
    }
    const Result<QString> password = SiteOptions::readPassword(site.user(parser));
    if (!password) {
        std::fprintf(stderr, "clear-cache: %s\n", qPrintable(password.error().toString()));
        return ExitCode::Usage;
    }
    const CacheClearMode mode = parser.isSet(firstPage) ? CacheClearMode::FirstPage
                                : parser.isSet(session) ? CacheClearMode::SessionOnly
                                                        : CacheClearMode::Full;

    QNetworkAccessManager network;
    SiteClient client(network, *profile);
    FrameGrabber grabber(network);
    CacheClearJob job(client, grabber);
    QEventLoop loop;
    int exitCode = kFailed;
    bool finished = false;
    client.login(site.user(parser), *password, [&](Result<LoginInfo> login) {
        if (!login) {
            std::fprintf(stderr, "clear-cache: login failed: %s\n", qPrintable(login.error().toString()));
            finished = true;
            return loop.quit();
        }
        job.run(mode, [&](CacheClearOutcome outcome) {
            finished = true;
            loop.quit();
            if (!outcome.clear) {
                std::fprintf(stderr, "clear-cache: %s\n", qPrintable(outcome.clear.error().toString()));
                return;
            }
            std::printf("%s\n", qPrintable(outcome.clear->describe()));
            for (const ThumbnailChange& c : outcome.changed)
                std::printf("  changed: %s: %s -> %s\n", qPrintable(c.title),
                            qPrintable(thumbnailClassName(c.before)),
                            qPrintable(thumbnailClassName(c.after)));
            std::printf("%lld thumbnail(s) changed, %d unchanged\n",
                        static_cast<long long>(outcome.changed.size()), outcome.unchanged);
            exitCode = ExitCode::Ok;
        });
    });
    if (!finished)
        loop.exec();
    return exitCode;
}

} // namespace

HeadlessCommand clearCacheCommand() {
    return {QStringLiteral("clear-cache"), QStringLiteral("Clear a site's caches and check that it worked."),
            runClearCache};
}

} // namespace avld
