#include "checkcommand.h"

#include "checktable.h"
#include "clisignin.h"
#include "commandline.h"
#include "keychainsecretstore.h"
#include "session/sitesession.h"
#include "siteoptions.h"
#include "terminaltext.h"
#include "version.h"

#include <QEventLoop>
#include <QJsonDocument>

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
        std::fprintf(stderr, "check: %s\n", safePrintable(profile.error().toString()));
        return kUnknown;
    }

    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    SiteSession session(*profile, secrets);
    SiteCheckOptions options = session.checkOptions();
    options.grabStreams = !parser.isSet(noGrab);
    session.setCheckOptions(options);
    QEventLoop loop;
    int exitCode = kUnknown;
    bool finished = false;
    QObject::connect(&session, &SiteSession::reportReady, &loop, [&](const SiteCheckReport& report) {
        exitCode = int(report.overall());
        if (parser.isSet(json)) {
            std::fputs(QJsonDocument(report.toJson()).toJson().constData(), stdout);
        } else {
            std::fputs(safePrintable(CheckTable::header(report, profile->siteUrl)), stdout);
            std::fputs(safePrintable(CheckTable::rows(report)), stdout);
            std::printf("  media server: %s\n", safePrintable(report.media.describe()));
            std::fputs(safePrintable(CheckTable::findings(report)), stdout);
        }
        finished = true;
        loop.quit();
    });

    if (!site.user(parser).isEmpty()) {
        // Signed in as an admin, the session has read where the Live plugin says the streams and the stat
        // page are before the check runs.
        signInForCommand(session, site.user(parser), QStringLiteral("check"), [&](Result<LoginInfo> login) {
            if (!login) {
                std::fprintf(stderr, "check: login failed: %s\n", safePrintable(login.error().toString()));
                exitCode = kUnknown;
                finished = true;
                loop.quit();
                return;
            }
            if (!parser.isSet(json))
                std::printf("logged in as %s%s%s\n", safePrintable(login->user),
                            login->isAdmin ? " (admin)" : "", login->canStream ? ", can stream" : "");
            session.refresh();
        });
    } else {
        session.refresh();
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
