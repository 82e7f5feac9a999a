#pragma once

#include "result.h"

#include <QString>
#include <QUrl>

class QProcess;

namespace avld::test {

// nginx with the RTMP module the way AVideo's Live plugin expects it (plugin/Live/install/nginx.conf):
// `application live` with nested HLS, on_publish / on_publish_done / on_record_done calling the site's
// plugin/Live/*.php, and over HTTP `/live` (the HLS directory) and `/stat` (rtmp_stat all). One process
// (master_process off) on free loopback ports, our child.
class AvideoMediaServer {
public:
    // `siteUrl` ends with '/'; `directory` holds the configuration and the HLS files.
    AvideoMediaServer(QUrl siteUrl, QString directory, QString logDirectory);
    ~AvideoMediaServer();
    AvideoMediaServer(const AvideoMediaServer&) = delete;
    AvideoMediaServer& operator=(const AvideoMediaServer&) = delete;

    Status start(int timeoutMs);
    void stop();
    bool isRunning() const;

    QString rtmpServer() const; // rtmp://127.0.0.1:P/live, the Live plugin's `server`
    QUrl playerServer() const;  // http://127.0.0.1:P/live, its `playerServer`
    QUrl statUrl() const;       // http://127.0.0.1:P/stat, its `stats`
    QUrl hlsUrl(const QString& key) const;
    QString playlistPath(const QString& key) const;
    QString errorLogPath() const;

private:
    QString configuration() const;
    Status startOnce(int timeoutMs);

    QUrl m_siteUrl;
    QString m_directory;
    QString m_logDirectory;
    QProcess* m_process = nullptr;
    quint16 m_rtmpPort = 0;
    quint16 m_httpPort = 0;
};

} // namespace avld::test
