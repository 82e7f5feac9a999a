#include "pictureconverter.h"

#include <cstring>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/macros.h>
#include <libavutil/mem.h>
#include <libswscale/swscale.h>
}

namespace avld {

void PictureConverter::SwsFree::operator()(SwsContext* s) const {
    sws_freeContext(s);
}

void PictureConverter::AvFree::operator()(unsigned char* p) const {
    av_free(p);
}

PictureConverter::PictureConverter(int maxWidth)
    : m_maxWidth(maxWidth) {}

PictureConverter::~PictureConverter() = default;

Bitmap PictureConverter::toBitmap(const AVFrame* frame) {
    const auto format = AVPixelFormat(frame->format);
    int width = frame->width;
    int height = frame->height;
    if (m_maxWidth > 0 && width > m_maxWidth) {
        height = qMax(1, int(qint64(height) * m_maxWidth / width));
        width = m_maxWidth;
    }
    Bitmap bitmap(width, height);
    if (bitmap.isNull())
        return bitmap;
    m_context.reset(sws_getCachedContext(m_context.release(), frame->width, frame->height, format, width,
                                         height, AV_PIX_FMT_RGB32, SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!m_context)
        return Bitmap::refused(QStringLiteral("swscale cannot convert %1×%2 pictures in pixel format %3")
                                   .arg(frame->width)
                                   .arg(frame->height)
                                   .arg(int(format)));
    int colorspace = frame->colorspace;
    if (colorspace == AVCOL_SPC_UNSPECIFIED || colorspace == AVCOL_SPC_RGB)
        colorspace = frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG;
    sws_setColorspaceDetails(m_context.get(), sws_getCoefficients(colorspace), fullRange,
                             sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    // swscale's SIMD colour conversion writes whole vectors and runs past the end of a tightly packed
    // last row (valgrind caught it on a 360-pixel-wide stream), and a Bitmap's rows are packed. It writes
    // into padded rows with a spare tail, kept for the next picture, which are then copied into the bitmap.
    const qsizetype rowBytes = bitmap.bytesPerLine();
    const qsizetype stride = FFALIGN(rowBytes, 64);
    const auto needed = std::size_t(stride * (height + 1) + 64);
    if (m_bufferSize < needed) {
        m_buffer.reset(static_cast<unsigned char*>(av_malloc(needed)));
        m_bufferSize = m_buffer ? needed : 0;
        if (!m_buffer)
            return Bitmap::refused(QStringLiteral("no memory for a %1×%2 picture").arg(width).arg(height));
    }
    uint8_t* planes[4] = {m_buffer.get(), nullptr, nullptr, nullptr};
    int strides[4] = {int(stride), 0, 0, 0};
    sws_scale(m_context.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
    uchar* pixels = bitmap.bits();
    for (int y = 0; y < height; ++y)
        std::memcpy(pixels + y * rowBytes, m_buffer.get() + y * stride, std::size_t(rowBytes));
    return bitmap;
}

} // namespace avld
