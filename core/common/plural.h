#pragma once

#include <QString>

namespace avld {

// "1 live", "3 lives": a count with its noun. Qt's %n plural forms need a loaded translation even for
// English (the translations are issue 18's work); until then English agreement is chosen here.
QString countOf(qint64 count, const QString& one, const QString& many);

// "of 3 lives" needs the plural even when the part is 1: the noun agrees with `total`.
QString partOf(qint64 part, qint64 total, const QString& one, const QString& many);

// A verb agreeing with a count: "shows" for 1, "show" otherwise.
inline const QString& agree(qint64 count, const QString& one, const QString& many) {
    return count == 1 ? one : many;
}

} // namespace avld
