#include "streamstack.h"

#include "childprocess.h"
#include "drawnclock.h"
#include "framecounter.h"
#include "freeport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>

#include <limits>

namespace avld::test {

namespace {

constexpr auto kRtmpModule = "/usr/lib/nginx/modules/ngx_rtmp_module.so";
constexpr auto kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

Error stackError(const QString& code, const QString& message) {
    return {code, message, {}};
}

QString tail(const QString& path, int maxChars = 1500) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    return QString::fromUtf8(all.right(maxChars)).trimmed();
}

bool portAnswers(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(200);
}

QStringList publisherArguments(const StreamSpec& spec, const QUrl& target) {
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                     QStringLiteral("warning"), QStringLiteral("-re")};
    if (spec.video) {
        args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
             << QStringLiteral("testsrc2=size=%1x%2:rate=%3")
                    .arg(spec.size.width())
                    .arg(spec.size.height())
                    .arg(spec.fps);
    }
    if (spec.audio) {
        args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
             << QStringLiteral("sine=frequency=440:sample_rate=44100") +
                    (spec.soundStopsAfterSeconds >= 0 ? QStringLiteral(",volume=volume=0:enable='gte(t,%1)'")
                                                            .arg(spec.soundStopsAfterSeconds)
                                                      : QString());
    }
    if (spec.video) {
        // The wall clock and frame number drawn into the picture make a frame's age visible to a person.
        args << QStringLiteral("-vf")
             << QStringLiteral("drawtext=fontfile=%1:fontsize=h/12:fontcolor=white:box=1:boxcolor=black@0.6:"
                               "boxborderw=8:x=(w-tw)/2:y=h-th-h/12:text='%2  %{localtime\\:%T}  #%{n}'")
                        .arg(QString::fromLatin1(kFont), spec.key) +
                    (spec.frameCounter ? QStringLiteral(",%1").arg(FrameCounter::filter(spec.size))
                                       : QString()) +
                    (spec.drawnClock ? QStringLiteral(",%1").arg(DrawnClock::filter(spec.size, spec.fps))
                                     : QString()) +
                    // Last, over everything drawn: from that frame on, every frame is that frame again.
                    (spec.pictureFreezesAfterSeconds >= 0
                         ? QStringLiteral(
                               ",split[live][held];[live][held]freezeframes=first=%1:last=%2:replace=%1")
                               .arg(spec.pictureFreezesAfterSeconds * spec.fps)
                               .arg(std::numeric_limits<int>::max())
                         : QString()) +
                    (spec.pictureBlackAfterSeconds >= 0
                         ? QStringLiteral(",drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='gte(t,%1)'")
                               .arg(spec.pictureBlackAfterSeconds)
                         : QString()) +
                    // As OBS publishes: BT.709 pixels, tagged so. Untagged, a player and our decoder each
                    // guess the matrix, and the live detail's colours were off against our thumbnails.
                    QStringLiteral(",scale=out_color_matrix=bt709:out_range=tv,format=yuv420p");
        const QString gop = QString::number(spec.gopSeconds * spec.fps);
        args << QStringLiteral("-colorspace") << QStringLiteral("bt709") << QStringLiteral("-color_primaries")
             << QStringLiteral("bt709") << QStringLiteral("-color_trc") << QStringLiteral("bt709")
             << QStringLiteral("-color_range") << QStringLiteral("tv");
        args << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-c:v")
             << QStringLiteral("libx264") << QStringLiteral("-preset") << QStringLiteral("ultrafast")
             << QStringLiteral("-tune") << QStringLiteral("zerolatency") << QStringLiteral("-g") << gop
             << QStringLiteral("-keyint_min") << gop << QStringLiteral("-sc_threshold") << QStringLiteral("0")
             << QStringLiteral("-b:v") << QStringLiteral("1200k");
    }
    if (spec.audio)
        args << QStringLiteral("-c:a") << QStringLiteral("aac") << QStringLiteral("-b:a")
             << QStringLiteral("96k");
    args << QStringLiteral("-f") << QStringLiteral("flv") << target.toString();
    return args;
}

} // namespace

StreamStack::StreamStack(QObject* parent)
    : QObject(parent) {}

StreamStack::~StreamStack() {
    stop();
}

QString StreamStack::directory() const {
    return m_dir ? m_dir->path() : QString();
}

QString StreamStack::hlsDirectory() const {
    return directory() + QStringLiteral("/hls");
}

