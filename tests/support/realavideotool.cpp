// avld-real-avideo: the real AVideo 11.7 on loopback until SIGINT/SIGTERM, for the realsite tests (started
// once per ctest run by realsite-fixture.sh) and for trying the Live Doctor against a real site by hand.
// Writes --info FILE (JSON, see RealAvideo::info()) once everything is ready; --check only lists what this
// machine lacks (exit 3 when something does).

#include "processalive.h"
#include "realavideo.h"
#include "rununtilstopped.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace {

constexpr int kExitMissing = 3;

bool writeInfo(const QString& path, const QJsonObject& info) {
    // Readers poll for FILE: it appears whole or not at all.
    const QString temporary = path + QStringLiteral(".tmp");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QJsonDocument(info).toJson(QJsonDocument::Indented)) < 0 || !file.flush())
        return false;
    file.close();
    QFile::remove(path);
    return QFile::rename(temporary, path);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the real AVideo 11.7 (MariaDB, Apache + mod_php, nginx-rtmp and a stamped ffmpeg stream) on "
        "loopback until Ctrl+C or SIGTERM."));
    parser.addHelpOption();
    const QCommandLineOption infoOption(QStringLiteral("info"),
                                        QStringLiteral("Write the site's URLs and logins as JSON to FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption logOption(QStringLiteral("log-dir"),
                                       QStringLiteral("Keep the servers' logs in DIR (default: inside the "
                                                      "temporary directory, removed at the end)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption archiveOption(
        QStringLiteral("archive"),
        QStringLiteral(
            "The AVideo 11.7 archive (the environment variable AVLD_AVIDEO_ARCHIVE overrides it)."),
        QStringLiteral("FILE"), QStringLiteral(AVLD_AVIDEO_ARCHIVE_DEFAULT));
    const QCommandLineOption watchOption(QStringLiteral("watch-pid"),
                                         QStringLiteral("Stop when the process PID is gone (ctest)."),
                                         QStringLiteral("PID"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"), QStringLiteral("Only list what this machine lacks; exit 3 if anything."));
    parser.addOptions({infoOption, logOption, archiveOption, watchOption, checkOption});
    parser.process(app);

    const QString archive = qEnvironmentVariableIsEmpty("AVLD_AVIDEO_ARCHIVE")
                                ? parser.value(archiveOption)
                                : qEnvironmentVariable("AVLD_AVIDEO_ARCHIVE");
    const QStringList missing = avld::test::RealAvideo::missingPrerequisites(archive);
    if (parser.isSet(checkOption) || !missing.isEmpty()) {
        for (const QString& what : missing)
            std::printf("missing: %s\n", qPrintable(what));
        if (missing.isEmpty())
            std::printf("ready: %s\n", qPrintable(archive));
        return missing.isEmpty() ? 0 : kExitMissing;
    }
    const qint64 watched = parser.value(watchOption).toLongLong();

    avld::test::installStopSignals();
    avld::test::RealAvideo site({.archive = archive, .logDirectory = parser.value(logOption)});
    if (const avld::Status failed = site.start(); !failed.ok()) {
        std::fprintf(stderr, "avld-real-avideo: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }

    const QJsonObject info = site.info();
    std::printf("site      %s  (admin and streamer logins in the info file)\n",
                qPrintable(site.siteUrl().toString()));
    std::printf("live      %s  watch %s\n", qPrintable(info.value(QStringLiteral("hlsUrl")).toString()),
                qPrintable(info.value(QStringLiteral("watchUrl")).toString()));
    std::printf("stat      %s\n", qPrintable(info.value(QStringLiteral("statUrl")).toString()));
    std::printf("encoder   %s (down)\n", qPrintable(info.value(QStringLiteral("encoderUrl")).toString()));
    std::printf("tree      %s\n", qPrintable(info.value(QStringLiteral("treePath")).toString()));
    QString steps;
    for (const avld::test::RealAvideo::StepTime& step : site.stepTimes())
        steps += QStringLiteral("  %1 %2 ms;").arg(step.step).arg(step.ms);
    std::printf("started   in %lld ms:%s\n", static_cast<long long>(site.startedMs()), qPrintable(steps));
    if (parser.isSet(infoOption) && !writeInfo(parser.value(infoOption), info)) {
        std::fprintf(stderr, "avld-real-avideo: cannot write %s\n", qPrintable(parser.value(infoOption)));
        return 1;
    }
    std::printf("ready (pid %lld); stop with Ctrl+C or SIGTERM\n",
                static_cast<long long>(QCoreApplication::applicationPid()));
    std::fflush(stdout);

    const int code = avld::test::runUntilStopped(
        app,
        [&] {
            if (watched > 0 && !avld::test::processIsAlive(watched))
                return QStringLiteral("the watched process %1").arg(watched);
            return site.whatStopped();
        },
        [&] {
            QElapsedTimer stopping;
            stopping.start();
            site.stop();
            std::printf("stopped   in %lld ms\n", static_cast<long long>(stopping.elapsed()));
            std::fflush(stdout);
        },
        "avld-real-avideo");
    // The site it describes is gone.
    if (parser.isSet(infoOption))
        QFile::remove(parser.value(infoOption));
    return code;
}
