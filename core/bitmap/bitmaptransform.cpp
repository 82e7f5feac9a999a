#include "bitmaptransform.h"

#include <algorithm>
#include <vector>

namespace avld {

Bitmap rotatedClockwise(const Bitmap& source, int degrees) {
    if (source.isNull() || (degrees != 90 && degrees != 180 && degrees != 270))
        return source;
    const int w = source.width();
    const int h = source.height();
    const bool quarter = degrees != 180;
    Bitmap turned(quarter ? h : w, quarter ? w : h, source.pixelCount());
    for (int y = 0; y < turned.height(); ++y) {
        Rgb* line = turned.scanLine(y);
        // The source pixel that lands at (x, y).
        if (degrees == 90) {
            for (int x = 0; x < turned.width(); ++x)
                line[x] = source.pixel(y, h - 1 - x);
        } else if (degrees == 180) {
            const Rgb* from = source.constScanLine(h - 1 - y);
            for (int x = 0; x < turned.width(); ++x)
                line[x] = from[w - 1 - x];
        } else {
            for (int x = 0; x < turned.width(); ++x)
                line[x] = source.pixel(w - 1 - y, x);
        }
    }
    return turned;
}

Bitmap scaledFast(const Bitmap& source, int width, int height, qint64 maxPixels) {
    if (source.isNull())
        return Bitmap::refused(QStringLiteral("there is no picture to scale (%1)").arg(source.nullReason()));
    Bitmap target(width, height, maxPixels);
    if (target.isNull() || (width == source.width() && height == source.height()))
        return target.isNull() ? target : source;
    // The source pixel under each target pixel's centre, (x + 0.5) * step, in steps of 16.16 fixed point
    // rounded down as QImage's fast scaling takes them (its very pixels, measured: tst_bitmaptransform).
    const auto under = [](int target, int sourceLength, int targetLength) {
        const qint64 step = (qint64(sourceLength) << 16) / targetLength;
        return int(std::min<qint64>((step / 2 + target * step) >> 16, sourceLength - 1));
    };
    std::vector<int> columns(static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x)
        columns[std::size_t(x)] = under(x, source.width(), width);
    for (int y = 0; y < height; ++y) {
        const int sourceY = under(y, source.height(), height);
        const Rgb* from = source.constScanLine(sourceY);
        Rgb* line = target.scanLine(y);
        for (int x = 0; x < width; ++x)
            line[x] = from[columns[std::size_t(x)]];
    }
    return target;
}

} // namespace avld
