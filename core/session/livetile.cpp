#include "livetile.h"

#include "bitmap/bitmaptransform.h"
#include "site/sitecheck.h"

#include <QCoreApplication>
#include <QHash>
#include <QtConcurrent>

namespace avld {

// Shown only in the window (the Lives page's badges and tooltips): in the user's language.
QString tileBadgeText(TileBadge badge) {
    switch (badge) {
    case TileBadge::Real:
        return QCoreApplication::translate("avld::TileBadge", "real");
    case TileBadge::EncoderPlaceholder:
        return QCoreApplication::translate("avld::TileBadge", "encoder placeholder");
    case TileBadge::OnlineCard:
        return QCoreApplication::translate("avld::TileBadge", "ONLINE card");
    case TileBadge::OfflineCard:
        return QCoreApplication::translate("avld::TileBadge", "OFFLINE card");
    case TileBadge::OtherCard:
        return QCoreApplication::translate("avld::TileBadge", "other card");
    case TileBadge::Black:
        return QCoreApplication::translate("avld::TileBadge", "black");
    case TileBadge::Frozen:
        return QCoreApplication::translate("avld::TileBadge", "frozen");
    case TileBadge::Stale:
        return QCoreApplication::translate("avld::TileBadge", "stale");
    case TileBadge::Unknown:
        return QCoreApplication::translate("avld::TileBadge", "unknown");
    case TileBadge::Poster:
        return QCoreApplication::translate("avld::TileBadge", "static poster");
    }
    return {};
}

QString tileBadgeExplanation(TileBadge badge) {
    switch (badge) {
    case TileBadge::Real:
        return QCoreApplication::translate("avld::TileBadge", "Visitors see a real frame of the live.");
    case TileBadge::EncoderPlaceholder:
        return QCoreApplication::translate(
            "avld::TileBadge",
            "Visitors see the encoder's own placeholder: the encoder answered but had no "
            "frame of this live. Check that the encoder can play the stream, or switch the "
            "site to a working encoder or the stand-in.");
    case TileBadge::OnlineCard:
        return QCoreApplication::translate(
            "avld::TileBadge",
            "Visitors see AVideo's grey ONLINE card: the site's encoder gave no picture "
            "within 2 s. Check the encoder (Encoders page), or start the stand-in and switch "
            "the site to it, then clear the live caches.");
    case TileBadge::OfflineCard:
        return QCoreApplication::translate(
            "avld::TileBadge", "Visitors see AVideo's OFFLINE card: the site thinks this live is not "
                               "running. If it is publishing, check the media server's stat page and the "
                               "site's Live plugin settings.");
    case TileBadge::OtherCard:
        return QCoreApplication::translate(
            "avld::TileBadge",
            "Visitors see a card or placeholder instead of a frame. The tooltip's Site line "
            "says which.");
    case TileBadge::Black:
        return QCoreApplication::translate(
            "avld::TileBadge", "Visitors see a black or blank picture. If our own frame shows pictures, the "
                               "encoder grabbed too early or from a broken segment: clear the live caches.");
    case TileBadge::Frozen:
        return QCoreApplication::translate(
            "avld::TileBadge",
            "The site has shown the same picture for longer than AVideo keeps it in its "
            "cache, while the stream moved: the encoder is not asked again or answers with "
            "an old frame. Clear the live caches; if it stays, check the encoder.");
    case TileBadge::Stale:
        return QCoreApplication::translate(
            "avld::TileBadge", "The site's picture could not be fetched this time; this is the last one it "
                               "gave, with its age. Check that the site answers.");
    case TileBadge::Unknown:
        return QCoreApplication::translate(
            "avld::TileBadge",
            "Not known yet: the site's picture could not be fetched. The tooltip says why.");
    case TileBadge::Poster:
        return QCoreApplication::translate(
            "avld::TileBadge", "Visitors see the streamer's static poster instead of a live frame: AVideo "
                               "shows it when it gets no frame. Check the site's encoder.");
    }
    return {};
}

bool isCardBadge(TileBadge badge) {
    return badge == TileBadge::EncoderPlaceholder || badge == TileBadge::OnlineCard ||
           badge == TileBadge::OfflineCard || badge == TileBadge::OtherCard || badge == TileBadge::Poster;
}

namespace {

// Fast scaling: smooth scaling of 200 pictures 640x360 -> 480x270 costs ~150 ms, fast ~25 ms, and the
// view scales them down once more (smoothly) into tiles a few hundred pixels wide.
Bitmap scaledToTile(const Bitmap& image, QSize size) {
    return scaledFast(image, size.width(), size.height());
}

QSize fitWidth(QSize size) {
    if (size.width() <= LiveTile::kMaxImageWidth)
        return size;
    return {LiveTile::kMaxImageWidth,
            qMax(1, qRound(double(size.height()) * LiveTile::kMaxImageWidth / size.width()))};
}

size_t imageHash(const Bitmap& image) {
    if (image.isNull())
        return 0;
    // A non-zero seed lets Qt use its AES hash where the CPU has it: ~10x faster than SipHash here.
    return qHashBits(image.constBits(), size_t(image.sizeInBytes()), 1);
}

// Our frame as a viewer sees it (sample aspect and rotation applied), at most kMaxImageWidth wide.
Bitmap displayImage(const GrabbedFrame& frame) {
    if (frame.isNull())
        return {};
    const bool quarterTurn = frame.rotationDegrees == 90 || frame.rotationDegrees == 270;
    const QSize shown = fitWidth(frame.displaySize());
    const Bitmap scaled = scaledToTile(frame.image, quarterTurn ? shown.transposed() : shown);
    return rotatedClockwise(scaled, frame.rotationDegrees);
}

TileBadge badgeForClass(ThumbnailClass cls) {
    switch (cls) {
    case ThumbnailClass::RealFrame:
        return TileBadge::Real;
    case ThumbnailClass::EncoderPlaceholder:
    case ThumbnailClass::EncoderNotFound:
    case ThumbnailClass::EncoderCreatingImages:
        return TileBadge::EncoderPlaceholder;
    case ThumbnailClass::OnlineCard:
        return TileBadge::OnlineCard;
    case ThumbnailClass::OfflineCard:
        return TileBadge::OfflineCard;
    case ThumbnailClass::ComingSoonCard:
    case ThumbnailClass::WaitingLoop:
    case ThumbnailClass::NotAnImage:
        return TileBadge::OtherCard;
    case ThumbnailClass::Blank:
        return TileBadge::Black;
    case ThumbnailClass::FetchFailed:
        return TileBadge::Unknown;
    case ThumbnailClass::StaticPoster:
        return TileBadge::Poster;
    }
    return TileBadge::Unknown;
}

void fillSite(LiveTile& tile, const LiveEntry& entry, const LiveTile* before) {
    const std::optional<SiteThumbnail>& thumb = entry.siteThumbnail;
    const bool fetched = thumb && thumb->cls != ThumbnailClass::FetchFailed;
    if (thumb) {
        tile.siteClass = thumb->cls;
        tile.siteDetail = thumb->detail;
    }
    tile.siteCacheLifetimeMs = SiteThumbnail::avideoCacheLifetimeMs(thumb ? thumb->url : QUrl());
    if (fetched) {
        if (!thumb->image.isNull())
            tile.siteImage =
                scaledToTile(thumb->image, fitWidth(QSize(thumb->image.width(), thumb->image.height())));
        tile.siteImageHash = imageHash(tile.siteImage);
        tile.siteFetchedAt = thumb->fetchedAt;
        const bool same = before && tile.siteImageHash != 0 && before->siteImageHash == tile.siteImageHash;
        tile.siteSameSince = same && before->siteSameSince.isValid() ? before->siteSameSince
                             : same                                  ? before->siteFetchedAt
                                                                     : thumb->fetchedAt;
        tile.badge = badgeForClass(thumb->cls);
        return;
    }
    if (before && !before->siteImage.isNull()) {
        // Keep the last picture the site gave, marked with its age, rather than a hole in the grid.
        tile.siteImage = before->siteImage;
        tile.siteImageHash = before->siteImageHash;
        tile.siteFetchedAt = before->siteFetchedAt;
        tile.siteSameSince = before->siteSameSince;
        tile.siteClass = before->siteClass;
        if (tile.siteFetchedAt.isValid() && tile.checkedAt.isValid())
            tile.siteImageAgeMs = tile.siteFetchedAt.msecsTo(tile.checkedAt);
        tile.badge = TileBadge::Stale;
        return;
    }
    tile.badge = TileBadge::Unknown;
}

void fillOurs(LiveTile& tile, const LiveEntry& entry, const LiveTile* before) {
    if (!entry.ourGrab)
        return;
    const Result<GrabResult>& grab = *entry.ourGrab;
    if (!grab.ok()) {
        tile.ourError = grab.error().toString();
        return;
    }
    tile.ourFrameAgeMs = grab->report.frameAgeMs;
    if (grab->frames.isEmpty())
        return;
    tile.ourImage = displayImage(grab->frame());
    tile.ourImageHash = imageHash(tile.ourImage);
    if (!before || before->ourImageHash == 0)
        tile.ourChangedAt = {}; // nothing to compare with yet
    else if (before->ourImageHash == tile.ourImageHash)
        tile.ourChangedAt = before->ourChangedAt;
    else
        tile.ourChangedAt = tile.checkedAt;
}

// The site has served the very same picture for longer than AVideo's cache explains, while our own grab saw
// the stream move in that time.
bool isFrozen(const LiveTile& tile) {
    if (tile.badge != TileBadge::Real || !tile.siteSameSince.isValid() || !tile.checkedAt.isValid())
        return false;
    const bool pastTheCache = tile.siteSameSince.msecsTo(tile.checkedAt) > tile.siteCacheLifetimeMs;
    const bool streamMoved = tile.ourChangedAt.isValid() && tile.ourChangedAt > tile.siteSameSince;
    return pastTheCache && streamMoved;
}

LiveTile tileFor(const LiveEntry& entry, const LiveTile* before, const QDateTime& checkedAt) {
    LiveTile tile;
    tile.key = entry.key;
    tile.title = entry.title();
    if (entry.site)
        tile.user = entry.site->userName;
    if (entry.mediaKnown) {
        tile.viewers = entry.media ? entry.media->clients : 0;
        tile.bitrateBps = entry.media ? entry.media->bitrateIn : 0;
    }
    tile.checkedAt = checkedAt;
    tile.assessment = entry.assess();
    tile.health = scoreLive(entry);
    fillSite(tile, entry, before);
    fillOurs(tile, entry, before);
    tile.sound = LiveSound::follow(before ? before->sound : LiveSound{}, entry, checkedAt);
    tile.picture = LivePicture::follow(before ? before->picture : LivePicture{}, entry, checkedAt);
    if (isFrozen(tile))
        tile.badge = TileBadge::Frozen;
    return tile;
}

} // namespace

QList<LiveTile> liveTilesFromReport(const SiteCheckReport& report, const QList<LiveTile>& previous) {
    QHash<QString, const LiveTile*> byKey;
    byKey.reserve(previous.size());
    for (const LiveTile& tile : previous)
        byKey.insert(tile.key, &tile);
    const QDateTime checkedAt = report.checkedAt();
    // Each tile scales two pictures and assesses its live (FrameChecks on our frame): spread over the cores.
    return QtConcurrent::blockingMapped<QList<LiveTile>>(report.lives, [&](const LiveEntry& entry) {
        return tileFor(entry, byKey.value(entry.key), checkedAt);
    });
}

QFuture<QList<LiveTile>> liveTilesFromReportAsync(SiteCheckReport report, QList<LiveTile> previous) {
    return QtConcurrent::run([report = std::move(report), previous = std::move(previous)] {
        return liveTilesFromReport(report, previous);
    });
}

} // namespace avld
