#include "sitethumbnail.h"

#include "media/framechecks.h"
#include "media/imageencoder.h"

namespace avld {

namespace {

ThumbnailClass fromCard(KnownCard card) {
    switch (card) {
    case KnownCard::AvideoOnAir:
        return ThumbnailClass::OnlineCard;
    case KnownCard::AvideoOffline:
        return ThumbnailClass::OfflineCard;
    case KnownCard::AvideoComingSoon:
        return ThumbnailClass::ComingSoonCard;
    case KnownCard::EncoderOnAir:
        return ThumbnailClass::EncoderPlaceholder;
    case KnownCard::EncoderNotFound:
        return ThumbnailClass::EncoderNotFound;
    case KnownCard::EncoderCreatingImages:
        return ThumbnailClass::EncoderCreatingImages;
    case KnownCard::AvideoLoopBackground:
        return ThumbnailClass::WaitingLoop;
    case KnownCard::None:
        break;
    }
    return ThumbnailClass::RealFrame;
}

bool inWindow(qint64 size, qint64 lo, qint64 hi) {
    return size >= lo && size <= hi;
}

} // namespace

SiteThumbnail SiteThumbnail::classify(const QUrl& url, const QByteArray& body, const QDateTime& fetchedAt) {
    SiteThumbnail t;
    t.url = url;
    t.fetchedAt = fetchedAt;
    t.bytes = body.size();
    t.image = QImage::fromData(body);
    if (inWindow(t.bytes, 70805, 70810)) {
        t.cls = ThumbnailClass::EncoderPlaceholder;
        t.detail = QStringLiteral("%1 bytes: AVideo counts this size as the encoder's OnAir placeholder")
                       .arg(t.bytes);
        return t;
    }
    if (inWindow(t.bytes, 2095335, 2095350)) {
        t.cls = ThumbnailClass::EncoderNotFound;
        t.detail =
            QStringLiteral("%1 bytes: AVideo counts this size as the encoder's notfound.gif").arg(t.bytes);
        return t;
    }
    if (t.image.isNull()) {
        t.cls = body.isEmpty() ? ThumbnailClass::FetchFailed : ThumbnailClass::NotAnImage;
        t.detail = body.isEmpty() ? QStringLiteral("the site sent an empty body")
                                  : QStringLiteral("%1 bytes that are not a picture").arg(t.bytes);
        return t;
    }
    t.verdict = FrameChecks::classify(t.image);
    if (t.verdict.card != KnownCard::None)
        t.cls = fromCard(t.verdict.card);
    else if (t.verdict.black || t.verdict.flat)
        t.cls = ThumbnailClass::Blank;
    else
        t.cls = ThumbnailClass::RealFrame;
    t.detail = t.verdict.reason();
    if (ImageEncoder::hasMarker(body))
        t.detail += QStringLiteral(" — made by AVideo Live Doctor's stand-in");
    return t;
}

SiteThumbnail SiteThumbnail::failed(const QUrl& url, const QString& why, const QDateTime& fetchedAt) {
    SiteThumbnail t;
    t.url = url;
    t.fetchedAt = fetchedAt;
    t.cls = ThumbnailClass::FetchFailed;
    t.detail = why;
    return t;
}

} // namespace avld
