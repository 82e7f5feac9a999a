#include "checkcommand.h"

#include "clisignin.h"
#include "commandline.h"
#include "keychainsecretstore.h"
#include "media/framegrabber.h"
#include "site/sitecheck.h"
#include "siteoptions.h"
#include "version.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <cstdio>

namespace avld {

namespace {

constexpr int kUnknown = 3; // Nagios: the check itself could not run

int runCheck(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks every live of an AVideo site: what visitors see (the site's thumbnail, classified) against "
        "a\n"
        "fresh frame of the stream, the media server's view, and what is wrong. Exit codes follow Nagios:\n"
        "0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."));
    parser.addHelpOption();
    SiteOptions site;
    site.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption noGrab(QStringLiteral("no-grab"),
                                    QStringLiteral("Do not grab the streams ourselves."));
    parser.addOptions({json, noGrab});
    if (const std::optional<int> stop =
            parseCommandArguments(parser, arguments, QStringLiteral("check"), kUnknown))
        return *stop;
    const Result<SiteProfile> profile = site.profile(parser);
    if (!profile) {
        std::fprintf(stderr, "check: %s\n", qPrintable(profile.error().toString()));
        return kUnknown;
    }

    QNetworkAccessManager network;
    SiteClient client(network, *profile);
    FrameGrabber grabber(network);
    QEventLoop loop;
    int exitCode = kUnknown;
    bool finished = false;

    auto runTheCheck = [&] {
        SiteCheckOptions options;
        options.grabStreams = !parser.isSet(noGrab);
        auto* check = new SiteCheck(client, grabber, options, &client);
        check->run([&](SiteCheckReport report) {
            const Severity overall = report.overall();
            exitCode = int(overall);
            if (parser.isSet(json)) {
                std::fputs(QJsonDocument(report.toJson()).toJson().constData(), stdout);
            } else {
                std::printf("%s - %s: %lld live(s), %d with real thumbnails, %d with ONLINE cards, checked "
                            "in %lld ms\n",
                            qPrintable(severityName(overall)), qPrintable(profile->siteUrl.toString()),
                            static_cast<long long>(report.lives.size()),
                            report.count(ThumbnailClass::RealFrame), report.count(ThumbnailClass::OnlineCard),
                            static_cast<long long>(report.elapsedMs));
                for (const LiveEntry& e : report.lives) {
                    std::printf(
                        "  %-24s site: %-22s stream: %s\n", qPrintable(e.title().left(24)),
                        qPrintable(e.siteThumbnail ? thumbnailClassName(e.siteThumbnail->cls)
                                                   : QStringLiteral("-")),
                        qPrintable(!e.ourGrab ? QStringLiteral("-")
                                   : e.ourGrab->ok()
                                       ? QStringLiteral("real frame, %1 s behind live")
                                             .arg(e.ourGrab->value().report.frameAgeMs / 1000.0, 0, 'f', 1)
                                       : e.ourGrab->error().code));
                }
                for (const QString& line : report.findings())
                    std::printf("%s\n", qPrintable(line));
            }
            finished = true;
            loop.quit();
        });
    };

    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    if (!site.user(parser).isEmpty()) {
        signInForCommand(
            client, secrets, site.user(parser), QStringLiteral("check"), [&](Result<LoginInfo> login) {
                if (!login) {
                    std::fprintf(stderr, "check: login failed: %s\n", qPrintable(login.error().toString()));
                    exitCode = kUnknown;
                    finished = true;
                    loop.quit();
                    return;
                }
                if (!parser.isSet(json))
                    std::printf("logged in as %s%s%s\n", qPrintable(login->user),
                                login->isAdmin ? " (admin)" : "", login->canStream ? ", can stream" : "");
                runTheCheck();
            });
    } else {
        runTheCheck();
    }
    if (!finished)
        loop.exec();
    return exitCode;
}

} // namespace

HeadlessCommand checkCommand() {
    return {QStringLiteral("check"),
            QStringLiteral("Check a site's lives and thumbnails (Nagios exit codes)."), runCheck};
}

} // namespace avld
