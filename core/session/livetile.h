#pragma once

#include "bitmap/bitmap.h"
#include "media/thumbnailclass.h"
#include "site/liveentry.h"
#include "site/livehealth.h"
#include "site/livepicture.h"
#include "site/livesound.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>

namespace avld {

struct SiteCheckReport;

// What a visitor sees in a live's tile, in the words the Lives page shows on its badge.
enum class TileBadge {
    Real,
    EncoderPlaceholder,
    OnlineCard,
    OfflineCard,
    OtherCard,
    Black,
    Frozen,
    Stale,
    Unknown,
    Poster, // the streamer's static poster instead of a frame
};

QString tileBadgeText(TileBadge badge);
bool isCardBadge(TileBadge badge);

// One live, ready to show: pictures scaled down for the screen, figures, and what is wrong with it.
struct LiveTile {
    static constexpr int kMaxImageWidth = 480;

    QString key;
    QString title;
    QString user;
    int viewers = -1;       // -1: unknown
    qint64 bitrateBps = -1; // -1: unknown

    Bitmap siteImage; // at most kMaxImageWidth wide; null when the site gave none
    size_t siteImageHash = 0;
    QDateTime siteFetchedAt;
    qint64 siteImageAgeMs = -1;           // how old the site picture is at checkedAt; set for Stale tiles
    QDateTime siteSameSince;              // since when the site has served this very picture
    qint64 siteCacheLifetimeMs = 300'000; // how long AVideo may serve it from its cache (by format)
    ThumbnailClass siteClass = ThumbnailClass::FetchFailed;
    QString siteDetail;

    Bitmap ourImage; // our own grab, display-corrected and scaled down; null when none
    size_t ourImageHash = 0;
    QString ourError;
    qint64 ourFrameAgeMs = -1;
    QDateTime ourChangedAt; // when our own picture of the stream last changed
    LiveSound sound;        // its sound, followed from the previous tile: since when it has been silent
    LivePicture picture;    // its stream's picture, followed likewise: since when it is still, or black

    QDateTime checkedAt;
    LiveAssessment assessment;
    TileBadge badge = TileBadge::Unknown;
    HealthScore health{};
};

// What a badge means and what to do about it, in plain words (the badge's tooltip).
QString tileBadgeExplanation(TileBadge badge);

// Builds the tiles of a site check. `previous` (the last refresh's tiles) lets a tile say that the site's
// picture is frozen while the stream moves, keep the last picture (Stale) when this fetch failed, and say
// since when the stream has been silent (LiveSound::follow from the previous tile's sound). Frozen
// only once the picture has stayed the same for longer than AVideo's cache keeps it for that format, while
// our own frames of the stream changed: before that, AVideo's cache explains an unchanged picture.
// Spreads the work over the global thread pool but blocks until done (~100 ms for 100 lives on 2 cores).
QList<LiveTile> liveTilesFromReport(const SiteCheckReport& report, const QList<LiveTile>& previous = {});
// The same off the calling thread: what the GUI should use, so a refresh never blocks its event loop.
QFuture<QList<LiveTile>> liveTilesFromReportAsync(SiteCheckReport report, QList<LiveTile> previous = {});

} // namespace avld
