#include "encoderarguments.h"

#include <QCryptographicHash>

namespace avld {

Result<QUrl> encoderUrlArgument(const QString& text, const QString& option) {
    QUrl url = QUrl::fromUserInput(text);
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
        return Error{
            QStringLiteral("usage"), QStringLiteral("%1 %2 is not an http(s) URL").arg(option, text), {}};
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

QString encoderIdFor(const QUrl& url) {
    return QStringLiteral("enc-") +
           QString::fromLatin1(
               QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex().left(12));
}

EncoderTarget adminEncoderTarget(const QUrl& url) {
    return {.id = encoderIdFor(url), .name = url.host(), .url = url, .origin = EncoderOrigin::AdminAdded};
}

} // namespace avld
