#include "bitmapscale.h"

#include <algorithm>
#include <memory>

extern "C" {
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

namespace avld {

namespace {

// SWS_AREA, a box filter weighted by coverage, shrinks without aliasing as QImage's smooth scaling does;
// enlarging it would degrade to bilinear, so bicubic there.
int scaleFlags(const Bitmap& from, int width, int height) {
    const bool shrinking = width <= from.width() && height <= from.height();
    return (shrinking ? SWS_AREA : SWS_BICUBIC) | SWS_ACCURATE_RND;
}

// The three colour channels side by side as planes of one byte per pixel: blue, green, red.
struct Planes {
    Planes(qsizetype area)
        : bytes(std::make_unique_for_overwrite<uint8_t[]>(std::size_t(area) * 3)) {
        for (int channel = 0; channel < 3; ++channel)
            plane[channel] = bytes.get() + qsizetype(channel) * area;
    }
    std::unique_ptr<uint8_t[]> bytes; // every byte is written before it is read
    uint8_t* plane[3] = {};
};

void split(const Bitmap& bitmap, Planes& planes) {
    const Rgb* pixels = bitmap.constScanLine(0);
    for (qint64 i = 0; i < bitmap.pixelCount(); ++i) {
        planes.plane[0][i] = uint8_t(pixels[i]);
        planes.plane[1][i] = uint8_t(pixels[i] >> 8);
        planes.plane[2][i] = uint8_t(pixels[i] >> 16);
    }
}

void join(const Planes& planes, Bitmap& bitmap) {
    Rgb* pixels = bitmap.scanLine(0);
    for (qint64 i = 0; i < bitmap.pixelCount(); ++i)
        pixels[i] = 0xff000000u | (Rgb(planes.plane[2][i]) << 16) | (Rgb(planes.plane[1][i]) << 8) |
                    Rgb(planes.plane[0][i]);
}

} // namespace

Bitmap scaled(const Bitmap& source, int width, int height, qint64 maxPixels) {
    if (source.isNull())
        return Bitmap::refused(QStringLiteral("there is no picture to scale (%1)").arg(source.nullReason()));
    Bitmap target(width, height, maxPixels);
    if (target.isNull() || (width == source.width() && height == source.height()))
        return target.isNull() ? target : source;
    // Each channel is scaled as a grey plane of its own: the filter sees the values as they are, and on
    // packed RGB swscale took more than twice as long, splitting and joining included (bench_bitmapcodec).
    const std::unique_ptr<SwsContext, void (*)(SwsContext*)> context(
        sws_getContext(source.width(), source.height(), AV_PIX_FMT_GRAY8, width, height, AV_PIX_FMT_GRAY8,
                       scaleFlags(source, width, height), nullptr, nullptr, nullptr),
        sws_freeContext);
    const auto failed = [&] {
        return Bitmap::refused(QStringLiteral("swscale could not scale %1×%2 to %3×%4")
                                   .arg(source.width())
                                   .arg(source.height())
                                   .arg(width)
                                   .arg(height));
    };
    if (!context)
        return failed();
    Planes in(source.pixelCount());
    Planes out(target.pixelCount());
    split(source, in);
    for (int channel = 0; channel < 3; ++channel) {
        const uint8_t* const sourcePlanes[] = {in.plane[channel], nullptr, nullptr, nullptr};
        const int sourceStrides[] = {source.width(), 0, 0, 0};
        uint8_t* const targetPlanes[] = {out.plane[channel], nullptr, nullptr, nullptr};
        const int targetStrides[] = {width, 0, 0, 0};
        if (sws_scale(context.get(), sourcePlanes, sourceStrides, 0, source.height(), targetPlanes,
                      targetStrides) != height)
            return failed();
    }
    join(out, target);
    return target;
}

Bitmap scaledToWidth(const Bitmap& source, int width, qint64 maxPixels) {
    if (source.isNull())
        return scaled(source, width, 0, maxPixels);
    const qint64 height =
        std::max<qint64>(1, (qint64(source.height()) * width + source.width() / 2) / source.width());
    return scaled(source, width, int(std::min<qint64>(height, Bitmap::kMaxSide + 1)), maxPixels);
}

} // namespace avld
