#include "clearcachecommand.h"

#include "clisignin.h"
#include "commandline.h"
#include "generator/standinurl.h"
#include "keychainsecretstore.h"
#include "session/sitesession.h"
#include "siteoptions.h"
#include "terminaltext.h"
#include "version.h"

#include <QEventLoop>

#include <algorithm>
#include <cstdio>

namespace avld {

namespace {

constexpr int kFailed = 1;

void printRenewals(const QList<LiveRenewal>& renewals) {
    for (const LiveRenewal& r : renewals) {
        const EncoderRenewal& e = r.renewal;
        if (!e.first) {
            std::printf("  renew: %s: %s\n", safePrintable(r.title),
                        safePrintable(e.first.error().toString()));
            continue;
        }
        std::printf("  renew: %s: encoder answered %s (%lld bytes); now %s%s\n", safePrintable(r.title),
                    safePrintable(e.first->frameClass), static_cast<long long>(e.first->bytes),
                    e.last ? safePrintable(e.last->frameClass) : safePrintable(e.last.error().code),
                    e.refreshed ? ", regenerated" : ", not regenerated in time");
    }
}

// The lives whose renew did not give a fresh image from the encoder.
int failedRenewals(const QList<LiveRenewal>& renewals) {
    return int(std::count_if(renewals.begin(), renewals.end(),
                             [](const LiveRenewal& r) { return !r.renewal.first || !r.renewal.refreshed; }));
}

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
    const QCommandLineOption sessionOnly(QStringLiteral("session"),
                                         QStringLiteral("Clear only your session cache."));
    const QCommandLineOption renew(
        QStringLiteral("renew"),
        QStringLiteral("First ask the site's encoder to regenerate every live's image (renew=1) and wait for "
                       "the new ones."));
    const QCommandLineOption encoder(QStringLiteral("encoder"),
                                     QStringLiteral("The encoder to ask with --renew (default: the site's "
                                                    "configured encoder URL, readable by an admin)."),
                                     QStringLiteral("url"));
    parser.addOptions({firstPage, sessionOnly, renew, encoder});
    if (const std::optional<int> stop =
            parseCommandArguments(parser, arguments, QStringLiteral("clear-cache")))
        return *stop;
    if (parser.isSet(firstPage) && parser.isSet(sessionOnly)) {
        std::fputs("clear-cache: choose one of --first-page and --session\n", stderr);
        return ExitCode::Usage;
    }
    const Result<SiteProfile> profile = site.profile(parser);
    if (!profile || site.user(parser).isEmpty()) {
        std::fprintf(stderr, "clear-cache: %s\n",
                     profile ? "--user is required: clearing a site's cache needs a login"
                             : safePrintable(profile.error().toString()));
        return ExitCode::Usage;
    }
    const CacheClearMode mode = parser.isSet(firstPage)     ? CacheClearMode::FirstPage
                                : parser.isSet(sessionOnly) ? CacheClearMode::SessionOnly
                                                            : CacheClearMode::Full;

    QUrl encoderUrl;
    if (parser.isSet(encoder)) {
        encoderUrl = QUrl(parser.value(encoder));
        if (!encoderUrl.isValid() || (encoderUrl.scheme() != QStringLiteral("http") &&
                                      encoderUrl.scheme() != QStringLiteral("https"))) {
            std::fputs("clear-cache: --encoder must be an http(s) URL\n", stderr);
            return ExitCode::Usage;
        }
    }

    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    SiteSession session(*profile, secrets);
    session.setCheckAfterClear(false); // the clear compares the thumbnails itself
    QEventLoop loop;
    int exitCode = kFailed;
    bool finished = false;
    bool renewSkipped = false; // --renew was asked, but the encoder to ask is unknown
    std::optional<Error> encoderProblem;
    QObject::connect(&session, &SiteSession::encoderUrlProblem, &loop,
                     [&](const Error& error) { encoderProblem = error; });
    QObject::connect(&session, &SiteSession::cacheCleared, &loop, [&](const CacheClearOutcome& outcome) {
        finished = true;
        loop.quit();
        printRenewals(outcome.renewals);
        if (!outcome.clear) {
            std::fprintf(stderr, "clear-cache: %s\n", safePrintable(outcome.clear.error().toString()));
            return;
        }
        std::printf("%s\n", safePrintable(outcome.clear->describe()));
        for (const ThumbnailChange& c : outcome.changed)
            std::printf("  changed: %s: %s -> %s\n", safePrintable(c.title),
                        safePrintable(thumbnailClassName(c.before)),
                        safePrintable(thumbnailClassName(c.after)));
        std::printf("%lld thumbnail(s) changed, %d unchanged\n",
                    static_cast<long long>(outcome.changed.size()), outcome.unchanged);
        exitCode = ExitCode::Ok;
        // The clear alone re-caches whatever the encoder serves now: a renew that failed is a failed
        // command, even though the site cleared its cache.
        if (const int failed = failedRenewals(outcome.renewals)) {
            std::fprintf(stderr,
                         "clear-cache: the renew failed for %d of %lld %s: the site cleared its cache, but "
                         "the encoder did not give fresh images, so AVideo may cache old ones or its card "
                         "again\n",
                         failed, static_cast<long long>(outcome.renewals.size()),
                         outcome.renewals.size() == 1 ? "live" : "lives");
            exitCode = kFailed;
        } else if (renewSkipped) {
            exitCode = kFailed;
        }
    });

    // Signed in as an admin, the session has read the site's Encoder URL and where the Live plugin says the
    // streams are (the encoder is asked for each live's stream where the site says it is).
    signInForCommand(session, site.user(parser), QStringLiteral("clear-cache"), [&](Result<LoginInfo> login) {
        if (!login) {
            std::fprintf(stderr, "clear-cache: login failed: %s\n", safePrintable(login.error().toString()));
            finished = true;
            return loop.quit();
        }
        if (parser.isSet(renew)) {
            const QUrl configured = session.encoderUrl();
            if (encoderUrl.isValid()) {
                // AVideo only ever asks its configured encoder: renewing another one changes nothing
                // visitors see.
                if (!configured.isEmpty() && !StandinUrl::sameEncoderUrl(configured, encoderUrl))
                    std::fprintf(
                        stderr,
                        "clear-cache: warning: the site's encoder is %s, not --encoder %s: AVideo "
                        "keeps asking %s for its thumbnails, so renewing %s changes nothing visitors "
                        "see unless you switch the site's Encoder URL to it\n",
                        safePrintable(StandinUrl::redacted(configured)),
                        safePrintable(StandinUrl::redacted(encoderUrl)),
                        safePrintable(StandinUrl::redacted(configured)),
                        safePrintable(StandinUrl::redacted(encoderUrl)));
                session.setEncoderUrl(encoderUrl);
            } else if (configured.isEmpty()) {
                renewSkipped = true;
                std::fprintf(
                    stderr,
                    "clear-cache: cannot renew on the encoder: %s\n"
                    "clear-cache: pass the encoder with --encoder URL; clearing without renew (the "
                    "command will exit 1)\n",
                    safePrintable((encoderProblem ? *encoderProblem : encoderUrlUnknown()).toString()));
            } else {
                std::printf("encoder: %s\n", safePrintable(StandinUrl::redacted(configured)));
            }
        }
        session.clearCaches(mode, parser.isSet(renew) && !renewSkipped);
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
