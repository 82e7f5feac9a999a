#include "siteoverview.h"

namespace avld {

namespace {
QString withoutTrailingSlash(const QUrl& url) {
    QString text = url.adjusted(QUrl::NormalizePathSegments).toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}
} // namespace

bool sameEncoderUrl(const QUrl& a, const QUrl& b) {
    return !a.isEmpty() && withoutTrailingSlash(a) == withoutTrailingSlash(b);
}

OverviewCounts countOverview(const SiteOverview& overview) {
    OverviewCounts counts;
    if (overview.report) {
        for (const LiveEntry& live : overview.report->lives) {
            if (!live.site)
                continue; // a ghost stream: no tile on the site
            ++counts.lives;
            const ThumbnailClass cls =
                live.siteThumbnail ? live.siteThumbnail->cls : ThumbnailClass::FetchFailed;
            if (cls == ThumbnailClass::RealFrame)
                ++counts.realThumbnails;
            else if (cls == ThumbnailClass::OnlineCard)
                ++counts.onlineCards;
            else if (cls == ThumbnailClass::OfflineCard)
                ++counts.offlineCards;
            else
                ++counts.otherPlaceholders;
        }
    }
    for (const EncoderSnapshot& encoder : overview.encoders) {
        switch (encoder.state) {
        case EncoderState::Online:
            ++counts.encodersOnline;
            break;
        case EncoderState::Degraded:
            ++counts.encodersDegraded;
            break;
        case EncoderState::Offline:
            ++counts.encodersOffline;
            break;
        case EncoderState::Unknown:
        case EncoderState::Pending:
            ++counts.encodersUnknown;
            break;
        }
    }
    return counts;
}

const EncoderSnapshot* siteEncoderSnapshot(const SiteOverview& overview) {
    if (overview.siteEncoderUrl.isEmpty())
        return nullptr;
    for (const EncoderSnapshot& encoder : overview.encoders) {
        if (sameEncoderUrl(encoder.target.url, overview.siteEncoderUrl))
            return &encoder;
    }
    return nullptr;
}

} // namespace avld
