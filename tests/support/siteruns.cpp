#include "siteruns.h"

#include "session/sitesession.h"
#include "session/siteworkspace.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QThread>

namespace avld::test {

namespace {

// Keeps the event loop turning (the test's own servers answer meanwhile) until `done` or the timeout.
template <typename Done> bool waitUntil(Done done, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

} // namespace

CommandRun runProgramAt(const QString& home, const QString& program, const QStringList& arguments,
                        int timeoutMs) {
    const QDir dir(home);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config-cli")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data-cli")));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!waitUntil([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    CommandRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

std::optional<Diagnosis> diagnoseOnce(SiteWorkspace& site, DiagnosisRun::Options options, int timeoutMs) {
    DiagnosisRun run(site, options);
    std::optional<Diagnosis> result;
    QObject::connect(&run, &DiagnosisRun::finished, &run, [&](const Diagnosis& d) { result = d; });
    run.start();
    if (!waitUntil([&] { return result.has_value(); }, timeoutMs))
        qWarning("the diagnosis did not end");
    return result;
}

bool checkOnceMore(SiteWorkspace& site, int timeoutMs) {
    bool done = false;
    const QMetaObject::Connection c =
        QObject::connect(&site, &SiteWorkspace::checked, &site, [&](const SiteCheckReport&) { done = true; });
    site.session().refresh();
    const bool ended = waitUntil([&] { return done; }, timeoutMs);
    QObject::disconnect(c);
    return ended;
}

QString tableRow(const QString& out, const QString& title) {
    for (const QString& line : out.split(u'\n'))
        if (line.startsWith(QStringLiteral("  ") + title))
            return line;
    return {};
}

} // namespace avld::test
