#pragma once

#include <QHttpServerResponse>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace avld::test {

class SimRequest;

// plugin/Live/m3u8.php of the simulated site (avideo-protocol.md §3.3, 2022 code), used when protectLive is
// on: Content-Type audio/x-mpegurl; the plain-text refusals "uuid empty" and "uuid decrypt error" with HTTP
// 200; otherwise the player server's playlist of the key, proxied with every .m3u8/.ts/.key line made
// absolute. When the playlist is missing the real script streams its looping background video
// (plugin/Live/view/loopBGHLS/); the simulator does not have that video and answers 404 instead.
class LivePlaylistProxy : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const QHttpServerResponse&)>;

    explicit LivePlaylistProxy(QNetworkAccessManager& network, QObject* parent = nullptr);

    void handle(const SimRequest& request, const QUrl& playerServer, int timeoutMs, Done done);

private:
    QNetworkAccessManager& m_network;
};

} // namespace avld::test
