#pragma once

#include "result.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// `avideo-live-doctor serve` in a process of its own, as it runs on a server, for the benchmarks that load
// it from outside.
namespace avld::bench {

// The avideo-live-doctor built beside the benchmarks (build/app/).
QString builtProgram();
// The headless avideo-live-doctor-nox beside it, what a server runs.
QString builtHeadlessProgram();

// The service on a free loopback port, its output in a log file. Stopped (SIGTERM, then SIGKILL) when this
// object goes, and by the kernel when the benchmark dies.
class ServeChild {
public:
    ServeChild(QString program, QString logPath);
    ~ServeChild();
    ServeChild(const ServeChild&) = delete;
    ServeChild& operator=(const ServeChild&) = delete;

    // Runs `serve --listen 127.0.0.1:PORT OPTIONS...` and waits until /healthz answers (10 s). Tries three
    // ports: another process may take the free one before serve binds it. The error quotes the log's end.
    Status start(const QStringList& options);

    qint64 pid() const { return m_process.processId(); }
    quint16 port() const { return m_port; }
    QString baseUrl() const; // http://127.0.0.1:PORT
    QStringList arguments() const { return m_arguments; }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QByteArray log() const;

private:
    QString m_program;
    QString m_logPath;
    QProcess m_process;
    quint16 m_port = 0;
    QStringList m_arguments;
};

} // namespace avld::bench
