#include "encoderscommand.h"

#include "alertoptions.h"
#include "clisignin.h"
#include "commandalerts.h"
#include "commandline.h"
#include "encoderarguments.h"
#include "encoders/encoderchangejson.h"
#include "encoders/encoderhistory.h"
#include "encoders/encodermonitor.h"
#include "encoders/encoderrecommendation.h"
#include "encoders/encodersnapshotjson.h"
#include "encoderstable.h"
#include "keychainsecretstore.h"
#include "net/timedhttpclient.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"
#include "site/liveentry.h"
#include "site/mediaserverresolver.h"
#include "siteoptions.h"
#include "stopsignals.h"
#include "terminaltext.h"
#include "version.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QStandardPaths>

#include <cstdio>
#include <optional>

namespace avld {

namespace {

constexpr int kUnknown = 3;

// Nagios-style: the site's encoder decides; without one, the worst watched encoder.
int exitCodeFor(const QList<EncoderSnapshot>& snapshots) {
    auto codeOf = [](EncoderState s) {
        switch (s) {
        case EncoderState::Online:
            return 0;
        case EncoderState::Degraded:
            return 1;
        case EncoderState::Pending:
        case EncoderState::Offline:
            return 2;
        case EncoderState::Unknown:
            return kUnknown;
        }
        return kUnknown;
    };
    for (const EncoderSnapshot& s : snapshots)
        if (s.target.origin == EncoderOrigin::SiteConfigured)
            return codeOf(s.state);
    int worst = snapshots.isEmpty() ? kUnknown : 0;
    for (const EncoderSnapshot& s : snapshots)
        worst = std::max(worst, codeOf(s.state));
    return worst;
}

QString defaultHistoryPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(QStringLiteral("encoder-history.sqlite"));
}

int runEncoders(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks whether each encoder really produces live thumbnails for AVideo: reachable, fast (asked\n"
        "and read as AVideo's PHP does: 2 s per read, until the server closes), and answering with real\n"
        "frames, not placeholders. Without a live to test frames with, an encoder is only REACHABLE.\n"
        "Watches the site's configured encoder (read with an admin login), the ones given with --encoder,\n"
        "and optionally the public ones. Exit codes follow Nagios for the site's encoder: 0 online or\n"
        "reachable, 1 degraded, 2 offline, 3 unknown."));
    parser.addHelpOption();
    SiteOptions site;
    site.addTo(parser);
    const QCommandLineOption encoder(QStringLiteral("encoder"),
                                     QStringLiteral("Also watch this encoder (repeatable)."),
                                     QStringLiteral("url"));
    const QCommandLineOption publicEncoders(
        QStringLiteral("public"), QStringLiteral("Also watch the public encoders encoder1/2.wwbn.net."));
    const QCommandLineOption watch(QStringLiteral("watch"),
                                   QStringLiteral("Keep watching; print every change."));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      QStringLiteral("Seconds between probes with --watch (default 60)."),
                                      QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON (one line per change with --watch)."));
    const QCommandLineOption history(
        QStringLiteral("history"),
        QStringLiteral("Probe history database (default: with --site the site's history, which the window "
                       "and diagnose use too; else %1).")
            .arg(defaultHistoryPath()),
        QStringLiteral("file"));
    const QCommandLineOption noHistory(QStringLiteral("no-history"), QStringLiteral("Keep no history."));
    parser.addOptions({encoder, publicEncoders, watch, interval, json, history, noHistory});
    AlertOptions alertOptions;
    alertOptions.addTo(parser);
    if (const std::optional<int> stop =
            parseCommandArguments(parser, arguments, QStringLiteral("encoders"), kUnknown))
        return *stop;
    const Result<AlertSetup> alertSetup = alertOptions.read(parser);
    if (!alertSetup) {
        std::fprintf(stderr, "encoders: %s\n", safePrintable(alertSetup.error().toString()));
        return kUnknown;
    }
    if (alertSetup->test) {
        TimedHttpClient http(8);
        return CommandAlerts::sendTest(*alertSetup, http, Clock::system());
    }
    if (!alertSetup->channels.isEmpty() && !parser.isSet(watch)) {
        // One round has no lifecycle to follow: it would send nothing, which must not look like "all is
        // well".
        std::fputs("encoders: --alert needs --watch (or --test-alert)\n", stderr);
        return kUnknown;
    }

