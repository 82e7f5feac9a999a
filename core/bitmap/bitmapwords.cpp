#include "bitmapwords.h"

#include "bitmap.h"

#include <cmath>

namespace avld {

QString groupedDigits(qint64 number) {
    QString digits = QString::number(number < 0 ? -number : number);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(' '));
    return number < 0 ? QLatin1Char('-') + digits : digits;
}

QString pixelLimitText(qint64 maxPixels) {
    if (maxPixels < 1'000'000)
        return groupedDigits(maxPixels);
    const double millions = double(maxPixels) / 1e6;
    if (millions >= 10)
        return QStringLiteral("%1 million").arg(std::llround(millions));
    QString text = QString::number(millions, 'f', 1);
    if (text.endsWith(QLatin1String(".0")))
        text.chop(2);
    return text + QStringLiteral(" million");
}

QString pictureSizeProblem(qint64 width, qint64 height, qint64 maxPixels) {
    const QString size = QStringLiteral("%1×%2 pixels").arg(width).arg(height);
    if (width <= 0 || height <= 0)
        return size + QStringLiteral(", an empty picture");
    if (width > Bitmap::kMaxSide || height > Bitmap::kMaxSide)
        return size +
               QStringLiteral(", a side longer than the %1 allowed").arg(groupedDigits(Bitmap::kMaxSide));
    if (width * height > maxPixels)
        return size + QStringLiteral(", more than the %1 allowed").arg(pixelLimitText(maxPixels));
    return {};
}

} // namespace avld
