#include "apacheserver.h"

#include "formbrowser.h"
#include "freeport.h"
#include "logtail.h"
#include "pidnamespace.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace avld::test {

namespace {
constexpr auto kModuleDir = "/usr/lib/apache2/modules";
// mod_unixd and mod_log_config are built into Debian's apache2: a LoadModule for them is an error.
constexpr const char* kModules[][2] = {
    {"mpm_prefork_module", "mod_mpm_prefork.so"},
    {"authz_core_module", "mod_authz_core.so"},
    {"authz_host_module", "mod_authz_host.so"},
    {"authn_core_module", "mod_authn_core.so"},
    {"access_compat_module", "mod_access_compat.so"},
    {"mime_module", "mod_mime.so"},
    {"dir_module", "mod_dir.so"},
    {"alias_module", "mod_alias.so"},
    {"rewrite_module", "mod_rewrite.so"},
    {"headers_module", "mod_headers.so"},
    {"expires_module", "mod_expires.so"},
    {"setenvif_module", "mod_setenvif.so"},
    {"env_module", "mod_env.so"},
    {"php_module", "libphp8.2.so"},
};

Error apacheError(const QString& code, const QString& message) {
    return {code, message, {}};
}

// PHP writes its temporary files and sessions as the workers' user.
Status giveTo(const QString& path, const QString& user) {
    const passwd* account = ::getpwnam(user.toLocal8Bit().constData());
    if (!account)
        return apacheError(QStringLiteral("no-user"),
                           QStringLiteral("there is no user %1 for Apache's workers").arg(user));
    if (::chown(QFile::encodeName(path).constData(), account->pw_uid, account->pw_gid) != 0)
        return apacheError(QStringLiteral("chown"), QStringLiteral("cannot give %1 to %2").arg(path, user));
    return {};
}
} // namespace

ApacheServer::ApacheServer(Config config)
    : m_config(std::move(config)) {}

ApacheServer::~ApacheServer() {
    stop();
}

QStringList ApacheServer::missingModules() {
    QStringList missing;
    for (const auto& module : kModules) {
        const QString path = QStringLiteral("%1/%2").arg(QLatin1String(kModuleDir), QLatin1String(module[1]));
        if (!QFile::exists(path))
            missing << path;
    }
    return missing;
}

QString ApacheServer::errorLogPath() const {
    return m_config.logDirectory + QStringLiteral("/apache-error.log");
}

QString ApacheServer::accessLogPath() const {
    return m_config.logDirectory + QStringLiteral("/apache-access.log");
}

bool ApacheServer::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

QString ApacheServer::configuration() const {
    QString modules;
    for (const auto& module : kModules)
        modules += QStringLiteral("LoadModule %1 %2/%3\n")
                       .arg(QLatin1String(module[0]), QLatin1String(kModuleDir), QLatin1String(module[1]));
    const QString run = m_config.runDirectory;
    // Access log lines end with the time taken in microseconds (%D), for measuring AVideo's answers.
    return QStringLiteral(R"(ServerRoot %1
PidFile %1/apache.pid
DefaultRuntimeDir %1
Mutex file:%1
Listen 127.0.0.1:%2
ServerName 127.0.0.1
User %3
Group %3
%4TypesConfig /etc/mime.types
StartServers 3
MinSpareServers 2
MaxSpareServers 8
MaxRequestWorkers 40
Timeout 60
KeepAlive On
ErrorLog %5
LogFormat "%h %t \"%r\" %>s %b %D" timed
CustomLog %6 timed
DocumentRoot %7
DirectoryIndex index.php index.html
<FilesMatch "\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory %7/>
    Options FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
php_admin_flag log_errors on
php_admin_value sys_temp_dir %1/php-tmp
php_admin_value upload_tmp_dir %1/php-tmp
php_admin_value session.save_path %1/php-sessions
)")
        .arg(run)
        .arg(m_port)
        .arg(m_config.user, modules, errorLogPath(), accessLogPath(), m_config.documentRoot);
}

Status ApacheServer::start(int timeoutMs) {
    Status last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        last = startOnce(timeoutMs);
        if (last.ok() || last.error().code != QStringLiteral("port-taken"))
            return last;
    }
    return last;
}

Status ApacheServer::startOnce(int timeoutMs) {
    const QString run = m_config.runDirectory;
    for (const QString& sub : {QStringLiteral("/php-tmp"), QStringLiteral("/php-sessions")}) {
        QDir().mkpath(run + sub);
        if (const Status owned = giveTo(run + sub, m_config.user); !owned.ok())
            return owned;
    }
    m_port = freeLoopbackPort();
    const QString confPath = run + QStringLiteral("/apache.conf");
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate) || conf.write(configuration().toUtf8()) < 0)
        return apacheError(QStringLiteral("config"), QStringLiteral("cannot write %1").arg(confPath));
    conf.close();

    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_config.logDirectory + QStringLiteral("/apache-stdout.log"),
                                     QIODevice::Append);
    startInPidNamespace(*m_process, QStringLiteral("apache2"),
                        {QStringLiteral("-f"), confPath, QStringLiteral("-DFOREGROUND")});
    if (!m_process->waitForStarted(5000)) {
        const QString why = m_process->errorString();
        delete m_process;
        m_process = nullptr;
        return apacheError(QStringLiteral("apache-start"),
                           QStringLiteral("cannot start apache2: %1").arg(why));
    }
    FormBrowser probe(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port)));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            const QString log = logTail(m_config.logDirectory + QStringLiteral("/apache-stdout.log")) +
                                QLatin1Char('\n') + logTail(errorLogPath());
            delete m_process;
            m_process = nullptr;
            const bool taken = log.contains(QStringLiteral("Address already in use"));
            return apacheError(taken ? QStringLiteral("port-taken") : QStringLiteral("apache-exit"),
                               QStringLiteral("apache2 stopped at start: %1").arg(log));
        }
        // Any HTTP answer will do: the site is not installed yet.
        if (probe.get(QStringLiteral("/"), 1000).status > 0)
            return {};
        QThread::msleep(100);
    }
    stop();
    return apacheError(
        QStringLiteral("timeout"),
        QStringLiteral("apache2 did not answer in %1 ms: %2").arg(timeoutMs).arg(logTail(errorLogPath())));
}

void ApacheServer::stop() {
    if (!m_process)
        return;
    stopPidNamespace(*m_process, 10000);
    delete m_process;
    m_process = nullptr;
}

} // namespace avld::test