QString StreamStack::playlistPath(const QString& key) const {
    return hlsDirectory() + QLatin1Char('/') + key + QStringLiteral("/index.m3u8");
}

QUrl StreamStack::rtmpUrl(const QString& key) const {
    return QUrl(QStringLiteral("rtmp://127.0.0.1:%1/live/%2").arg(m_rtmpPort).arg(key));
}

QUrl StreamStack::hlsUrl(const QString& key) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/live/%2/index.m3u8").arg(m_httpPort).arg(key));
}

QUrl StreamStack::statUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/stat").arg(m_httpPort));
}

qint64 StreamStack::nginxPid() const {
    return m_nginx ? m_nginx->processId() : 0;
}

qint64 StreamStack::publisherPid(const QString& key) const {
    QProcess* p = m_publishers.value(key);
    return p ? p->processId() : 0;
}

bool StreamStack::isRunning() const {
    return m_nginx && m_nginx->state() == QProcess::Running;
}

QString StreamStack::nginxConfig() const {
    const QString dir = directory();
    // Like AVideo's own nginx.conf (hls_nested, /live alias, /stat), on loopback and unprivileged ports.
    // master_process off keeps nginx a single process, so the parent-death signal stops all of it.
    return QStringLiteral(R"(daemon off;
master_process off;
pid %1/nginx.pid;
error_log %1/nginx-error.log info;
load_module %2;
events { worker_connections 512; }
rtmp {
    server {
        listen 127.0.0.1:%3;
        chunk_size 4096;
        application live {
            live on;
            record off;
            wait_key on;
            hls on;
            hls_path %1/hls;
            hls_nested on;
            hls_fragment %5s;
            hls_playlist_length %6s;
            drop_idle_publisher 10s;
        }
    }
}
http {
    access_log %1/nginx-access.log;
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
        listen 127.0.0.1:%4;
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
        .arg(dir, QString::fromLatin1(kRtmpModule))
        .arg(m_rtmpPort)
        .arg(m_httpPort)
        .arg(m_fragmentSeconds)
        .arg(qMax(20, m_fragmentSeconds * 5)); // five segments at least, as with the 2 s default
}

Status StreamStack::start(int timeoutMs) {
    if (isRunning())
        return {};
    if (!QFile::exists(QString::fromLatin1(kRtmpModule)))
        return stackError(QStringLiteral("no-rtmp-module"),
                          QStringLiteral("nginx's RTMP module is missing; install libnginx-mod-rtmp"));
    // Free ports can be taken by someone else between our check and nginx's bind: try a few times.
    Status last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        last = startNginxOnce(timeoutMs);
        if (last.ok())
            return {};
        if (last.error().code != QStringLiteral("port-taken"))
            return last;
    }
    return last;
}

Status StreamStack::startNginxOnce(int timeoutMs) {
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/avld-streams-XXXXXX"));
    if (!m_dir->isValid())
        return stackError(QStringLiteral("tempdir"), QStringLiteral("cannot create a temporary directory"));
    QDir root(m_dir->path());
    for (const char* sub : {"hls", "tmp", "logs"})
        root.mkpath(QString::fromLatin1(sub));

    m_rtmpPort = freeLoopbackPort();
    m_httpPort = freeLoopbackPort();
    while (m_httpPort == m_rtmpPort)
        m_httpPort = freeLoopbackPort();

    const QString confPath = root.filePath(QStringLiteral("nginx.conf"));
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly) || conf.write(nginxConfig().toUtf8()) < 0)
        return stackError(QStringLiteral("config"), QStringLiteral("cannot write %1").arg(confPath));
    conf.close();
    return launchNginx(timeoutMs);
}

