#pragma once

#include <QString>

#include <functional>

class QCoreApplication;

namespace avld::test {

class StreamStack;

// For the command-line tools that keep a stream stack up: Ctrl+C and SIGTERM end the run.
void installStopSignals();

// Runs the event loop until a stop signal arrives or nginx dies, then stops the stack. Returns the process
// exit code: 0 for a requested stop, 1 (with a message naming `tool`) when nginx stopped by itself.
int runUntilStopped(QCoreApplication& app, StreamStack& stack, const char* tool);

// The same for any set of servers: `whatStopped` names what died by itself (empty while all runs), `stop`
// stops everything.
int runUntilStopped(QCoreApplication& app, const std::function<QString()>& whatStopped,
                    const std::function<void()>& stop, const char* tool);

} // namespace avld::test
