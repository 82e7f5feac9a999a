#include "logtail.h"

#include <QFile>

namespace avld::test {

QString logTail(const QString& path, int maxChars, const QStringList& secrets) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log at %1)").arg(path);
    if (file.size() > maxChars * 4)
        file.seek(file.size() - maxChars * 4);
    QString text = QString::fromUtf8(file.readAll());
    for (const QString& secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    text = text.right(maxChars).trimmed();
    return text.isEmpty() ? QStringLiteral("(%1 is empty)").arg(path) : text;
}

} // namespace avld::test
