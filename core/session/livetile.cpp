#include "livetile.h"

#include "site/sitecheck.h"

#include <QHash>
#include <QTransform>
#include <QtConcurrent>

namespace avld {

QString tileBadgeText(TileBadge badge) {
    switch (badge) {
    case TileBadge::Real:
        return QStringLiteral("real");
    case TileBadge::EncoderPlaceholder:
        return QStringLiteral("encoder placeholder");
    case TileBadge::OnlineCard:
        return QStringLiteral("ONLINE card");
    case TileBadge::OfflineCard:
        return QStringLiteral("OFFLINE card");
    case TileBadge::OtherCard:
        return QStringLiteral("other card");
    case TileBadge::Black:
        return QStringLiteral("black");
    case TileBadge::Frozen:
        return QStringLiteral("frozen");
    case TileBadge::Stale:
        return QStringLiteral("stale");
    case TileBadge::Unknown:
        return QStringLiteral("unknown");
    case TileBadge::Poster:
        return QStringLiteral("static poster");
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
QImage scaledToTile(const QImage& image, QSize size) {
    if (image.size() == size)
        return image;
    return image.scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QSize fitWidth(QSize size) {
    if (size.width() <= LiveTile::kMaxImageWidth)
        return size;
    return {LiveTile::kMaxImageWidth,
            qMax(1, qRound(double(size.height()) * LiveTile::kMaxImageWidth / size.width()))};
}

size_t imageHash(const QImage& image) {
    if (image.isNull())
        return 0;
    // A non-zero seed lets Qt use its AES hash where the CPU has it: ~10x faster than SipHash here.
    return qHashBits(image.constBits(), size_t(image.sizeInBytes()), 1);
}

// Our frame as a viewer sees it (sample aspect and rotation applied), at most kMaxImageWidth wide.
QImage displayImage(const GrabbedFrame& frame) {
    if (frame.isNull())
        return {};
    const bool quarterTurn = frame.rotationDegrees == 90 || frame.rotationDegrees == 270;
    const QSize shown = fitWidth(frame.displaySize());
    const QImage scaled = scaledToTile(frame.image, quarterTurn ? shown.transposed() : shown);
    if (frame.rotationDegrees == 0)
        return scaled;
    return scaled.transformed(QTransform().rotate(frame.rotationDegrees));
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
    if (fetched) {
        if (!thumb->image.isNull())
            tile.siteImage = scaledToTile(thumb->image, fitWidth(thumb->image.size()));
        tile.siteImageHash = imageHash(tile.siteImage);
        tile.siteFetchedAt = thumb->fetchedAt;
        tile.badge = badgeForClass(thumb->cls);
        return;
    }
    if (before && !before->siteImage.isNull()) {
        // Keep the last picture the site gave, marked with its age, rather than a hole in the grid.
        tile.siteImage = before->siteImage;
        tile.siteImageHash = before->siteImageHash;
        tile.siteFetchedAt = before->siteFetchedAt;
        tile.siteClass = before->siteClass;
        if (tile.siteFetchedAt.isValid() && tile.checkedAt.isValid())
            tile.siteImageAgeMs = tile.siteFetchedAt.msecsTo(tile.checkedAt);
        tile.badge = TileBadge::Stale;
        return;
    }
    tile.badge = TileBadge::Unknown;
}

void fillOurs(LiveTile& tile, const LiveEntry& entry) {
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
}

// The site shows the very same picture as last time while our own grab shows the stream moving.
bool isFrozen(const LiveTile& tile, const LiveTile& before) {
    return tile.badge == TileBadge::Real && before.siteImageHash != 0 &&
           tile.siteImageHash == before.siteImageHash && tile.ourImageHash != 0 && before.ourImageHash != 0 &&
           tile.ourImageHash != before.ourImageHash;
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
    fillSite(tile, entry, before);
    fillOurs(tile, entry);
    if (before && isFrozen(tile, *before))
        tile.badge = TileBadge::Frozen;
    return tile;
}

} // namespace

QList<LiveTile> liveTilesFromReport(const SiteCheckReport& report, const QList<LiveTile>& previous) {
    QHash<QString, const LiveTile*> byKey;
    byKey.reserve(previous.size());
    for (const LiveTile& tile : previous)
        byKey.insert(tile.key, &tile);
    const QDateTime checkedAt = report.startedAt.isValid() ? report.startedAt.addMSecs(report.elapsedMs)
                                                           : QDateTime::currentDateTimeUtc();
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
