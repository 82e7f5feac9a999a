#include "framecounter.h"

#include <QStringList>

namespace avld::test {

namespace {

// The row of cells, as fractions of the picture: starts a tenth in, each cell a twentieth wide and a
// fifteenth high, a forty-fifth below the top edge.
constexpr double kLeft = 1.0 / 10;
constexpr double kTop = 1.0 / 45;
constexpr double kCellWidth = 1.0 / 20;
constexpr double kCellHeight = 1.0 / 15;

// Mean luma of a small square around (x, y).
int lumaAround(const QImage& image, int x, int y, int radius) {
    int sum = 0, count = 0;
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const int px = qBound(0, x + dx, image.width() - 1);
            const int py = qBound(0, y + dy, image.height() - 1);
            const QRgb rgb = image.pixel(px, py);
            sum += (qRed(rgb) * 299 + qGreen(rgb) * 587 + qBlue(rgb) * 114) / 1000;
            ++count;
        }
    }
    return sum / count;
}

} // namespace

QString FrameCounter::filter(QSize size) {
    const int cellWidth = int(size.width() * kCellWidth);
    const int cellHeight = int(size.height() * kCellHeight);
    const int left = int(size.width() * kLeft);
    const int top = int(size.height() * kTop);
    QStringList filters;
    filters << QStringLiteral("drawbox=x=%1:y=%2:w=%3:h=%4:color=black:t=fill")
                   .arg(left)
                   .arg(top)
                   .arg(cellWidth * Bits)
                   .arg(cellHeight);
    for (int bit = 0; bit < Bits; ++bit) {
        // The timeline option is evaluated per frame; `n` is the frame's number.
        filters << QStringLiteral(
                       "drawbox=x=%1:y=%2:w=%3:h=%4:color=white:t=fill:enable='mod(floor(n/%5),2)'")
                       .arg(left + bit * cellWidth)
                       .arg(top)
                       .arg(cellWidth)
                       .arg(cellHeight)
                       .arg(1 << bit);
    }
    return filters.join(QLatin1Char(','));
}

int FrameCounter::read(const QImage& image) {
    if (image.isNull())
        return -1;
    const double cellWidth = image.width() * kCellWidth;
    const double cellHeight = image.height() * kCellHeight;
    const int y = int(image.height() * kTop + cellHeight / 2);
    const int radius = qMax(0, int(qMin(cellWidth, cellHeight) / 6));
    int value = 0;
    for (int bit = 0; bit < Bits; ++bit) {
        const int x = int(image.width() * kLeft + cellWidth * (bit + 0.5));
        const int luma = lumaAround(image, x, y, radius);
        if (luma > 170)
            value |= 1 << bit;
        else if (luma >= 85)
            return -1;
    }
    return value;
}

} // namespace avld::test
