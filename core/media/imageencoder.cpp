#include "imageencoder.h"

#include "bitmap/bitmapcodec.h"

#include <array>
#include <utility>

namespace avld {

namespace {

struct SizeWindow {
    qint64 first;
    qint64 last;
};
constexpr std::array<SizeWindow, 2> PlaceholderWindows{{{70'805, 70'810}, {2'095'335, 2'095'350}}};

// Qt's writers took a negative quality for their default, 75, and a larger one for 100.
int qualityOrDefault(int quality, int lowest) {
    return quality < 0 ? 75 : qBound(lowest, quality, 100);
}

} // namespace

ImageEncoder::ImageEncoder()
    : ImageEncoder(Options{}) {}

ImageEncoder::ImageEncoder(Options options)
    : m_options(std::move(options)) {}

QString ImageEncoder::formatName(Format format) {
    switch (format) {
    case Format::Jpeg:
        return QStringLiteral("JPEG");
    case Format::Png:
        return QStringLiteral("PNG");
    case Format::WebP:
        return QStringLiteral("WebP");
    }
    return {};
}

bool ImageEncoder::inPlaceholderWindow(qint64 size) {
    for (const SizeWindow& window : PlaceholderWindows) {
        if (size >= window.first && size <= window.last)
            return true;
    }
    return false;
}

Result<QByteArray> ImageEncoder::markOutsideWindows(const QByteArray& encoded, const QString& marker,
                                                    int padding) {
    Result<QByteArray> marked = ImageMarker::insert(encoded, marker, padding);
    // Each space adds one byte (two at most, where a GIF sub-block or a RIFF pad byte starts), so one or two
    // rounds always clear a window of 6 or 16 bytes.
    while (marked.ok() && inPlaceholderWindow(marked->size())) {
        for (const SizeWindow& window : PlaceholderWindows) {
            if (marked->size() >= window.first && marked->size() <= window.last)
                padding += int(window.last - marked->size() + 1);
        }
        marked = ImageMarker::insert(encoded, marker, padding);
    }
    return marked;
}

bool ImageEncoder::hasMarker(const QByteArray& bytes, const QString& marker) {
    return ImageMarker::carries(bytes, marker);
}

Result<QByteArray> ImageEncoder::encode(const Bitmap& image, Format format) const {
    if (image.isNull())
        return Error{QStringLiteral("empty-image"),
                     QStringLiteral("There is no picture to encode as %1.").arg(formatName(format)),
                     {}};
    Result<QByteArray> encoded = QByteArray();
    switch (format) {
    case Format::Jpeg:
        encoded = avld::encodeJpeg(image, qualityOrDefault(m_options.jpegQuality, 1));
        break;
    case Format::Png:
        encoded = avld::encodePng(image);
        break;
    case Format::WebP:
        encoded = avld::encodeWebp(image, qualityOrDefault(m_options.webpQuality, 0));
        break;
    }
    if (!encoded)
        return encoded;
    return markOutsideWindows(*encoded, m_options.marker, m_options.markerPadding);
}

} // namespace avld
