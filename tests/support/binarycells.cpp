#include "binarycells.h"

#include <QStringList>

namespace avld::test {

namespace {

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

QString BinaryCells::filter(QSize size, const std::function<QString(int bit)>& bitOn) const {
    // Each cell's edges from the fractions themselves, as read() finds them: whole-pixel cells of one width
    // would drift from where read() looks when the cell width is not a whole number of pixels.
    const auto edge = [&](int cell) { return int(size.width() * (left + cellWidth * cell)); };
    const int height = int(size.height() * cellHeight);
    const int y0 = int(size.height() * top);
    QStringList filters;
    filters << QStringLiteral("drawbox=x=%1:y=%2:w=%3:h=%4:color=black:t=fill")
                   .arg(edge(0))
                   .arg(y0)
                   .arg(edge(bits) - edge(0))
                   .arg(height);
    for (int bit = 0; bit < bits; ++bit) {
        // The timeline option is evaluated per frame.
        filters << QStringLiteral("drawbox=x=%1:y=%2:w=%3:h=%4:color=white:t=fill:enable='%5'")
                       .arg(edge(bit))
                       .arg(y0)
                       .arg(edge(bit + 1) - edge(bit))
                       .arg(height)
                       .arg(bitOn(bit));
    }
    return filters.join(QLatin1Char(','));
}

qint64 BinaryCells::read(const QImage& image) const {
    if (image.isNull())
        return -1;
    const double width = image.width() * cellWidth;
    const double height = image.height() * cellHeight;
    const int y = int(image.height() * top + height / 2);
    const int radius = qMax(0, int(qMin(width, height) / 6));
    qint64 value = 0;
    for (int bit = 0; bit < bits; ++bit) {
        const int x = int(image.width() * left + width * (bit + 0.5));
        const int luma = lumaAround(image, x, y, radius);
        if (luma > 170)
            value |= qint64(1) << bit;
        else if (luma >= 85)
            return -1;
    }
    return value;
}

} // namespace avld::test
