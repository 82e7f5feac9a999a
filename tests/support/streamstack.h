#pragma once

#include "result.h"
#include "streamspec.h"

#include <QMap>
#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QProcess;

namespace avld::test {

// Real streams on loopback: nginx with the RTMP module (HLS and /stat on) on free ports in a temporary
// directory, fed by `ffmpeg` publishers. Every child is started with a parent-death signal and stopped by
// the destructor, so no process outlives the test that started it, even when the test crashes.
// Blocking calls: for tests, fixtures and the demo tool, never for product code.
class StreamStack : public QObject {
    Q_OBJECT
public:
    explicit StreamStack(QObject* parent = nullptr);
    ~StreamStack() override;

    // The HLS segment length nginx aims at (it cuts at the first keyframe after it): 2 s unless set before
    // start().
    void setFragmentSeconds(int seconds) { m_fragmentSeconds = qMax(1, seconds); }
    int fragmentSeconds() const { return m_fragmentSeconds; }
    // Starts nginx and waits until its HTTP port answers.
    Status start(int timeoutMs = 10000);
    // Starts a publisher and waits until its HLS playlist lists at least `segments` segments.
    Status publish(const StreamSpec& spec, int timeoutMs = 20000, int segments = 1);
    // Stops one publisher (gracefully, then by force); the playlist stays on disk, as with a real stop.
    void stopPublisher(const QString& key);
    // Kills one publisher at once (SIGKILL), as a crash: no goodbye to nginx, which sees the connection drop.
    void killPublisher(const QString& key);
    // Kills nginx at once (SIGKILL), as a crash or the OOM killer; its publishers lose their connection.
    void killNginx();
    // Starts nginx again on the same ports and folder, after killNginx() (a restart as systemd would do it).
    // The publishers are not restarted: publish() them again.
    Status restartNginx(int timeoutMs = 10000);
    // Stops every publisher, then nginx. Safe to call twice.
    void stop();

    bool isRunning() const;
    quint16 rtmpPort() const { return m_rtmpPort; }
    quint16 httpPort() const { return m_httpPort; }
    QString directory() const;
    QString hlsDirectory() const;
    QString playlistPath(const QString& key) const;
    QUrl rtmpUrl(const QString& key) const;
    QUrl hlsUrl(const QString& key) const;
    QUrl statUrl() const;
    qint64 nginxPid() const;
    qint64 publisherPid(const QString& key) const;

    // How many media segments the playlist of `key` lists right now (0 when it does not exist).
    int segmentCount(const QString& key) const;

private:
    QString nginxConfig() const;
    Status startNginxOnce(int timeoutMs);
    Status launchNginx(int timeoutMs); // with the config already written

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess* m_nginx = nullptr;
    QMap<QString, QProcess*> m_publishers;
    quint16 m_rtmpPort = 0;
    quint16 m_httpPort = 0;
    int m_fragmentSeconds = 2;
};

} // namespace avld::test
