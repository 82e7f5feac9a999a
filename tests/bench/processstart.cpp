#include "processstart.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <vector>

extern char** environ;

namespace avld::bench {

namespace {

double nowMs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

QString readAndRemove(const QString& dir, const QString& prefix) {
    QString text;
    for (const QFileInfo& entry : QDir(dir).entryInfoList({prefix + QStringLiteral(".*")}, QDir::Files)) {
        QFile file(entry.filePath());
        if (file.open(QIODevice::ReadOnly))
            text += QString::fromLocal8Bit(file.readAll());
        file.remove();
    }
    return text;
}

} // namespace

ProcessRun runProcess(const QStringList& command, const QStringList& environment, const QString& errorFile) {
    std::vector<QByteArray> argBytes, envBytes;
    for (const QString& a : command)
        argBytes.push_back(a.toLocal8Bit());
    for (char** e = environ; *e; ++e)
        envBytes.emplace_back(*e);
    for (const QString& e : environment)
        envBytes.push_back(e.toLocal8Bit());
    std::vector<char*> argv, envp;
    for (QByteArray& a : argBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (QByteArray& e : envBytes)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const QByteArray errorPath = errorFile.isEmpty() ? QByteArray("/dev/null") : errorFile.toLocal8Bit();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, errorPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    ProcessRun run;
    const double start = nowMs();
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return run;
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.wallMs = nowMs() - start;
    run.cpuMs = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

QList<SharedObject> linkedLibraries(const QString& file) {
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {file});
    ldd.waitForFinished(30000);
    QList<SharedObject> objects;
    static const QRegularExpression line(QStringLiteral("^\\s*(\\S+)(?: => (\\S+))?"));
    for (const QString& text : QString::fromLocal8Bit(ldd.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = line.match(text);
        if (!m.hasMatch() || m.captured(1).startsWith(QStringLiteral("linux-vdso")))
            continue;
        objects << SharedObject{m.captured(1).section(QLatin1Char('/'), -1),
                                m.captured(2).isEmpty() ? m.captured(1) : m.captured(2)};
    }
    return objects;
}

QString pathOf(const QList<SharedObject>& objects, const QString& soname) {
    for (const SharedObject& o : objects) {
        if (o.soname == soname)
            return o.path;
    }
    return {};
}

QStringList neededLibraries(const QString& file) {
    QProcess objdump;
    objdump.start(QStringLiteral("objdump"), {QStringLiteral("-p"), file});
    objdump.waitForFinished(30000);
    QStringList needed;
    static const QRegularExpression line(QStringLiteral("^\\s*NEEDED\\s+(\\S+)"),
                                         QRegularExpression::MultilineOption);
    auto it = line.globalMatch(QString::fromLocal8Bit(objdump.readAllStandardOutput()));
    while (it.hasNext())
        needed << it.next().captured(1);
    return needed;
}

int initialisedObjects(const QStringList& command, const QString& scratchDir) {
    const QString prefix = QStringLiteral("files");
    runProcess(command, {QStringLiteral("LD_DEBUG=files"),
                         QStringLiteral("LD_DEBUG_OUTPUT=") + scratchDir + QLatin1Char('/') + prefix});
    // One file per process: the program and any it starts (ffmpeg starts none; neither do ours).
    const QString log = readAndRemove(scratchDir, prefix);
    return int(log.count(QStringLiteral("calling init:")));
}

LoaderStatistics loaderStatistics(const QStringList& command, const QString& scratchDir) {
    const QString prefix = QStringLiteral("statistics");
    runProcess(command, {QStringLiteral("LD_DEBUG=statistics"),
                         QStringLiteral("LD_DEBUG_OUTPUT=") + scratchDir + QLatin1Char('/') + prefix});
    const QString log = readAndRemove(scratchDir, prefix);
    const auto number = [&log](const char* label) {
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("\\b%1: (\\d+)").arg(QLatin1String(label))).match(log);
        return m.hasMatch() ? m.captured(1).toLongLong() : qint64(-1);
    };
    LoaderStatistics s;
    s.relocations = number("number of relocations");
    s.relativeRelocations = number("number of relative relocations");
    return s;
}

} // namespace avld::bench
