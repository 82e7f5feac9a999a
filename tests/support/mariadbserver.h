#pragma once

#include "result.h"

#include <QString>

class QProcess;

namespace avld::test {

// A private MariaDB server in a directory of ours: `mariadb-install-db` there, then `mariadbd` on a loopback
// port and a socket, as our child. Root of the database is the OS user running us (unix_socket login).
class MariaDbServer {
public:
    // `directory` holds the data, the socket and the pid file; `logDirectory` the logs.
    MariaDbServer(QString directory, QString logDirectory);
    ~MariaDbServer();
    MariaDbServer(const MariaDbServer&) = delete;
    MariaDbServer& operator=(const MariaDbServer&) = delete;

    Status install(int timeoutMs);
    Status start(int timeoutMs);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString socketPath() const;
    QString logPath() const;

    // One or more statements through the `mariadb` client on the socket; returns what it printed
    // (tab-separated, no column names).
    Result<QString> execute(const QString& sql, const QString& database, int timeoutMs) const;
    static Result<QString> execute(const QString& socketPath, const QString& database, const QString& sql,
                                   int timeoutMs);
    // A string literal for SQL: quoted, with quotes and backslashes escaped.
    static QString quote(const QString& value);

private:
    Status startOnce(int timeoutMs);

    QString m_directory;
    QString m_logDirectory;
    QProcess* m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace avld::test
