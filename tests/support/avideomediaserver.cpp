#include "avideomediaserver.h"

#include "childprocess.h"
#include "freeport.h"
#include "logtail.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>

namespace avld::test {

namespace {
constexpr auto kRtmpModule = "/usr/lib/nginx/modules/ngx_rtmp_module.so";

Error mediaError(const QString& code, const QString& message) {
    return {code, message, {}};
}

bool portAnswers(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(200);
}
} // namespace

AvideoMediaServer::AvideoMediaServer(QUrl siteUrl, QString directory, QString logDirectory)
    : m_siteUrl(std::move(siteUrl))
    , m_directory(std::move(directory))
    , m_logDirectory(std::move(logDirectory)) {}

AvideoMediaServer::~AvideoMediaServer() {
    stop();
}

QString AvideoMediaServer::rtmpServer() const {
    return QStringLiteral("rtmp://127.0.0.1:%1/live").arg(m_rtmpPort);
}

QUrl AvideoMediaServer::playerServer() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_httpPort));
}

QUrl AvideoMediaServer::statUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/stat").arg(m_httpPort));
}

QUrl AvideoMediaServer::hlsUrl(const QString& key) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/live/%2/index.m3u8").arg(m_httpPort).arg(key));
}

QString AvideoMediaServer::playlistPath(const QString& key) const {
    return m_directory + QStringLiteral("/hls/") + key + QStringLiteral("/index.m3u8");
}

QString AvideoMediaServer::errorLogPath() const {
    return m_logDirectory + QStringLiteral("/nginx-error.log");
}

bool AvideoMediaServer::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

QString AvideoMediaServer::configuration() const {
    const QString site = m_siteUrl.toString();
    // AVideo's sample has hls_fragment 4s and a 60 min playlist; 60 s is enough here and bounds the disk.
    return QStringLiteral(R"(daemon off;
master_process off;
pid %1/nginx.pid;
error_log %2 info;
load_module %3;
events { worker_connections 512; }
rtmp {
    server {
        listen 127.0.0.1:%4;
        chunk_size 4096;
        application live {
            live on;
            record off;
            hls on;
            hls_path %1/hls;
            hls_nested on;
            hls_fragment 4s;
            hls_playlist_length 60s;
            drop_idle_publisher 30s;
            on_publish %6plugin/Live/on_publish.php;
            on_publish_done %6plugin/Live/on_publish_done.php;
            on_record_done %6plugin/Live/on_record_done.php;
        }
    }
}
http {
    access_log %7/nginx-access.log;
    client_body_temp_path %1/tmp/body;
    proxy_temp_path %1/tmp/proxy;
    fastcgi_temp_path %1/tmp/fastcgi;
    uwsgi_temp_path %1/tmp/uwsgi;
    scgi_temp_path %1/tmp/scgi;
    types {
        application/vnd.apple.mpegurl m3u8;
        video/mp2t ts;
        text/xml xml;
    }
    server {
        listen 127.0.0.1:%5;
        location /live {
            alias %1/hls;
            add_header Cache-Control no-cache;
            add_header Access-Control-Allow-Origin *;
        }
        location /stat {
            rtmp_stat all;
        }
    }
}
)")
        .arg(m_directory, errorLogPath(), QString::fromLatin1(kRtmpModule))
        .arg(m_rtmpPort)
        .arg(m_httpPort)
        .arg(site, m_logDirectory);
}

Status AvideoMediaServer::start(int timeoutMs) {
    if (!QFile::exists(QString::fromLatin1(kRtmpModule)))
        return mediaError(QStringLiteral("no-rtmp-module"),
                          QStringLiteral("nginx's RTMP module is missing; install libnginx-mod-rtmp"));
    Status last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        last = startOnce(timeoutMs);
        if (last.ok() || last.error().code != QStringLiteral("port-taken"))
            return last;
    }
    return last;
}

Status AvideoMediaServer::startOnce(int timeoutMs) {
    QDir root(m_directory);
    for (const char* sub : {"hls", "tmp"})
        root.mkpath(QString::fromLatin1(sub));
    m_rtmpPort = freeLoopbackPort();
    do
        m_httpPort = freeLoopbackPort();
    while (m_httpPort == m_rtmpPort);

    const QString confPath = root.filePath(QStringLiteral("nginx.conf"));
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate) || conf.write(configuration().toUtf8()) < 0)
        return mediaError(QStringLiteral("config"), QStringLiteral("cannot write %1").arg(confPath));
    conf.close();

    m_process = new QProcess;
    killChildWithParent(*m_process);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_logDirectory + QStringLiteral("/nginx-stdout.log"), QIODevice::Append);
    m_process->start(QStringLiteral("nginx"), {QStringLiteral("-p"), m_directory, QStringLiteral("-c"),
                                               confPath, QStringLiteral("-e"), errorLogPath()});
    if (!m_process->waitForStarted(5000)) {
        const QString why = m_process->errorString();
        delete m_process;
        m_process = nullptr;
        return mediaError(QStringLiteral("nginx-start"), QStringLiteral("cannot start nginx: %1").arg(why));
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            const QString log = logTail(errorLogPath());
            delete m_process;
            m_process = nullptr;
            const bool taken = log.contains(QStringLiteral("Address already in use"));
            return mediaError(taken ? QStringLiteral("port-taken") : QStringLiteral("nginx-exit"),
                              QStringLiteral("nginx stopped at start: %1").arg(log));
        }
        if (portAnswers(m_httpPort) && portAnswers(m_rtmpPort))
            return {};
        QThread::msleep(50);
    }
    stop();
    return mediaError(QStringLiteral("timeout"), QStringLiteral("nginx did not open its ports in %1 ms: %2")
                                                     .arg(timeoutMs)
                                                     .arg(logTail(errorLogPath())));
}

void AvideoMediaServer::stop() {
    if (!m_process)
        return;
    stopChild(*m_process, 3000);
    delete m_process;
    m_process = nullptr;
}

} // namespace avld::test
