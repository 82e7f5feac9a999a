#include "sitethumbnail.h"

#include "bitmap/bitmapcodec.h"
#include "media/framechecks.h"
#include "media/imagemarker.h"
#include "remotetext.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUrlQuery>

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

bool looksLikeHtml(const QByteArray& contentType, const QByteArray& body) {
    const QByteArray start = body.left(512).trimmed().toLower();
    return contentType.toLower().contains("html") || start.startsWith("<!doctype") ||
           start.startsWith("<html") || start.startsWith("<br") || start.startsWith("<b>");
}

// What came back instead of a picture, in a few words a person can check: an HTML page's title or first
// words, cleaned (it is the site's text).
QString whatCameBack(const QByteArray& contentType, const QByteArray& body) {
    if (body.isEmpty())
        return QStringLiteral("an empty body");
    const QString type =
        contentType.isEmpty() ? QString() : QStringLiteral(", %1").arg(RemoteText::clean(contentType));
    if (looksLikeHtml(contentType, body)) {
        static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::DotMatchesEverythingOption);
        const QString html = QString::fromUtf8(body.left(4096));
        const QRegularExpressionMatch m = title.match(html);
        QString words = RemoteText::clean(m.hasMatch() ? m.captured(1) : html);
        if (words.size() > 80)
            words = words.left(79) + QStringLiteral("…");
        return QStringLiteral("an HTML page (%1 bytes%2) saying \"%3\"").arg(body.size()).arg(type, words);
    }
    return QStringLiteral("%1 bytes that are not a picture%2").arg(body.size()).arg(type);
}

} // namespace

SiteThumbnail SiteThumbnail::classify(const QUrl& url, const QByteArray& body, const QDateTime& fetchedAt) {
    SiteThumbnail t;
    t.url = url;
    t.fetchedAt = fetchedAt;
    t.bytes = body.size();
    t.digest = digestOf(body);
    if (Result<Bitmap> decoded = decodePicture(body))
        t.image = std::move(decoded).value();
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
    if (ImageMarker::madeByUs(body))
        t.detail += QStringLiteral(" — made by AVideo Live Doctor's stand-in");
    return t;
}

SiteThumbnail SiteThumbnail::fromReply(const QUrl& url, int status, const QByteArray& contentType,
                                       const QByteArray& body, const QDateTime& fetchedAt) {
    SiteThumbnail t = classify(url, body, fetchedAt);
    t.httpStatus = status;
    // A browser shows a picture whatever the status; an empty body is a broken image like any non-picture.
    if (body.isEmpty())
        t.cls = ThumbnailClass::NotAnImage;
    if (t.cls == ThumbnailClass::NotAnImage) {
        t.cameBack = whatCameBack(contentType, body);
        t.detail = QStringLiteral("HTTP %1 with %2").arg(status).arg(t.cameBack);
    }
    return t;
}

QByteArray SiteThumbnail::digestOf(const QByteArray& body) {
    return body.isEmpty() ? QByteArray() : QCryptographicHash::hash(body, QCryptographicHash::Sha256);
}

qint64 SiteThumbnail::avideoCacheLifetimeMs(const QUrl& url) {
    const QString format = QUrlQuery(url).queryItemValue(QStringLiteral("format")).toLower();
    const QString path = url.path().toLower();
    const bool animated = format == QStringLiteral("gif") || format == QStringLiteral("webp") ||
                          path.endsWith(QStringLiteral(".gif")) || path.endsWith(QStringLiteral(".webp")) ||
                          path.endsWith(QStringLiteral("/gif")) || path.endsWith(QStringLiteral("/webp"));
    return animated ? 900'000 : 300'000;
}

QString SiteThumbnail::scriptName() const {
    const QString name = url.fileName();
    return name.isEmpty() ? QStringLiteral("thumbnail URL") : name;
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
