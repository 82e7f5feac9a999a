#include "plural.h"

namespace avld {

QString countOf(qint64 count, const QString& one, const QString& many) {
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

QString partOf(qint64 part, qint64 total, const QString& one, const QString& many) {
    return QStringLiteral("%1 of %2 %3").arg(part).arg(total).arg(total == 1 ? one : many);
}

} // namespace avld
