#pragma once

#include <QList>
#include <QMap>
#include <QString>

// What /proc and getrusage() tell about a process (CPU time, memory, descriptors, threads) and about the
// machine (CPU time by kind, load averages), for the benchmarks that run the service as a child.
namespace avld::bench {

double ticksToMs(qint64 ticks);

// utime + stime of a process or thread in clock ticks, from its stat file; -1 when it is gone.
qint64 statTicks(const QString& statPath, QString* name = nullptr);
qint64 processTicks(qint64 pid);

struct ThreadTicks {
    QString name;
    qint64 ticks = 0;
};
QMap<qint64, ThreadTicks> threadTicks(qint64 pid);

struct MachineTicks {
    qint64 processes = 0;  // user, nice, system
    qint64 interrupts = 0; // irq, softirq: loopback traffic is mostly softirq, charged to no process
    qint64 steal = 0;      // taken by the hypervisor
    qint64 idle = 0;       // idle, iowait
    qint64 total = 0;
};
MachineTicks machineTicks();

// User + system CPU time of RUSAGE_SELF or RUSAGE_CHILDREN (children waited for).
double rusageMs(int who);

QList<double> loadAverages();
QString loadText(const QList<double>& loads);
// Other people's builds share the cores: waits while the 1-minute load is above `maxLoad`, at most
// `waitSeconds`, saying so every 30 s. Returns the seconds waited.
qint64 waitForLoadBelow(double maxLoad, int waitSeconds);

// VmRSS in KiB; -1 when the process is gone.
qint64 rssKiB(qint64 pid);
// Entries of /proc/PID/fd (open descriptors) and of /proc/PID/task (threads); -1 when unreadable.
int openDescriptors(qint64 pid);
int threadCount(qint64 pid);

} // namespace avld::bench
