#include "diagnosecommand.h"

#include "clisignin.h"
#include "clock.h"
#include "commandline.h"
#include "diagnosis/diagnosisrun.h"
#include "diagnosis/pdfprinter.h"
#include "diagnosis/reportfile.h"
#include "diagnosis/shiftreport.h"
#include "diagnosistext.h"
#include "encoderarguments.h"
#include "encoders/encoderhistory.h"
#include "encoders/encoderwatch.h"
#include "keychainsecretstore.h"
#include "session/followedlivesstore.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"
#include "settings.h"
#include "siteoptions.h"
#include "stopsignals.h"
#include "terminaltext.h"
#include "version.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QSettings>

#include <cstdio>

namespace avld {

namespace {

constexpr int kUnknown = 3;
constexpr int kMaxShiftHours = 24 * 31;

// The shift report from the history alone: no network.
int writeShift(const SiteProfile& profile, const QString& hoursText, const QString& reportPath) {
    bool ok = false;
    const int hours = hoursText.toInt(&ok);
    if (!ok || hours < 1 || hours > kMaxShiftHours) {
        std::fprintf(stderr, "diagnose: --shift takes whole hours, 1 to %d\n", kMaxShiftHours);
        return kUnknown;
    }
    if (reportPath.isEmpty()) {
        std::fputs("diagnose: --shift writes a report: give --report FILE.html or FILE.pdf\n", stderr);
        return kUnknown;
    }
    EncoderHistory history(SiteWorkspace::historyPath(profile), Clock::system());
    if (const Status failed = history.open(); !failed.ok()) {
        std::fprintf(stderr, "diagnose: %s\n", safePrintable(failed.error().toString()));
        return kUnknown;
    }
    ShiftReport shiftReport;
    shiftReport.siteName = profile.displayName;
    shiftReport.siteUrl = profile.siteUrl;
    shiftReport.to = Clock::system().now().toUTC();
    shiftReport.from = shiftReport.to.addSecs(-3600LL * hours);
    shiftReport.generatedAt = shiftReport.to;
    shiftReport.spans =
        history.spans(shiftReport.from, shiftReport.to, historyWindowPoints(HistoryWindow::LastDay));
    const Result<qint64> written = writeShiftReport(shiftReport, reportPath);
    if (!written) {
        std::fprintf(stderr, "diagnose: %s\n", safePrintable(written.error().toString()));
        return kUnknown;
    }
    std::printf("%s\nreport: %s (%lld bytes)\n", safePrintable(shiftReport.summary()),
                safePrintable(reportPath), static_cast<long long>(*written));
    return 0;
}

int runDiagnose(const QStringList& arguments) {
    QCommandLineParser parser;
    const QString description = QStringLiteral(
        "Diagnoses why an AVideo site's lives show cards instead of frames, walking the expert's checklist:\n"
        "the site, each live (the site's picture beside our own frame), the site's encoder, backup "
        "encoders,\n"
        "the local stand-in, the caches, prevention and the media server. Prints the findings with what to\n"
        "do; --report writes them as a self-contained HTML page%1. Exit codes follow Nagios:\n"
        "0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.");
    parser.setApplicationDescription(description.arg(pdfPrinter() ? QStringLiteral(" or a PDF") : QString()));
    parser.addHelpOption();
    SiteOptions site;
    site.addTo(parser);
    const QCommandLineOption report(
        QStringLiteral("report"),
        pdfPrinter() ? QStringLiteral("Write the report to FILE.html or FILE.pdf.")
                     : QStringLiteral("Write the report to FILE.html (this headless build writes no PDF)."),
        QStringLiteral("file"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the diagnosis as JSON."));
    const QCommandLineOption encoder(
        QStringLiteral("encoder"),
        QStringLiteral("The site's Encoder URL, when it cannot be read (signing in as an admin reads it)."),
        QStringLiteral("url"));
    const QCommandLineOption backup(QStringLiteral("backup"),
                                    QStringLiteral("Also probe this encoder as a backup (repeatable)."),
                                    QStringLiteral("url"));
    const QCommandLineOption publicEncoders(
        QStringLiteral("public"), QStringLiteral("Also probe the public encoders encoder1/2.wwbn.net."));
    const QCommandLineOption noGrab(QStringLiteral("no-grab"),
                                    QStringLiteral("Do not grab the streams ourselves."));
    const QCommandLineOption shift(
        QStringLiteral("shift"),
        QStringLiteral(
            "Instead of diagnosing, write the shift report of the last HOURS to --report: the encoders'\n"
            "uptime, outages and state changes from the history this command keeps for the site."),
        QStringLiteral("hours"));
    const QCommandLineOption noState(
        QStringLiteral("no-state"),
        QStringLiteral(
            "Judge each live's sound and picture from this run's check alone. Without it, a run goes on "
            "from the site's previous run (kept in the app's data directory, forgotten after %1 min without "
            "one): a live silent, still or black since then is said to have been so for that long.")
            .arg(FollowedLivesStore::kMaxAgeMs / 60'000));
    parser.addOptions({report, json, encoder, backup, publicEncoders, noGrab, shift, noState});
    if (const std::optional<int> stop =
            parseCommandArguments(parser, arguments, QStringLiteral("diagnose"), kUnknown))
        return *stop;
    const Result<SiteProfile> profile = site.profile(parser);
    if (!profile) {
        std::fprintf(stderr, "diagnose: %s\n", safePrintable(profile.error().toString()));
        return kUnknown;
    }
    std::optional<QUrl> siteEncoder;
    if (parser.isSet(encoder)) {
        const Result<QUrl> url = encoderUrlArgument(parser.value(encoder));
        if (!url) {
            std::fprintf(stderr, "diagnose: %s\n", safePrintable(url.error().message));
            return kUnknown;
        }
        siteEncoder = *url;
    }
    QList<EncoderTarget> backups;
    for (const QString& text : parser.values(backup)) {
        const Result<QUrl> url = encoderUrlArgument(text, QStringLiteral("--backup"));
        if (!url) {
            std::fprintf(stderr, "diagnose: %s\n", safePrintable(url.error().message));
            return kUnknown;
        }
        backups.append(adminEncoderTarget(*url));
    }
    if (parser.isSet(publicEncoders))
        backups.append(avld::publicEncoders());
    const QString reportPath = parser.value(report);
    if (const Status badName = reportPath.isEmpty() ? Status{} : checkReportName(reportPath); !badName.ok()) {
        std::fprintf(stderr, "diagnose: --report: %s\n", safePrintable(badName.error().toString()));
        return kUnknown;
    }

    if (parser.isSet(shift))
        return writeShift(*profile, parser.value(shift), reportPath);

    // The settings (probe hysteresis, grab timeout) and the encoders' history are the window's for this site.
    Settings settings(std::make_unique<QSettings>());
    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    SiteWorkspace workspace(settings, *profile, secrets);
    if (!parser.isSet(noState))
        workspace.keepFollowedLivesIn(FollowedLivesStore::pathFor(*profile));
    SiteCheckOptions options = workspace.session().checkOptions();
    options.grabStreams = !parser.isSet(noGrab);
    workspace.session().setCheckOptions(options);
    workspace.session().setRefreshInterval(0);

    DiagnosisRun::Options runOptions;
    runOptions.watchOutlivesRun = false;
    DiagnosisRun run(workspace, runOptions);
    QEventLoop loop;
    int exitCode = kUnknown;
    const bool quiet = parser.isSet(json);
    QObject::connect(&run, &DiagnosisRun::stepStarted, &loop, [quiet](DiagnosisRun::Step step) {
        if (!quiet)
            std::fprintf(stderr, "diagnose: %s…\n", qPrintable(DiagnosisRun::stepTitle(step)));
    });
    QObject::connect(&run, &DiagnosisRun::finished, &loop, [&](const Diagnosis& diagnosis) {
        exitCode = diagnosis.exitCode();
        if (quiet)
            std::fputs(QJsonDocument(diagnosis.toJson()).toJson().constData(), stdout);
        else
            std::fputs(safePrintable(diagnosisText(diagnosis)), stdout);
        if (!reportPath.isEmpty()) {
            const Result<qint64> written = writeReport(diagnosis, reportPath);
            if (!written) {
                std::fprintf(stderr, "diagnose: %s\n", safePrintable(written.error().toString()));
                exitCode = kUnknown;
            } else if (!quiet) {
                std::printf("\nreport: %s (%lld bytes)\n", safePrintable(reportPath),
                            static_cast<long long>(*written));
            }
        }
        loop.quit();
    });
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::stopRequested, &run, &DiagnosisRun::cancel);

    auto begin = [&] {
        workspace.startWatching();
        if (siteEncoder && workspace.overview().siteEncoderUrl.isEmpty())
            workspace.session().setEncoderUrl(*siteEncoder);
        for (const EncoderTarget& target : backups)
            workspace.encoders().addTarget(target);
        run.start();
    };
    if (!site.user(parser).isEmpty()) {
        signInForCommand(workspace.session(), site.user(parser), QStringLiteral("diagnose"),
                         [&](Result<LoginInfo> login) {
                             if (!login)
                                 std::fprintf(stderr, "diagnose: login failed: %s (diagnosing without)\n",
                                              safePrintable(login.error().toString()));
                             begin();
                         });
    } else {
        begin();
    }
    loop.exec();
    workspace.waitForFollowedLivesSaved(); // this run's check is there for the next
    return exitCode;
}

} // namespace

HeadlessCommand diagnoseCommand() {
    return {
        QStringLiteral("diagnose"),
        QStringLiteral("Diagnose a site with the expert's checklist; HTML/PDF report (Nagios exit codes)."),
        runDiagnose, /*mayPrintPdf=*/true};
}

} // namespace avld
