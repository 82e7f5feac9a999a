#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace avld::test {

// How the simulated site writes the URLs of a live (avideo-protocol.md §1.1, §3.3).
class LiveUrls {
public:
    // §3.3 LiveStreamObject::getM3U8(): with protectLive
    // {webSiteRootURL}plugin/Live/m3u8.php?live_servers_id={id}&uuid={encryptString(key)}, otherwise
    // {playerServer}/{key}/index.m3u8 (playerServer with its trailing slash made single).
    static QUrl m3u8(const QUrl& siteUrl, const QUrl& playerServer, const QString& key, int liveServersId,
                     bool protectLive);
    // The unprotected playlist on the player server, which m3u8.php proxies.
    static QUrl playerPlaylist(const QUrl& playerServer, const QString& key);
    // §1.1 Live::getLivePosterImageRelativePath(): site-relative. The defaults of playlists_id_live (0) and
    // live_index (empty) are not written down; they are what a plain live without playlist or index gives.
    static QString posterRelative(const QString& user, int liveServersId, const QString& format,
                                  int playlistsIdLive = 0, const QString& liveIndex = {});
    // encryptString()/decryptString() stand-ins for m3u8.php's uuid. AVideo uses AES-256-CBC with the site
    // salt; the simulator only needs a reversible token that a client cannot forge by accident, so it uses
    // base64url("avld-sim|" + key). A token without that prefix is a "decrypt error".
    static QString encryptKey(const QString& key);
    static std::optional<QString> decryptKey(const QString& uuid);
};

} // namespace avld::test
