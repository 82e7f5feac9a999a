#pragma once

class QCoreApplication;

namespace avld::test {

class StreamStack;

// For the command-line tools that keep a stream stack up: Ctrl+C and SIGTERM end the run.
void installStopSignals();

// Runs the event loop until a stop signal arrives or nginx dies, then stops the stack. Returns the process
// exit code: 0 for a requested stop, 1 (with a message naming `tool`) when nginx stopped by itself.
int runUntilStopped(QCoreApplication& app, StreamStack& stack, const char* tool);

} // namespace avld::test
