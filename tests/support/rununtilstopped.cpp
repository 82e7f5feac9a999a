#include "rununtilstopped.h"

#include "streamstack.h"

#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace avld::test {

namespace {
volatile std::sig_atomic_t g_stopRequested = 0;
void requestStop(int) {
    g_stopRequested = 1;
}
} // namespace

void installStopSignals() {
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
}

int runUntilStopped(QCoreApplication& app, StreamStack& stack, const char* tool) {
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (g_stopRequested || !stack.isRunning())
            app.quit();
    });
    poll.start(200);
    app.exec();
    const bool crashed = !stack.isRunning();
    stack.stop();
    if (crashed)
        std::fprintf(stderr, "%s: nginx stopped unexpectedly\n", tool);
    return crashed ? 1 : 0;
}

} // namespace avld::test