    std::optional<SiteProfile> profile;
    if (!parser.value(QStringLiteral("site")).isEmpty()) {
        const Result<SiteProfile> p = site.profile(parser);
        if (!p) {
            std::fprintf(stderr, "encoders: %s\n", safePrintable(p.error().toString()));
            return kUnknown;
        }
        profile = *p;
    } else if (parser.values(encoder).isEmpty()) {
        std::fputs("encoders: give --site URL, or at least one --encoder URL\n", stderr);
        return kUnknown;
    }
    bool ok = false;
    const int intervalS = parser.value(interval).toInt(&ok);
    if (!ok || intervalS < 5 || intervalS > 86400) {
        std::fputs("encoders: --interval must be 5 to 86400 seconds\n", stderr);
        return kUnknown;
    }
    QList<EncoderTarget> targets;
    for (const QString& text : parser.values(encoder)) {
        const Result<QUrl> url = encoderUrlArgument(text);
        if (!url) {
            std::fprintf(stderr, "encoders: %s\n", safePrintable(url.error().message));
            return kUnknown;
        }
        targets.append(adminEncoderTarget(*url));
    }
    if (parser.isSet(publicEncoders))
        targets.append(avld::publicEncoders());
    for (EncoderTarget& t : targets) {
        t.intervalMs = intervalS * 1000;
        t.retryIntervalMs = std::max(5, intervalS / 4) * 1000;
    }

    QNetworkAccessManager network;
    TimedHttpClient http(32);
    std::unique_ptr<EncoderHistory> store;
    if (!parser.isSet(noHistory)) {
        store = std::make_unique<EncoderHistory>(parser.isSet(history) ? parser.value(history)
                                                 : profile             ? SiteWorkspace::historyPath(*profile)
                                                                       : defaultHistoryPath(),
                                                 Clock::system());
        if (const Status failed = store->open(); !failed.ok()) {
            std::fprintf(stderr, "encoders: no history this time: %s\n",
                         safePrintable(failed.error().toString()));
            store.reset();
        }
    }
    EncoderMonitor::Options options;
    if (!parser.isSet(watch))
        options.hysteresis = {.failuresToConfirm = 1, .successesToRecover = 1}; // one round: say what it saw
    if (profile)
        options.connectivityCheckUrl = profile->siteUrl;
    options.reminderIntervalMs = alertSetup->policy.remindEveryMs;
    EncoderMonitor monitor(http, Clock::system(), store.get(), options);
    CommandAlerts alerts(*alertSetup, http, Clock::system());
    if (parser.isSet(watch))
        if (const Status ready = alerts.start(monitor); !ready.ok()) {
            std::fprintf(stderr, "encoders: %s\n", safePrintable(ready.error().toString()));
            return kUnknown;
        }

    QEventLoop loop;
    int exitCode = kUnknown;
    bool started = false;
    bool printedFirst = false;
    auto printAll = [&] {
        const QList<EncoderSnapshot> snapshots = monitor.snapshot();
        const std::optional<EncoderRecommendation> recommendation = recommendEncoder(snapshots);
        if (parser.isSet(json)) {
            QJsonArray list;
            for (const EncoderSnapshot& s : snapshots)
                list.append(encoderSnapshotToJson(s));
            QJsonObject out{{QStringLiteral("encoders"), list}};
            if (recommendation)
                out.insert(QStringLiteral("recommendation"), encoderRecommendationToJson(*recommendation));
            if (monitor.workstationSeemsOffline())
                out.insert(QStringLiteral("workstationOffline"), true);
            std::fputs(QJsonDocument(out)
                           .toJson(parser.isSet(watch) ? QJsonDocument::Compact : QJsonDocument::Indented)
                           .constData(),
                       stdout);
            if (parser.isSet(watch))
                std::fputs("\n", stdout);
        } else {
            for (const EncoderSnapshot& s : snapshots)
                std::printf("%s\n", safePrintable(encoderBlock(s)));
            if (recommendation)
                std::printf("%s\n", safePrintable(recommendation->text));
        }
        std::fflush(stdout);
        exitCode = exitCodeFor(snapshots);
    };
    QObject::connect(&monitor, &EncoderMonitor::idle, &loop, [&] {
        if (printedFirst)
            return;
        printedFirst = true;
        printAll();
        if (!parser.isSet(watch))
            loop.quit();
    });
    QObject::connect(&monitor, &EncoderMonitor::alert, &loop,
                     [&](const EncoderStateChange& change, const EncoderTarget& target) {
                         if (!printedFirst)
                             return;
                         if (parser.isSet(json))
                             std::printf("%s\n", QJsonDocument(encoderChangeJson(change, target))
                                                     .toJson(QJsonDocument::Compact)
                                                     .constData());
                         else
                             std::printf("%s\n", safePrintable(stateChangeLine(change, target)));
                         std::fflush(stdout);
                     });
    QObject::connect(
        &monitor, &EncoderMonitor::workstationOfflineChanged, &loop,
        [&](bool, const QString& reason) { std::fprintf(stderr, "encoders: %s\n", safePrintable(reason)); });

