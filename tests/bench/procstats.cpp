#include "procstats.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

namespace avld::bench {

double ticksToMs(qint64 ticks) {
    static const double perSecond = double(sysconf(_SC_CLK_TCK));
    return double(ticks) * 1000.0 / perSecond;
}

qint64 statTicks(const QString& statPath, QString* name) {
    QFile file(statPath);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = file.readAll();
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return -1;
    if (name)
        *name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong(); // fields 14 and 15 of stat(5)
}

qint64 processTicks(qint64 pid) {
    return pid > 0 ? statTicks(QStringLiteral("/proc/%1/stat").arg(pid)) : -1;
}

QMap<qint64, ThreadTicks> threadTicks(qint64 pid) {
    QMap<qint64, ThreadTicks> threads;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        ThreadTicks thread;
        thread.ticks = statTicks(tasks.filePath(tid + QStringLiteral("/stat")), &thread.name);
        if (thread.ticks >= 0)
            threads.insert(tid.toLongLong(), thread);
    }
    return threads;
}

MachineTicks machineTicks() {
    MachineTicks ticks;
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return ticks;
    // cpu user nice system idle iowait irq softirq steal
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        const qint64 value = fields.at(i).toLongLong();
        ticks.total += value;
        if (i <= 3)
            ticks.processes += value;
        else if (i == 6 || i == 7)
            ticks.interrupts += value;
        else if (i == 8)
            ticks.steal += value;
        else
            ticks.idle += value;
    }
    return ticks;
}

double rusageMs(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

QList<double> loadAverages() {
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {-1, -1, -1};
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    QList<double> loads;
    for (qsizetype i = 0; i < 3; ++i)
        loads << fields.value(i, "-1").toDouble();
    return loads;
}

QString loadText(const QList<double>& loads) {
    return QStringLiteral("%1 %2 %3")
        .arg(loads.value(0), 0, 'f', 2)
        .arg(loads.value(1), 0, 'f', 2)
        .arg(loads.value(2), 0, 'f', 2);
}

qint64 waitForLoadBelow(double maxLoad, int waitSeconds) {
    QList<double> load = loadAverages();
    QElapsedTimer waited;
    waited.start();
    while (load.value(0) > maxLoad && waited.elapsed() < qint64(waitSeconds) * 1000) {
        std::printf("load %s is above %.1f: waiting (%lld s so far, at most %d s)\n",
                    qPrintable(loadText(load)), maxLoad, waited.elapsed() / 1000, waitSeconds);
        std::fflush(stdout);
        QThread::sleep(30);
        load = loadAverages();
    }
    return waited.elapsed() / 1000;
}

qint64 rssKiB(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

namespace {
// readdir() rather than QDir: the descriptors of sockets are links to nothing, which QDir would leave out.
int entryCount(const QString& path) {
    DIR* dir = opendir(path.toLocal8Bit().constData());
    if (!dir)
        return -1;
    int count = 0;
    while (const dirent* entry = readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
            ++count;
    }
    closedir(dir);
    return count;
}
} // namespace

int openDescriptors(qint64 pid) {
    return entryCount(QStringLiteral("/proc/%1/fd").arg(pid));
}

int threadCount(qint64 pid) {
    return entryCount(QStringLiteral("/proc/%1/task").arg(pid));
}

} // namespace avld::bench
