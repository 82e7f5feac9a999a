#include "posterevidence.h"

#include "media/framechecks.h"
#include "media/perceptualhash.h"

namespace avld {

QUrl PosterEvidence::posterFileUrl(const QUrl& siteUrl, const SiteLive& live) {
    if (live.usersId <= 0)
        return {};
    return siteUrl.resolved(QUrl(QStringLiteral("videos/userPhoto/Live/user_%1_thumbs_%2.jpg")
                                     .arg(live.usersId)
                                     .arg(live.liveServersId)));
}

std::optional<int> PosterEvidence::distanceToOurFrame(const SiteThumbnail& site, const Bitmap& ourFrame) {
    if (site.image.isNull() || ourFrame.isNull())
        return std::nullopt;
    const quint64 a = PerceptualHash::compute(site.image);
    const quint64 b = PerceptualHash::compute(ourFrame);
    if (PerceptualHash::structureBits(a) < FrameChecks::kMinStructureBits ||
        PerceptualHash::structureBits(b) < FrameChecks::kMinStructureBits)
        return std::nullopt;
    return PerceptualHash::distance(a, b);
}

bool PosterEvidence::couldBePoster(const SiteThumbnail& site) {
    return site.cls == ThumbnailClass::RealFrame || site.cls == ThumbnailClass::Blank;
}

bool PosterEvidence::needsAnimatedProof(const SiteThumbnail& site, std::optional<int> distance) {
    return couldBePoster(site) && (!distance || *distance > kNearOurFrameMaxDistance);
}

void PosterEvidence::markPosterFile(SiteThumbnail& site, const QUrl& posterFile) {
    site.cls = ThumbnailClass::StaticPoster;
    site.detail = QStringLiteral("byte for byte the streamer's poster %1").arg(posterFile.path());
}

void PosterEvidence::markStillForEveryFormat(SiteThumbnail& site, std::optional<int> distance) {
    site.cls = ThumbnailClass::StaticPoster;
    site.detail =
        QStringLiteral("the site serves the same still file for jpg and webp (an encoder never does)");
    if (distance)
        site.detail += QStringLiteral("; %1 of 64 bits from our own frame of the stream").arg(*distance);
}

} // namespace avld
