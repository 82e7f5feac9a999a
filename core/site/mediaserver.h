#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace avld {

// Who said where a site's streams are. We never guess: AVideo's own default ({site host}:8080) is only
// used when the site itself says so.
enum class MediaSource {
    Unknown, // nobody
    User,    // given explicitly: --player-server / --stat, or corrected in the site's profile
    Site,    // the watch pages any visitor reads (live/{id}/{channel} embeds the exact HLS URL)
    Admin,   // the Live plugin's options `playerServer` and `stats`, read as an admin (§2.2)
};

QString mediaSourceName(MediaSource source); // "user", "site", "admin", "unknown"
MediaSource mediaSourceFromName(const QString& name);

// Where a site's streams (the HLS base, {playerServer}/{key}/index.m3u8) and the nginx-rtmp stat page are,
// and who said so.
struct MediaServer {
    QUrl playerServer{};
    MediaSource playerServerFrom = MediaSource::Unknown;
    QUrl statUrl{};
    MediaSource statFrom = MediaSource::Unknown;
    // The watch pages play through the site's plugin/Live/m3u8.php (protectLive, §3.3): the player server
    // itself is not shown to visitors.
    bool throughSite = false;

    bool knowsStreams() const { return !playerServer.isEmpty() || throughSite; }
    // One line for a person: "streams http://media/live (from the site's watch pages); stat page unknown".
    QString describe() const;
    QJsonObject toJson() const;
};

// Why a stream or the stat page was not looked at: nobody said where the media server is.
Error mediaServerUnknown(const QString& why = {});

} // namespace avld