Status StreamStack::launchNginx(int timeoutMs) {
    QDir root(m_dir->path());
    const QString confPath = root.filePath(QStringLiteral("nginx.conf"));
    m_nginx = new QProcess(this);
    killChildWithParent(*m_nginx);
    m_nginx->setProcessChannelMode(QProcess::MergedChannels);
    m_nginx->setStandardOutputFile(root.filePath(QStringLiteral("nginx-stdout.log")));
    m_nginx->start(QStringLiteral("nginx"),
                   {QStringLiteral("-p"), m_dir->path(), QStringLiteral("-c"), confPath, QStringLiteral("-e"),
                    root.filePath(QStringLiteral("nginx-error.log"))});
    if (!m_nginx->waitForStarted(5000)) {
        const QString why = m_nginx->errorString();
        delete m_nginx;
        m_nginx = nullptr;
        return stackError(QStringLiteral("nginx-start"), QStringLiteral("cannot start nginx: %1").arg(why));
    }

    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_nginx->state() != QProcess::Running) {
            const QString log = tail(root.filePath(QStringLiteral("nginx-error.log")));
            delete m_nginx;
            m_nginx = nullptr;
            const bool taken = log.contains(QStringLiteral("Address already in use"));
            return stackError(taken ? QStringLiteral("port-taken") : QStringLiteral("nginx-exit"),
                              QStringLiteral("nginx stopped at start: %1").arg(log));
        }
        if (portAnswers(m_httpPort) && portAnswers(m_rtmpPort))
            return {};
        QThread::msleep(50);
    }
    stop();
    return stackError(QStringLiteral("timeout"),
                      QStringLiteral("nginx did not open its ports in %1 ms").arg(timeoutMs));
}

int StreamStack::segmentCount(const QString& key) const {
    QFile playlist(playlistPath(key));
    if (!playlist.open(QIODevice::ReadOnly))
        return 0;
    return int(playlist.readAll().count("#EXTINF"));
}

Status StreamStack::publish(const StreamSpec& spec, int timeoutMs, int segments) {
    if (!isRunning())
        return stackError(QStringLiteral("not-started"), QStringLiteral("start the stack before publishing"));
    if (m_publishers.contains(spec.key))
        return stackError(QStringLiteral("duplicate"),
                          QStringLiteral("stream %1 is already published").arg(spec.key));

    const QString logPath = QDir(directory()).filePath(QStringLiteral("logs/ffmpeg-%1.log").arg(spec.key));
    auto* publisher = new QProcess(this);
    killChildWithParent(*publisher);
    publisher->setProcessChannelMode(QProcess::MergedChannels);
    publisher->setStandardOutputFile(logPath);
    publisher->start(QStringLiteral("ffmpeg"), publisherArguments(spec, rtmpUrl(spec.key)));
    if (!publisher->waitForStarted(5000)) {
        const QString why = publisher->errorString();
        delete publisher;
        return stackError(QStringLiteral("ffmpeg-start"), QStringLiteral("cannot start ffmpeg: %1").arg(why));
    }
    m_publishers.insert(spec.key, publisher);

    // An audio-only stream still gets HLS segments; wait for the playlist either way.
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (publisher->state() != QProcess::Running) {
            m_publishers.remove(spec.key);
            publisher->deleteLater();
            return stackError(QStringLiteral("ffmpeg-exit"),
                              QStringLiteral("publisher %1 stopped: %2").arg(spec.key, tail(logPath)));
        }
        if (segmentCount(spec.key) >= segments)
            return {};
        QThread::msleep(100);
    }
    return stackError(QStringLiteral("timeout"),
                      QStringLiteral("no HLS playlist with %1 segment(s) for %2 after %3 ms")
                          .arg(segments)
                          .arg(spec.key)
                          .arg(timeoutMs));
}

void StreamStack::stopPublisher(const QString& key) {
    QProcess* publisher = m_publishers.take(key);
    if (!publisher)
        return;
    stopChild(*publisher, 3000);
    delete publisher;
}

void StreamStack::killPublisher(const QString& key) {
    QProcess* publisher = m_publishers.take(key);
    if (!publisher)
        return;
    publisher->kill();
    publisher->waitForFinished(3000);
    delete publisher;
}

void StreamStack::killNginx() {
    if (!m_nginx)
        return;
    m_nginx->kill();
    m_nginx->waitForFinished(3000);
    delete m_nginx;
    m_nginx = nullptr;
    // The publishers lose their connection and exit on their own; forget them so that they can be published
    // again.
    const QStringList keys = m_publishers.keys();
    for (const QString& key : keys)
        stopPublisher(key);
}

Status StreamStack::restartNginx(int timeoutMs) {
    if (isRunning())
        return {};
    if (!m_dir)
        return stackError(QStringLiteral("not-started"),
                          QStringLiteral("start the stack before restarting it"));
    return launchNginx(timeoutMs);
}

void StreamStack::stop() {
    const QStringList keys = m_publishers.keys();
    for (const QString& key : keys)
        stopPublisher(key);
    if (m_nginx) {
        stopChild(*m_nginx, 3000);
        delete m_nginx;
        m_nginx = nullptr;
    }
}

} // namespace avld::test
