#include "pictureconverter.h"

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

PictureConverter::PictureConverter(int maxWidth)
    : m_maxWidth(maxWidth) {}

PictureConverter::~PictureConverter() = default;

QImage PictureConverter::toImage(const AVFrame* frame) {
    const auto format = AVPixelFormat(frame->format);
    int width = frame->width;
    int height = frame->height;
    if (m_maxWidth > 0 && width > m_maxWidth) {
        height = qMax(1, int(qint64(height) * m_maxWidth / width));
        width = m_maxWidth;
    }
    m_context.reset(sws_getCachedContext(m_context.release(), frame->width, frame->height, format, width,
                                         height, AV_PIX_FMT_RGB32, SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!m_context)
        return {};
    int colorspace = frame->colorspace;
    if (colorspace == AVCOL_SPC_UNSPECIFIED || colorspace == AVCOL_SPC_RGB)
        colorspace = frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG;
    sws_setColorspaceDetails(m_context.get(), sws_getCoefficients(colorspace), fullRange,
                             sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    // swscale's SIMD colour conversion writes whole vectors and runs past the end of a tightly packed
    // last row (valgrind caught it on a 360-pixel-wide stream). Give it padded rows and a spare tail; the
    // QImage wraps that buffer without copying and frees it with av_free.
    const qsizetype stride = FFALIGN(qsizetype(width) * 4, 64);
    auto* buffer = static_cast<uchar*>(av_malloc(size_t(stride * (height + 1) + 64)));
    if (!buffer)
        return {};
    QImage image(buffer, width, height, stride, QImage::Format_RGB32, av_free, buffer);
    uint8_t* planes[4] = {buffer, nullptr, nullptr, nullptr};
    int strides[4] = {int(stride), 0, 0, 0};
    sws_scale(m_context.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
    return image;
}

} // namespace avld
