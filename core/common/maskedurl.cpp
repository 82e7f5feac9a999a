#include "maskedurl.h"

#include <QRegularExpression>
#include <QStringList>

namespace avld {

QString maskedUrl(const QUrl& url) {
    static const QRegularExpression secretLike(
        QStringLiteral("^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_-]{12,}$"));
    QStringList segments = url.path(QUrl::FullyEncoded).split(QLatin1Char('/'));
    bool changed = false;
    for (QString& segment : segments) {
        if (secretLike.match(segment).hasMatch()) {
            segment = QStringLiteral("••••••••");
            changed = true;
        }
    }
    if (!changed)
        return url.toString();
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveUserInfo)
               .toString(QUrl::RemoveQuery | QUrl::RemoveFragment) +
           segments.join(QLatin1Char('/'));
}

} // namespace avld
