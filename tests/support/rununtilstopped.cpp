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

int runUntilStopped(QCoreApplication& app, const std::function<QString()>& whatStopped,
                    const std::function<void()>& stop, const char* tool) {
    QString stopped;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        stopped = whatStopped();
        if (g_stopRequested || !stopped.isEmpty())
            app.quit();
    });
    poll.start(200);
    app.exec();
    stop();
    if (!stopped.isEmpty())
        std::fprintf(stderr, "%s: %s stopped unexpectedly\n", tool, qPrintable(stopped));
    return stopped.isEmpty() ? 0 : 1;
}

} // namespace avld::test
