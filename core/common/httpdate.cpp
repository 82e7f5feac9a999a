#include "httpdate.h"

namespace avld {

QDateTime parseHttpDate(QByteArrayView value) {
    // HTTP dates end in "GMT", which Qt 6.4's RFC 2822 parser rejects; it accepts the numeric zone.
    QString text = QString::fromLatin1(value).trimmed();
    if (text.endsWith(QStringLiteral(" GMT")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

} // namespace avld
