#include "pidnamespace.h"

#include "childprocess.h"

#include <QFile>
#include <QProcess>

#include <csignal>

namespace avld::test {

void startInPidNamespace(QProcess& process, const QString& program, const QStringList& arguments) {
    killChildWithParent(process);
    process.start(QStringLiteral("unshare"),
                  QStringList{QStringLiteral("--pid"), QStringLiteral("--fork"),
                              QStringLiteral("--kill-child"), QStringLiteral("--"), program} +
                      arguments);
}

qint64 pidNamespaceLeader(const QProcess& process) {
    const qint64 pid = process.processId();
    if (pid <= 0)
        return 0;
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    if (!children.open(QIODevice::ReadOnly))
        return 0;
    return children.readAll().trimmed().split(' ').value(0).toLongLong();
}

void stopPidNamespace(QProcess& process, int graceMs) {
    if (process.state() == QProcess::NotRunning)
        return;
    if (const qint64 leader = pidNamespaceLeader(process); leader > 0)
        ::kill(pid_t(leader), SIGTERM);
    if (!process.waitForFinished(graceMs)) {
        // SIGKILL to unshare: --kill-child then kills the leader, and with it the whole namespace.
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace avld::test
