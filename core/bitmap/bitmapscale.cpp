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
// enlarging it would degrade to bilinear, so bicubic there. The FULL_CHR flags and ACCURATE_RND keep colour
// at full resolution and rounding exact wherever swscale takes its YUV path (core's thumbnail renderer
// found it did); with FFmpeg 5.1 and these packed RGB formats they changed nothing measurable.
int scaleFlags(const Bitmap& from, int width, int height) {
    const bool shrinking = width <= from.width() && height <= from.height();
    return (shrinking ? SWS_AREA : SWS_BICUBIC) | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP | SWS_ACCURATE_RND;
}

} // namespace

Bitmap scaled(const Bitmap& source, int width, int height, qint64 maxPixels) {
    if (source.isNull())
        return Bitmap::refused(QStringLiteral("there is no picture to scale (%1)").arg(source.nullReason()));
    Bitmap target(width, height, maxPixels);
    if (target.isNull() || (width == source.width() && height == source.height()))
        return target.isNull() ? target : source;
    // 0RGB32 and RGB32 are Bitmap's 0xffRRGGBB in native order: the X byte ignored going in, set to 255
    // coming out.
    const std::unique_ptr<SwsContext, void (*)(SwsContext*)> context(
        sws_getContext(source.width(), source.height(), AV_PIX_FMT_0RGB32, width, height, AV_PIX_FMT_RGB32,
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
    const uint8_t* const sourcePlanes[] = {source.constBits(), nullptr, nullptr, nullptr};
    const int sourceStrides[] = {int(source.bytesPerLine()), 0, 0, 0};
    uint8_t* const targetPlanes[] = {target.bits(), nullptr, nullptr, nullptr};
    const int targetStrides[] = {int(target.bytesPerLine()), 0, 0, 0};
    if (sws_scale(context.get(), sourcePlanes, sourceStrides, 0, source.height(), targetPlanes,
                  targetStrides) != height)
        return failed();
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
