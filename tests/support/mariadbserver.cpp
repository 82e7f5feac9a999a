#include "mariadbserver.h"

#include "childprocess.h"
#include "freeport.h"
#include "logtail.h"
#include "pidnamespace.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>

namespace avld::test {

namespace {
Error dbError(const QString& code, const QString& message) {
    return {code, message, {}};
}

bool portAnswers(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(200);
}
} // namespace

MariaDbServer::MariaDbServer(QString directory, QString logDirectory)
    : m_directory(std::move(directory))
    , m_logDirectory(std::move(logDirectory)) {}

MariaDbServer::~MariaDbServer() {
    stop();
}

QString MariaDbServer::socketPath() const {
    return m_directory + QStringLiteral("/mysqld.sock");
}

QString MariaDbServer::logPath() const {
    return m_logDirectory + QStringLiteral("/mariadb.log");
}

bool MariaDbServer::isRunning() const {
    return m_server && m_server->state() == QProcess::Running;
}

Status MariaDbServer::install(int timeoutMs) {
    const QString logFile = m_logDirectory + QStringLiteral("/mariadb-install-db.log");
    QDir().mkpath(m_directory + QStringLiteral("/data"));
    QProcess installer;
    installer.setProcessChannelMode(QProcess::MergedChannels);
    installer.setStandardOutputFile(logFile);
    // In a PID namespace: the bootstrap server it starts must not outlive us either.
    startInPidNamespace(installer, QStringLiteral("mariadb-install-db"),
                        {QStringLiteral("--no-defaults"),
                         QStringLiteral("--datadir=") + m_directory + "/data", QStringLiteral("--user=root"),
                         QStringLiteral("--skip-test-db"), QStringLiteral("--skip-name-resolve")});
    if (!installer.waitForStarted(5000))
        return dbError(QStringLiteral("mariadb-install-db"),
                       QStringLiteral("cannot start mariadb-install-db: %1").arg(installer.errorString()));
    if (!installer.waitForFinished(timeoutMs)) {
        stopPidNamespace(installer, 1000);
        return dbError(QStringLiteral("timeout"),
                       QStringLiteral("mariadb-install-db did not finish in %1 ms: %2")
                           .arg(timeoutMs)
                           .arg(logTail(logFile)));
    }
    if (installer.exitStatus() != QProcess::NormalExit || installer.exitCode() != 0)
        return dbError(QStringLiteral("mariadb-install-db"),
                       QStringLiteral("mariadb-install-db failed: %1").arg(logTail(logFile)));
    return {};
}

Status MariaDbServer::start(int timeoutMs) {
    Status last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        last = startOnce(timeoutMs);
        if (last.ok() || last.error().code != QStringLiteral("port-taken"))
            return last;
    }
    return last;
}

Status MariaDbServer::startOnce(int timeoutMs) {
    m_port = freeLoopbackPort();
    QFile::remove(socketPath());
    m_server = new QProcess;
    killChildWithParent(*m_server);
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->setStandardOutputFile(m_logDirectory + QStringLiteral("/mariadbd-stdout.log"),
                                    QIODevice::Append);
    m_server->start(QStringLiteral("mariadbd"),
                    {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + m_directory + "/data",
                     QStringLiteral("--port=%1").arg(m_port), QStringLiteral("--socket=") + socketPath(),
                     QStringLiteral("--bind-address=127.0.0.1"), QStringLiteral("--user=root"),
                     QStringLiteral("--pid-file=") + m_directory + "/mysqld.pid",
                     QStringLiteral("--log-error=") + logPath(), QStringLiteral("--skip-name-resolve"),
                     QStringLiteral("--innodb-buffer-pool-size=64M")});
    if (!m_server->waitForStarted(5000)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return dbError(QStringLiteral("mariadbd-start"),
                       QStringLiteral("cannot start mariadbd: %1").arg(why));
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_server->state() != QProcess::Running) {
            const QString log = logTail(logPath());
            delete m_server;
            m_server = nullptr;
            const bool taken = log.contains(QStringLiteral("Address already in use")) ||
                               log.contains(QStringLiteral("Can't start server: Bind"));
            return dbError(taken ? QStringLiteral("port-taken") : QStringLiteral("mariadbd-exit"),
                           QStringLiteral("mariadbd stopped at start: %1").arg(log));
        }
        if (QFile::exists(socketPath()) && portAnswers(m_port))
            return {};
        QThread::msleep(100);
    }
    stop();
    return dbError(
        QStringLiteral("timeout"),
        QStringLiteral("mariadbd was not ready in %1 ms: %2").arg(timeoutMs).arg(logTail(logPath())));
}

void MariaDbServer::stop() {
    if (!m_server)
        return;
    stopChild(*m_server, 10000);
    delete m_server;
    m_server = nullptr;
}

Result<QString> MariaDbServer::execute(const QString& sql, const QString& database, int timeoutMs) const {
    return execute(socketPath(), database, sql, timeoutMs);
}

Result<QString> MariaDbServer::execute(const QString& socketPath, const QString& database, const QString& sql,
                                       int timeoutMs) {
    QProcess client;
    killChildWithParent(client);
    QStringList args{QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + socketPath,
                     QStringLiteral("--batch"), QStringLiteral("--skip-column-names"),
                     QStringLiteral("--connect-timeout=5")};
    if (!database.isEmpty())
        args << database;
    client.start(QStringLiteral("mariadb"), args);
    if (!client.waitForStarted(5000))
        return dbError(QStringLiteral("mariadb-client"),
                       QStringLiteral("cannot start the mariadb client: %1").arg(client.errorString()));
    // On stdin, so that nothing of the statement shows in the process list.
    client.write(sql.toUtf8());
    client.closeWriteChannel();
    if (!client.waitForFinished(timeoutMs)) {
        stopChild(client, 500);
        return dbError(QStringLiteral("timeout"),
                       QStringLiteral("the mariadb client did not finish in %1 ms").arg(timeoutMs));
    }
    const QString errors = QString::fromUtf8(client.readAllStandardError()).trimmed();
    if (client.exitStatus() != QProcess::NormalExit || client.exitCode() != 0)
        return dbError(QStringLiteral("sql"), QStringLiteral("SQL on %1 failed: %2").arg(socketPath, errors));
    return QString::fromUtf8(client.readAllStandardOutput());
}

QString MariaDbServer::quote(const QString& value) {
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace avld::test
