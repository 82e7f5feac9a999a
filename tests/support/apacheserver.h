#pragma once

#include "result.h"

#include <QString>

class QProcess;

namespace avld::test {

// Debian's Apache with prefork and mod_php 8.2 serving one document root on a loopback port, with our own
// configuration (nothing of /etc/apache2), AllowOverride All (AVideo's .htaccess rewrites) and PHP's
// temporary files and sessions in our directory. Runs as our child in a PID namespace (see pidnamespace.h);
// its workers run as `user`, who must be able to read (and for AVideo write) the document root.
class ApacheServer {
public:
    struct Config {
        QString documentRoot;
        QString runDirectory; // configuration, pid file, PHP's tmp and sessions
        QString logDirectory;
        QString user = QStringLiteral("www-data");
    };

    explicit ApacheServer(Config config);
    ~ApacheServer();
    ApacheServer(const ApacheServer&) = delete;
    ApacheServer& operator=(const ApacheServer&) = delete;

    // Chooses a free port, starts Apache and waits until it answers HTTP.
    Status start(int timeoutMs);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString errorLogPath() const;
    QString accessLogPath() const;

    // Where each module comes from; empty when Debian's package is missing.
    static QStringList missingModules();

private:
    QString configuration() const;
    Status startOnce(int timeoutMs);

    Config m_config;
    QProcess* m_process = nullptr;
    quint16 m_port = 0;
};

} // namespace avld::test
