#pragma once

#include "mediaserver.h"
#include "sitelive.h"
#include "siteprofile.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <optional>

namespace avld {

class SiteClient;

// Finds each live's HLS URL the way the site tells it, most trusted first:
//   1. the player server the user gave (profile.playerServer): {it}/{key}/index.m3u8;
//   2. the stats' own `m3u8` (only multi-server sites list it, §3.2);
//   3. the live's watch page, as any visitor reads it (one page per live, `concurrency` at once, remembered
//      by the client for a while): the exact URL visitors play, protectLive's m3u8.php included;
//   4. the player server found earlier (the Live plugin's option read as an admin, or earlier watch pages).
// A live nobody tells about keeps an empty m3u8Url: we never guess {site}:8080. What the watch pages show
// of the player server is kept in the client's profile().found, source Site.
class MediaServerResolver : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        QList<SiteLive> lives;           // m3u8Url set as above, empty when unknown
        std::optional<Error> unresolved; // why some lives have no URL (media-server-unknown)
    };

    MediaServerResolver(SiteClient& site, int concurrency = 4, QObject* parent = nullptr);

    // `done` runs once, unless this object is destroyed first.
    void resolve(QList<SiteLive> lives, std::function<void(Outcome)> done);

    // Steps 1, 2, 3 and 4 for one live, once its watch page was read (or not: an error).
    static QUrl choose(const SiteProfile& profile, const SiteLive& live,
                       const std::optional<Result<QUrl>>& watchPage);
    // {playerServer}/{key}/index.m3u8 (§3.3's default), empty without a player server.
    static QUrl defaultHlsUrl(const QUrl& playerServer, const QString& key);

private:
    void pump();
    void finish();

    SiteClient& m_site;
    int m_concurrency;
    QList<SiteLive> m_lives;
    QList<std::optional<Result<QUrl>>> m_pages; // per live; nullopt: not read
    std::deque<int> m_toRead;
    int m_reading = 0;
    std::function<void(Outcome)> m_done;
};

} // namespace avld
