#pragma once

#include "result.h"

#include <QJsonDocument>
#include <QList>
#include <QUrl>

namespace avld {

// One live as the site lists it (plugin/Live/stats.json.php, §3.2).
struct SiteLive {
    QString key; // stream key, possibly with -index / _playlist suffixes
    int liveServersId = 0;
    QString title; // RemoteText::clean(): HTML, AVideo's &zwnj;, control characters and escapes removed
    qint64 usersId = 0;
    QString userName; // display name, cleaned like the title
    QUrl watchUrl;
    QUrl posterUrl; // resolved against the site: plugin/Live/getImage.php?…&format=jpg
    QUrl gifUrl;    // …&format=webp, empty when the site disabled animated thumbnails
    QUrl m3u8Url;   // only in the multi-server branch of the stats
    QString type;   // "live", "scheduleLive", …
    bool isPrivate = false;
    bool isReady = true; // isLiveAndIsReadyFromKey when present
};

// Reads the stats JSON; site-relative URLs are resolved against `siteUrl`.
// Fails with "bad-answer" when there is no applications array.
Result<QList<SiteLive>> parseSiteLives(const QJsonDocument& json, const QUrl& siteUrl);

} // namespace avld
