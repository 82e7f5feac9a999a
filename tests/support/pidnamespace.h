#pragma once

#include <QString>
#include <QStringList>

class QProcess;

namespace avld::test {

// Starts `program` as the first process of a new PID namespace (util-linux `unshare`, needs root). When it
// dies, or when `process` (the unshare in between, which dies with us) dies, the kernel kills everything it
// forked: Apache's prefork workers would otherwise go on serving after a SIGKILL of their master.
void startInPidNamespace(QProcess& process, const QString& program, const QStringList& arguments);

// The host PID of `program` inside the namespace, once unshare has forked it (0 until then).
qint64 pidNamespaceLeader(const QProcess& process);

// Asks `program` to stop with SIGTERM (unshare itself ignores it), waits `graceMs`, then kills the namespace.
void stopPidNamespace(QProcess& process, int graceMs);

} // namespace avld::test
