#include "standinurlcommand.h"

#include "commandline.h"
#include "generator/standinurl.h"
#include "keptstandin.h"
#include "prefixoption.h"
#include "site/siteclient.h"
#include "terminaltext.h"

#include <QNetworkAccessManager>

#include <cstdio>
#include <optional>

namespace avld {

namespace {

constexpr int kShortPrefix = 16;
constexpr int kFailed = 1;

int runStandinUrl(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the Encoder URL(s) to set in AVideo's Site Configurations so that the site asks the "
        "stand-in\n"
        "service (avideo-live-doctor serve) for its live thumbnails, and the steps to set it."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Where the service listens: ADDR:PORT, e.g. 0.0.0.0:8090, "
                                                   "[::]:8090, :8090 (every address)."),
                                    QStringLiteral("addr:port"));
    const PrefixOptions prefix(QStringLiteral("The service's secret path prefix (default with --site: the "
                                              "one kept for that site)."));
    const QCommandLineOption tls(QStringLiteral("tls"), QStringLiteral("The service speaks HTTPS."));
    const QCommandLineOption publicHost(
        QStringLiteral("public-host"),
        QStringLiteral("The name or address AVideo reaches the service by (and :port), instead of this "
                       "machine's addresses."),
        QStringLiteral("host"));
    const QCommandLineOption site(
        QStringLiteral("site"),
        QStringLiteral("The AVideo site: names its pages in the steps, and gives the "
                       "address and secret kept for its stand-in (serve --site)."),
        QStringLiteral("url"));
    parser.addOption(listen);
    prefix.addTo(parser);
    parser.addOptions({tls, publicHost, site});
    const QString command = QStringLiteral("standin-url");
    if (const std::optional<int> stop = parseCommandArguments(parser, arguments, command))
        return *stop;
    auto usage = [&](const QString& message) {
        std::fprintf(stderr, "%s: %s\nRun '%s %s --help' for the options.\n", safePrintable(command),
                     safePrintable(message), safePrintable(programName()), safePrintable(command));
        return ExitCode::Usage;
    };
    SiteProfile profile;
    profile.siteUrl = QUrl(QStringLiteral("https://your-avideo-site/"));
    if (parser.isSet(site)) {
        const Result<QUrl> url = SiteProfile::normalizedSiteUrl(parser.value(site));
        if (!url)
            return usage(url.error().message);
        profile.siteUrl = *url;
    }
    QString prefixWarning;
    const Result<std::optional<QString>> givenPrefix = prefix.secret(parser, &prefixWarning);
    if (!givenPrefix) {
        if (givenPrefix.error().code == QStringLiteral("usage"))
            return usage(givenPrefix.error().message);
        std::fprintf(stderr, "%s: %s\n", safePrintable(command),
                     safePrintable(givenPrefix.error().toString()));
        return kFailed;
    }
    if (!prefixWarning.isEmpty())
        std::fprintf(stderr, "%s: warning: %s\n", safePrintable(command), safePrintable(prefixWarning));
    // With --site: the address and secret `serve --site` keeps for that site (made now if it has none).
    std::optional<StandinIdentity> kept;
    if (parser.isSet(site) && !givenPrefix->has_value()) {
        Result<StandinIdentity> identity = keptStandinIdentity(profile.siteUrl, false);
        if (!identity) {
            std::fprintf(stderr, "%s: %s\n", safePrintable(command),
                         safePrintable(identity.error().toString()));
            return kFailed;
        }
        kept = *identity;
        describeKeptStandin(command, profile.siteUrl, *kept);
    }
    QString listenText = parser.value(listen);
    if (!parser.isSet(listen) && kept && !kept->listen.isEmpty())
        listenText = kept->listen;
    if (listenText.isEmpty())
        return usage(kept ? QStringLiteral("--listen ADDR:PORT is required: no stand-in has been started for "
                                           "this site yet (`serve --site` keeps where it listens)")
                          : QStringLiteral("--listen ADDR:PORT is required"));
    const Result<ListenAddress> address = StandinUrl::parseListen(listenText);
    if (!address)
        return usage(address.error().message);
    if (kept && parser.isSet(listen)) // `serve --site` then listens where this URL says
        keepStandinListen(profile.siteUrl, listenText);
    const QString secret = kept ? kept->prefix : givenPrefix->value_or(QString());
    const Result<QList<EncoderUrlChoice>> urls =
        StandinUrl::encoderUrls({.listen = *address,
                                 .prefix = secret,
                                 .tls = parser.isSet(tls),
                                 .publicHost = parser.value(publicHost)},
                                StandinUrl::machineAddresses());
    if (!urls)
        return usage(urls.error().message);

    const bool several = urls->size() > 1;
    std::printf("%s\n", several ? "Encoder URLs for AVideo (Site Configurations → Encoder URL), one per "
                                  "address of this machine:"
                                : "Encoder URL for AVideo (Site Configurations → Encoder URL):");
    int width = 0;
    for (const EncoderUrlChoice& c : *urls)
        width = qMax(width, int(c.url.toString(QUrl::FullyEncoded).size()));
    for (const EncoderUrlChoice& c : *urls) {
        const QString url = c.url.toString(QUrl::FullyEncoded);
        std::printf("  %s  %s%s\n", safePrintable(url.leftJustified(width)), safePrintable(c.via),
                    c.note.isEmpty() ? "" : safePrintable(QStringLiteral(" — ") + c.note));
    }
    std::printf("\n");

    // Loopback comes last, so the first URL is one another machine can reach whenever there is one.
    const EncoderUrlChoice chosen = urls->first();
    if (several)
        std::printf("Use the one the AVideo server can reach (the first is used below).\n");
    QNetworkAccessManager network;
    const SiteClient client(network, profile);
    // The steps show the URL pretty-printed; the exact (percent-encoded) form is the one to paste.
    const QString exact = chosen.url.toString(QUrl::FullyEncoded);
    QString steps = client.encoderSwitchSteps(chosen.url);
    if (chosen.url.toString() != exact)
        steps.replace(chosen.url.toString(), exact);
    std::printf("%s\n", safePrintable(steps));
    std::printf("5. Check that the site now shows the stand-in's frames:\n       %s verify-standin --site %s "
                "--user ADMIN --standin %s\n",
                safePrintable(programName()), safePrintable(profile.siteUrl.toString()),
                safePrintable(exact));

    if (!kept && secret.isEmpty())
        std::fprintf(stderr,
                     "%s: note: without --prefix anyone who reaches the port can make the service "
                     "fetch streams\n",
                     safePrintable(command));
    else if (secret.size() < kShortPrefix)
        std::fprintf(stderr,
                     "%s: note: a prefix of %lld characters is easy to guess; use %d or more random "
                     "ones (e.g. openssl rand -hex 16)\n",
                     safePrintable(command), static_cast<long long>(secret.size()), kShortPrefix);
    return ExitCode::Ok;
}

} // namespace

HeadlessCommand standinUrlCommand() {
    return {QStringLiteral("standin-url"),
            QStringLiteral("Print the Encoder URL to give AVideo for the stand-in service."), runStandinUrl};
}

} // namespace avld
