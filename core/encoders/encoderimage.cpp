#include "encoderimage.h"

#include "media/sitethumbnail.h"

#include <QUrlQuery>

namespace avld {

QUrl encoderImageUrl(const QUrl& encoderUrl, const QUrl& streamUrl, const QString& format, bool renew) {
    QUrl base = encoderUrl;
    if (!base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/')); // AVideo enforces the trailing slash too
    QUrl url = base.resolved(QUrl(QStringLiteral("objects/getImage.php")));
    QUrlQuery query;
    const QString base64 = QString::fromLatin1(streamUrl.toEncoded().toBase64());
    query.addQueryItem(QStringLiteral("base64Url"), QString::fromLatin1(QUrl::toPercentEncoding(base64)));
    query.addQueryItem(QStringLiteral("format"), format);
    if (renew)
        query.addQueryItem(QStringLiteral("renew"), QStringLiteral("1"));
    url.setQuery(query);
    return url;
}

EncoderImageVerdict judgeEncoderImage(const QByteArray& body) {
    EncoderImageVerdict verdict;
    verdict.bytes = body.size();
    if (body.isEmpty()) {
        verdict.frameClass = QStringLiteral("empty");
        verdict.detail = QStringLiteral("empty answer: AVideo shows its ONLINE card");
        return verdict;
    }
    const SiteThumbnail picture = SiteThumbnail::classify({}, body, {});
    verdict.cls = picture.cls;
    verdict.detail = picture.detail;
    switch (picture.cls) {
    case ThumbnailClass::RealFrame:
        verdict.frameClass = QStringLiteral("real-frame");
        break;
    case ThumbnailClass::Blank:
        verdict.frameClass = QStringLiteral("blank");
        break;
    case ThumbnailClass::NotAnImage:
    case ThumbnailClass::FetchFailed:
        verdict.frameClass = QStringLiteral("not-an-image");
        break;
    default:
        verdict.frameClass = QStringLiteral("encoder-placeholder");
        break;
    }
    return verdict;
}

} // namespace avld
