#pragma once

class QProcess;

namespace avld::test {

// Makes the kernel kill the child when the test process dies for any reason (crash, abort, SIGKILL),
// so helpers never leak servers or publishers.
void killChildWithParent(QProcess& process);

// SIGTERM, wait up to `graceMs`, then SIGKILL; waits for the exit either way.
void stopChild(QProcess& process, int graceMs);

// Stops `process` (stopChild, 3 s grace) when it goes out of scope, whichever way the scope is left.
struct ChildGuard {
    QProcess& process;
    ~ChildGuard() { stopChild(process, 3000); }
};

} // namespace avld::test