    // systemctl stop (SIGTERM) or Ctrl+C ends a watch cleanly: the history's last write completes.
    std::optional<StopSignals> stopSignals;
    if (parser.isSet(watch)) {
        stopSignals.emplace();
        QObject::connect(&*stopSignals, &StopSignals::stopRequested, &loop, [&](int number) {
            std::fprintf(stderr, "encoders: signal %d, stopping\n", number);
            monitor.stop();
            exitCode = 0;
            loop.quit();
        });
    }

    auto startWatching = [&](QList<EncoderTarget> all, QList<QUrl> streams) {
        if (all.isEmpty()) {
            std::fputs(
                "encoders: no encoder to watch: the site's encoder URL needs an admin login (--user), or "
                "give --encoder URL\n",
                stderr);
            loop.quit();
            return;
        }
        started = true;
        monitor.setTargets(all);
        monitor.setSampleStreams(streams);
        monitor.start();
    };

    if (!profile) {
        startWatching(targets, {});
    } else {
        KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
        SiteSession session(*profile, secrets);
        SiteClient& client = session.client();
        MediaServerResolver resolver(client);
        std::optional<Error> encoderProblem;
        QObject::connect(&session, &SiteSession::encoderUrlProblem, &loop,
                         [&](const Error& error) { encoderProblem = error; });
        auto withLogin = [&](std::optional<LoginInfo> login) {
            auto withEncoderUrl = [&, login](std::optional<QUrl> configured) {
                auto withStreams = [&, login, configured](QList<QUrl> streams) {
                    QList<EncoderTarget> all = targets;
                    if (configured) {
                        EncoderTarget site = siteEncoderTarget(*configured);
                        site.intervalMs = intervalS * 1000;
                        site.retryIntervalMs = std::max(5, intervalS / 4) * 1000;
                        all.prepend(site);
                        all.removeIf([&](const EncoderTarget& t) {
                            return t.origin != EncoderOrigin::SiteConfigured && t.url == *configured;
                        });
                    }
                    for (EncoderTarget& t : all) {
                        t.siteUrl = profile->siteUrl;
                        giveSiteAccount(t, profile->siteUrl, login);
                    }
                    startWatching(all, streams);
                };
                client.fetchLives([&, withStreams](Result<QList<SiteLive>> lives) {
                    if (!lives) {
                        std::fprintf(stderr,
                                     "encoders: cannot list the site's lives (%s): no thumbnail test\n",
                                     safePrintable(lives.error().toString()));
                        return withStreams({});
                    }
                    // The streams to test frames with, where the site says they are (never a guess).
                    resolver.resolve(*lives, [withStreams](MediaServerResolver::Outcome outcome) {
                        QList<QUrl> streams;
                        for (const SiteLive& live : outcome.lives)
                            if (!live.m3u8Url.isEmpty())
                                streams.append(live.m3u8Url);
                        if (outcome.unresolved)
                            std::fprintf(stderr, "encoders: %s%s\n",
                                         safePrintable(outcome.unresolved->toString()),
                                         streams.isEmpty() ? "; no thumbnail test" : "");
                        withStreams(streams);
                    });
                });
            };
            if (!login || !login->isAdmin)
                return withEncoderUrl(std::nullopt);
            // The session has read the Encoder URL and where the Live plugin says the streams are.
            if (session.encoderUrl().isEmpty()) {
                if (encoderProblem)
                    std::fprintf(stderr, "encoders: %s\n", safePrintable(encoderProblem->toString()));
                return withEncoderUrl(std::nullopt);
            }
            withEncoderUrl(session.encoderUrl());
        };
        if (site.user(parser).isEmpty()) {
            withLogin(std::nullopt);
        } else {
            signInForCommand(session, site.user(parser), QStringLiteral("encoders"),
                             [&, withLogin](Result<LoginInfo> login) {
                                 if (!login)
                                     std::fprintf(stderr, "encoders: login failed: %s\n",
                                                  safePrintable(login.error().toString()));
                                 withLogin(login ? std::optional<LoginInfo>(*login) : std::nullopt);
                             });
        }
        loop.exec();
        return started || exitCode != kUnknown ? exitCode : kUnknown;
    }
    if (started)
        loop.exec();
    return exitCode;
}

} // namespace

HeadlessCommand encodersCommand() {
    return {QStringLiteral("encoders"),
            QStringLiteral("Check (or --watch) whether encoders really make live thumbnails."), runEncoders};
}

} // namespace avld
