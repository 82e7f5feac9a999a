#include "servecommand.h"

#include "commandline.h"
#include "generator/thumbnailservice.h"
#include "keptstandin.h"
#include "prefixoption.h"
#include "site/siteprofile.h"
#include "stopsignals.h"
#include "terminaltext.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>
#include <optional>

namespace avld {

namespace {

constexpr int kFailed = 1;

// "ADDR:PORT", "[v6]:PORT" or ":PORT" (all interfaces).
Result<std::pair<QHostAddress, quint16>> parseListen(const QString& text) {
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon >= 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    QString host = colon >= 0 ? text.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
    if (!ok || port == 0 || port > 65535 || address.isNull())
        return Error{
            QStringLiteral("usage"),
            QStringLiteral("--listen wants ADDR:PORT, e.g. 0.0.0.0:8090 or 127.0.0.1:8090, not \"%1\"")
                .arg(text),
            {}};
    return std::pair{address, quint16(port)};
}

int runServe(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stands in for the site's encoder: answers AVideo's live thumbnail requests\n"
        "(objects/getImage.php?base64Url=…&format=jpg|png|gif|webp, and getImage/B64/FMT) with fresh frames\n"
        "grabbed in process, well inside AVideo's 2 s. Point the site's Encoder URL at it (see "
        "standin-url).\n"
        "Runs until SIGTERM or Ctrl+C. Also serves /healthz and /metrics (Prometheus)."));
    parser.addHelpOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:8090; 0.0.0.0:8090 for "
                       "every interface)."),
        QStringLiteral("addr:port"), QStringLiteral("127.0.0.1:8090"));
    const PrefixOptions prefix(QStringLiteral("A secret path segment every request must start with."));
    const QCommandLineOption allowHost(QStringLiteral("allow-host"),
                                       QStringLiteral("A stream host that may be fetched: name, IP or CIDR "
                                                      "(repeatable)."),
                                       QStringLiteral("host"));
    const QCommandLineOption site(
        QStringLiteral("site"),
        QStringLiteral("The AVideo site: its host is allowed (media server on the same "
                       "host included)."),
        QStringLiteral("url"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate for HTTPS."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM key for HTTPS."),
                                    QStringLiteral("file"));
    const QCommandLineOption budget(QStringLiteral("budget"),
                                    QStringLiteral("Longest wait for a fresh grab before an empty answer, ms "
                                                   "(default 1500; AVideo gives up at 2000)."),
                                    QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption grabAfter(
        QStringLiteral("grab-after"),
        QStringLiteral("A request for an image older than this grabs a new frame while AVideo waits, ms "
                       "(default 2000)."),
        QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption refresh(
        QStringLiteral("refresh"),
        QStringLiteral("Seconds between background grabs of streams too slow to grab while AVideo waits, "
                       "near the times they are asked for (default 10)."),
        QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption newPrefix(
        QStringLiteral("new-prefix"),
        QStringLiteral(
            "With --site: make a new secret prefix for the site's stand-in (its Encoder URL changes: "
            "set it in AVideo again)."));
    parser.addOption(listen);
    prefix.addTo(parser);
    parser.addOptions({allowHost, site, tlsCert, tlsKey, budget, grabAfter, refresh, newPrefix});
    if (const std::optional<int> stop = parseCommandArguments(parser, arguments, QStringLiteral("serve")))
        return *stop;

    std::optional<QUrl> siteUrl;
    if (parser.isSet(site)) {
        const Result<QUrl> url = SiteProfile::normalizedSiteUrl(parser.value(site));
        if (!url) {
            std::fprintf(stderr, "serve: --site: %s\n", safePrintable(url.error().toString()));
            return ExitCode::Usage;
        }
        siteUrl = *url;
    }
    if (parser.isSet(newPrefix) && (!siteUrl || prefix.isSet(parser))) {
        std::fputs("serve: --new-prefix makes a new kept secret for --site; it goes without --prefix, "
                   "--prefix-file or the standin-prefix credential\n",
                   stderr);
        return ExitCode::Usage;
    }
    QString prefixWarning;
    const Result<std::optional<QString>> givenPrefix = prefix.secret(parser, &prefixWarning);
    if (!givenPrefix) {
        std::fprintf(stderr, "serve: %s\n", safePrintable(givenPrefix.error().toString()));
        return givenPrefix.error().code == QStringLiteral("usage") ? ExitCode::Usage : kFailed;
    }
    if (!prefixWarning.isEmpty())
        std::fprintf(stderr, "serve: warning: %s\n", safePrintable(prefixWarning));
    // With --site the stand-in keeps one address and secret for that site across restarts (AVideo keeps the
    // Encoder URL it was given); --listen and --prefix override them for this run.
    std::optional<StandinIdentity> kept;
    if (siteUrl && !givenPrefix->has_value()) {
        Result<StandinIdentity> identity = keptStandinIdentity(*siteUrl, parser.isSet(newPrefix));
        if (!identity) {
            std::fprintf(stderr, "serve: %s\n", safePrintable(identity.error().toString()));
            return kFailed;
        }
        kept = *identity;
    }
    const QString listenText =
        !parser.isSet(listen) && kept && !kept->listen.isEmpty() ? kept->listen : parser.value(listen);
    const auto address = parseListen(listenText);
    if (!address) {
        std::fprintf(stderr, "serve: %s\n", safePrintable(address.error().message));
        return ExitCode::Usage;
    }
    GeneratorConfig config;
    config.bindAddress = address->first;
    config.port = address->second;
    if (givenPrefix->has_value()) {
        config.pathPrefix = QLatin1Char('/') + **givenPrefix + QLatin1Char('/');
    } else if (kept) {
        config.pathPrefix = QLatin1Char('/') + kept->prefix + QLatin1Char('/');
    }
    config.allowedHosts = parser.values(allowHost);
    if (siteUrl) {
        config.allowedHosts.append(siteUrl->host());
        config.referer = siteUrl->toString(); // AVideo's key protection accepts a same-site Referer
    }
    if (config.allowedHosts.isEmpty()) {
        std::fputs("serve: say which stream hosts may be fetched: --site URL and/or --allow-host HOST (the "
                   "service must not fetch anything it is asked to)\n",
                   stderr);
        return ExitCode::Usage;
    }
    config.tlsCertificateFile = parser.value(tlsCert);
    config.tlsKeyFile = parser.value(tlsKey);
    bool ok = false;
    config.budgetMs = parser.value(budget).toInt(&ok);
    bool ok2 = false;
    config.refreshIntervalMs = parser.value(refresh).toInt(&ok2) * 1000;
    bool ok3 = false;
    config.grabOnRequestAfterMs = parser.value(grabAfter).toInt(&ok3);
    if (!ok || !ok2 || !ok3) {
        std::fputs("serve: --budget, --grab-after and --refresh take whole numbers\n", stderr);
        return ExitCode::Usage;
    }
    if (const Status invalid = config.validate(); !invalid.ok()) {
        std::fprintf(stderr, "serve: %s\n", safePrintable(invalid.error().toString()));
        return ExitCode::Usage;
    }

    ThumbnailService service(config);
    if (const Status failed = service.start(); !failed.ok()) {
        std::fprintf(stderr, "serve: %s\n", safePrintable(failed.error().toString()));
        return kFailed;
    }
    if (kept) {
        keepStandinListen(*siteUrl, listenText);
        describeKeptStandin(QStringLiteral("serve"), *siteUrl, *kept);
    }
    QString shown = service.baseUrl().toString();
    if (givenPrefix->has_value() || kept) // a capability: kept out of logs (journald records stdout)
        shown = service.baseUrl().adjusted(QUrl::RemovePath).toString() + QStringLiteral("/<prefix>/");
    const QString urlCommand = programName() + QStringLiteral(" standin-url") +
                               (siteUrl ? QStringLiteral(" --site ") + siteUrl->toString() : QString());
    std::printf("serving AVideo thumbnail requests on %s (allowed stream hosts: %s)\n"
                "point the site's Encoder URL here; `%s` prints the exact URL\n",
                safePrintable(shown), safePrintable(config.allowedHosts.join(QStringLiteral(", "))),
                safePrintable(urlCommand));
    std::fflush(stdout);

    QEventLoop loop;
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &loop, [&](int number) {
        std::printf("serve: signal %d, stopping\n", number);
        std::fflush(stdout);
        service.stop();
        loop.quit();
    });
    loop.exec();
    return ExitCode::Ok;
}

} // namespace

HeadlessCommand serveCommand() {
    return {QStringLiteral("serve"),
            QStringLiteral("Stand in for the site's encoder: serve fresh live thumbnails to AVideo."),
            runServe};
}

} // namespace avld
