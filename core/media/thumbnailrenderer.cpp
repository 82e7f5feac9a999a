#include "thumbnailrenderer.h"

#include "bitmap/bitmaptransform.h"

#include <cmath>
#include <cstring>
#include <utility>

extern "C" {
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

namespace avld {

namespace {

// Downscaling (the usual case: 720p/1080p into 640x360) uses SWS_AREA, a box filter weighted by coverage: no
// aliasing, and measured about twice as fast as SWS_BICUBIC for 1080p -> 360p (RGB in and out makes swscale
// convert through YUV, which dominates the cost). Enlarging a small source uses SWS_BICUBIC, the default of
// FFmpeg's scale filter, where area would degrade to bilinear. The FULL_CHR flags keep chroma at full
// horizontal resolution; without them swscale shares one chroma sample between two output pixels, which
// smears coloured edges at this size.
int scaleFlags(QSize from, QSize to) {
    const bool shrinking = to.width() <= from.width() && to.height() <= from.height();
    return (shrinking ? SWS_AREA : SWS_BICUBIC) | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP | SWS_ACCURATE_RND;
}

int normalisedRotation(int degrees) {
    return ((degrees % 360) + 360) % 360;
}

qint64 rescaleRounded(qint64 a, qint64 b, qint64 c) {
    return (a * b + c / 2) / c; // av_rescale's rounding (half away from zero) for positive values
}

void copyInto(Bitmap& canvas, const Bitmap& picture, QPoint at) {
    const qsizetype rowBytes = picture.bytesPerLine();
    for (int y = 0; y < picture.height(); ++y)
        std::memcpy(canvas.scanLine(at.y() + y) + at.x(), picture.constScanLine(y), std::size_t(rowBytes));
}

} // namespace

ThumbnailRenderer::ThumbnailRenderer(QSize box, Mode mode)
    : m_box(box)
    , m_mode(mode) {}

ThumbnailRenderer::~ThumbnailRenderer() {
    sws_freeContext(m_sws);
}

ThumbnailRenderer::ThumbnailRenderer(ThumbnailRenderer&& other) noexcept
    : m_box(other.m_box)
    , m_mode(other.m_mode)
    , m_sws(std::exchange(other.m_sws, nullptr)) {}

ThumbnailRenderer& ThumbnailRenderer::operator=(ThumbnailRenderer&& other) noexcept {
    if (this != &other) {
        sws_freeContext(m_sws);
        m_box = other.m_box;
        m_mode = other.m_mode;
        m_sws = std::exchange(other.m_sws, nullptr);
    }
    return *this;
}

QSize ThumbnailRenderer::displaySize(QSize codedSize, double sampleAspect, int rotationDegrees) {
    if (codedSize.isEmpty())
        return {};
    const double sar = (std::isfinite(sampleAspect) && sampleAspect > 0.0) ? sampleAspect : 1.0;
    const QSize upright(qMax(1, int(std::lround(codedSize.width() * sar))), codedSize.height());
    const int rotation = normalisedRotation(rotationDegrees);
    return (rotation == 90 || rotation == 270) ? upright.transposed() : upright;
}

QSize ThumbnailRenderer::fittedSize(QSize displaySize, QSize box) {
    if (displaySize.isEmpty() || box.isEmpty())
        return {};
    const qint64 widthAtBoxHeight = rescaleRounded(box.height(), displaySize.width(), displaySize.height());
    const qint64 heightAtBoxWidth = rescaleRounded(box.width(), displaySize.height(), displaySize.width());
    return {int(qBound<qint64>(1, widthAtBoxHeight, qint64(box.width()))),
            int(qBound<qint64>(1, heightAtBoxWidth, qint64(box.height())))};
}

QRect ThumbnailRenderer::placement(QSize displaySize, QSize box) {
    const QSize fitted = fittedSize(displaySize, box);
    if (fitted.isEmpty())
        return {};
    return {QPoint((box.width() - fitted.width()) / 2, (box.height() - fitted.height()) / 2), fitted};
}

Result<Bitmap> ThumbnailRenderer::render(const GrabbedFrame& frame) {
    if (frame.image.isNull())
        return Error{
            QStringLiteral("empty-frame"), QStringLiteral("The frame has no picture to render."), {}};
    if (m_box.isEmpty())
        return Error{
            QStringLiteral("bad-box"),
            QStringLiteral("The thumbnail size %1x%2 is empty.").arg(m_box.width()).arg(m_box.height()),
            QStringLiteral("Give a width and height of at least one pixel.")};
    const int rotation = normalisedRotation(frame.rotationDegrees);
    if (rotation % 90 != 0)
        return Error{
            QStringLiteral("bad-rotation"),
            QStringLiteral("The frame asks for a rotation of %1°, but only quarter turns are supported.")
                .arg(frame.rotationDegrees),
            {}};

    const Bitmap& source = frame.image;
    const QSize display = displaySize(QSize(source.width(), source.height()), frame.sampleAspect, rotation);
    const QRect place = placement(display, m_box);
    const bool quarterTurn = rotation == 90 || rotation == 270;
    // Scale in coded orientation, then rotate the small result: rotating the big source would cost more.
    const QSize scaledSize = quarterTurn ? place.size().transposed() : place.size();

    if (m_mode == Mode::Letterbox && rotation == 0) {
        Result<Bitmap> allocated = Bitmap::allocate(m_box.width(), m_box.height());
        if (!allocated)
            return allocated.error();
        Bitmap& canvas = allocated.value();
        uchar* origin =
            canvas.bits() + qsizetype(place.y()) * canvas.bytesPerLine() + qsizetype(place.x()) * 4;
        if (const Status failed = scale(source, origin, canvas.bytesPerLine(), scaledSize); !failed.ok())
            return failed.error();
        return allocated;
    }

    Result<Bitmap> allocatedPicture = Bitmap::allocate(scaledSize.width(), scaledSize.height());
    if (!allocatedPicture)
        return allocatedPicture.error();
    Bitmap picture = std::move(allocatedPicture).value();
    if (const Status failed = scale(source, picture.bits(), picture.bytesPerLine(), scaledSize); !failed.ok())
        return failed.error();
    if (rotation != 0)
        picture = rotatedClockwise(picture, rotation);
    if (m_mode == Mode::FitOnly)
        return picture;

    Result<Bitmap> canvas = Bitmap::allocate(m_box.width(), m_box.height());
    if (!canvas)
        return canvas.error();
    copyInto(canvas.value(), picture, place.topLeft());
    return canvas;
}

Status ThumbnailRenderer::scale(const Bitmap& source, uchar* dest, qsizetype destStride, QSize destSize) {
    const QSize sourceSize(source.width(), source.height());
    if (sourceSize == destSize) {
        const qsizetype rowBytes = qsizetype(destSize.width()) * 4;
        for (int y = 0; y < destSize.height(); ++y)
            std::memcpy(dest + y * destStride, source.constScanLine(y), rowBytes);
        return {};
    }
    // A Bitmap's pixel is 0xffRRGGBB in native byte order: 0RGB32 in (alpha ignored), RGB32 out (alpha 255).
    m_sws = sws_getCachedContext(m_sws, source.width(), source.height(), AV_PIX_FMT_0RGB32, destSize.width(),
                                 destSize.height(), AV_PIX_FMT_RGB32, scaleFlags(sourceSize, destSize),
                                 nullptr, nullptr, nullptr);
    if (!m_sws)
        return Error{QStringLiteral("scaler"),
                     QStringLiteral("libswscale could not set up scaling from %1x%2 to %3x%4.")
                         .arg(source.width())
                         .arg(source.height())
                         .arg(destSize.width())
                         .arg(destSize.height()),
                     {}};
    const uint8_t* const srcSlice[] = {source.constBits(), nullptr, nullptr, nullptr};
    const int srcStride[] = {int(source.bytesPerLine()), 0, 0, 0};
    uint8_t* const dstSlice[] = {dest, nullptr, nullptr, nullptr};
    const int dstStride[] = {int(destStride), 0, 0, 0};
    if (sws_scale(m_sws, srcSlice, srcStride, 0, source.height(), dstSlice, dstStride) != destSize.height())
        return Error{QStringLiteral("scaler"), QStringLiteral("libswscale failed to scale the frame."), {}};
    return {};
}

} // namespace avld
