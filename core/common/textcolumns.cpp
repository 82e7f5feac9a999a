#include "textcolumns.h"

#include <QList>

namespace avld {

namespace {

const QString kEllipsis = QStringLiteral("…");

bool inRange(char32_t c, char32_t lo, char32_t hi) {
    return c >= lo && c <= hi;
}

} // namespace

// The wide ranges of Unicode's East Asian Width (W and F) that matter in titles, as wcwidth() counts them.
int TextColumns::cellsOf(char32_t c) {
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
        category == QChar::Other_Format)
        return 0;
    if (inRange(c, 0x1100, 0x115f) || inRange(c, 0x2e80, 0x303e) || inRange(c, 0x3041, 0x33ff) ||
        inRange(c, 0x3400, 0x4dbf) || inRange(c, 0x4e00, 0x9fff) || inRange(c, 0xa000, 0xa4cf) ||
        inRange(c, 0xac00, 0xd7a3) || inRange(c, 0xf900, 0xfaff) || inRange(c, 0xfe30, 0xfe4f) ||
        inRange(c, 0xff00, 0xff60) || inRange(c, 0xffe0, 0xffe6) || inRange(c, 0x1f300, 0x1f64f) ||
        inRange(c, 0x1f900, 0x1f9ff) || inRange(c, 0x20000, 0x2fffd) || inRange(c, 0x30000, 0x3fffd))
        return 2;
    return 1;
}

int TextColumns::width(const QString& text) {
    int cells = 0;
    for (const char32_t point : text.toUcs4())
        cells += cellsOf(point);
    return cells;
}

QString TextColumns::elide(const QString& text, int columns) {
    if (columns <= 0)
        return {};
    if (width(text) <= columns)
        return text;
    const QList<uint> points = text.toUcs4();
    QString out;
    int cells = 0;
    for (const char32_t point : points) {
        const int w = cellsOf(point);
        if (cells + w > columns - 1) // room for the ellipsis
            break;
        out += QString::fromUcs4(&point, 1);
        cells += w;
    }
    return out.trimmed() + kEllipsis;
}

QString TextColumns::fit(const QString& text, int columns) {
    const QString shown = elide(text, columns);
    return shown + QString(qMax(0, columns - width(shown)), QLatin1Char(' '));
}

} // namespace avld
