#include "verifystandincommand.h"

#include "clisignin.h"
#include "commandline.h"
#include "generator/standinurl.h"
#include "generator/standinverification.h"
#include "keptstandin.h"
#include "keychainsecretstore.h"
#include "session/sitesession.h"
#include "siteoptions.h"
#include "terminaltext.h"
#include "version.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

#include <cstdio>

namespace avld {

namespace {

constexpr int kCouldNotCheck = 3;
constexpr int kPresenceTimeoutMs = 5000;

const char* checkMark(StandinCheckOutcome::State state) {
    switch (state) {
    case StandinCheckOutcome::State::Passed:
        return "ok  ";
    case StandinCheckOutcome::State::Failed:
        return "FAIL";
    case StandinCheckOutcome::State::Unknown:
        break;
    }
    return "?   ";
}

QString verdictName(StandinVerificationReport::Verdict verdict) {
    switch (verdict) {
    case StandinVerificationReport::Verdict::All:
        return QStringLiteral("OK");
    case StandinVerificationReport::Verdict::Some:
        return QStringLiteral("WARNING");
    case StandinVerificationReport::Verdict::None:
        return QStringLiteral("CRITICAL");
    case StandinVerificationReport::Verdict::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

void printReport(const StandinVerificationReport& report) {
    std::printf("%s - %s: %s, checked in %lld ms\n", safePrintable(verdictName(report.verdict())),
                safePrintable(report.siteUrl.toString()), safePrintable(report.summary()),
                static_cast<long long>(report.elapsedMs));
    if (!report.error)
        for (const StandinCheckOutcome& check : report.checks())
            std::printf("  [%s] %s\n", checkMark(check.state), safePrintable(check.text));
    for (const LiveStandinCheck& c : report.lives)
        std::printf("  %-24s %-11s %s\n", safePrintable(c.title.left(24)),
                    safePrintable(standinServingName(c.serving)), safePrintable(c.detail));
    for (const QString& line : report.advice())
        std::printf("%s\n", safePrintable(line));
}

// The stand-in kept for `site` on this machine, when one has been started for it (an identity made just now
// has never served, so it is not one to verify): its Encoder URL as `standin-url` gives it, the one this
// machine reaches (loopback, listed last) so that its counters can be read here.
std::optional<QUrl> keptStandinUrl(const QUrl& site) {
    const Result<StandinIdentity> identity = keptStandinIdentity(site, false);
    if (!identity || identity->madeNow || identity->listen.isEmpty())
        return std::nullopt;
    const Result<ListenAddress> listen = StandinUrl::parseListen(identity->listen);
    if (!listen)
        return std::nullopt;
    const Result<QList<EncoderUrlChoice>> urls = StandinUrl::encoderUrls(
        {.listen = *listen, .prefix = identity->prefix, .tls = false, .publicHost = {}},
        StandinUrl::machineAddresses());
    if (!urls || urls->isEmpty())
        return std::nullopt;
    return urls->last().url;
}

Result<QUrl> standinArgument(const QString& text) {
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")) ||
        url.host().isEmpty())
        return Error{
            QStringLiteral("usage"), QStringLiteral("--standin must be the stand-in's http(s) URL"), {}};
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

int runVerifyStandin(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Asks the site's plugin/Live/getImage.php for every live, as a visitor's browser does, and tells "
        "whether\n"
        "the picture was made by the stand-in. With --standin it also asks the stand-in which run it is and\n"
        "whether the site's requests reach it, so a picture AVideo cached from an earlier run does not "
        "count;\n"
        "with an admin --user it compares the site's Encoder URL with the stand-in's.\n"
        "Exit codes: 0 every live serves this run's frames, 1 some, 2 none, 3 it could not check."));
    parser.addHelpOption();
    SiteOptions site;
    site.addTo(parser);
    const QCommandLineOption standin(
        QStringLiteral("standin"),
        QStringLiteral("The stand-in's Encoder URL; with an admin --user it is compared with the site's."),
        QStringLiteral("url"));
    parser.addOption(standin);
    const QString command = QStringLiteral("verify-standin");
    if (const std::optional<int> stop = parseCommandArguments(parser, arguments, command, kCouldNotCheck))
        return *stop;
    const Result<SiteProfile> profile = site.profile(parser);
    if (!profile) {
        std::fprintf(stderr, "%s: %s\n", safePrintable(command), safePrintable(profile.error().toString()));
        return kCouldNotCheck;
    }
    StandinVerificationOptions options;
    if (parser.isSet(standin)) {
        const Result<QUrl> url = standinArgument(parser.value(standin));
        if (!url) {
            std::fprintf(stderr, "%s: %s\n", safePrintable(command), safePrintable(url.error().message));
            return kCouldNotCheck;
        }
        options.expectedEncoderUrl = *url;
    } else if (const std::optional<QUrl> kept = keptStandinUrl(profile->siteUrl)) {
        // The stand-in `serve --site` (or the window) keeps for this site: the one to verify by default.
        options.expectedEncoderUrl = *kept;
        std::fprintf(stderr, "%s: the stand-in kept for this site: %s (give --standin URL for another)\n",
                     safePrintable(command), safePrintable(StandinUrl::redacted(*kept)));
    }

    QNetworkAccessManager network;
    if (options.expectedEncoderUrl.isValid()) // which run it is and whether the site's requests reach it
        options.readPresence =
            [&network, url = options.expectedEncoderUrl](std::function<void(Result<StandinPresence>)> done) {
                fetchStandinPresence(network, url, kPresenceTimeoutMs, std::move(done));
            };
    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    SiteSession session(*profile, secrets);
    SiteClient& client = session.client();
    QEventLoop loop;
    int exitCode = kCouldNotCheck;
    bool finished = false;
    auto verify = [&] {
        auto* verification = new StandinVerification(client, options, Clock::system(), &client);
        verification->run([&](StandinVerificationReport report) {
            printReport(report);
            exitCode = report.exitCode();
            finished = true;
            loop.quit();
        });
    };

    if (site.user(parser).isEmpty()) {
        verify();
    } else {
        signInForCommand(session, site.user(parser), command, [&](Result<LoginInfo> login) {
            if (!login) {
                std::fprintf(stderr, "%s: login failed: %s\n", safePrintable(command),
                             safePrintable(login.error().toString()));
                finished = true;
                loop.quit();
                return;
            }
            options.readConfiguredEncoderUrl = true;
            verify();
        });
    }
    if (!finished)
        loop.exec();
    return exitCode;
}

} // namespace

HeadlessCommand verifyStandinCommand() {
    return {
        QStringLiteral("verify-standin"),
        QStringLiteral("Check that the site now serves the stand-in's frames (exit 0 all, 1 some, 2 none)."),
        runVerifyStandin};
}

} // namespace avld
