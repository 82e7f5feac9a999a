#include "imageencoder.h"

#include "imageformatplugin.h"

#include <QBuffer>
#include <QImageWriter>

#include <array>
#include <utility>

namespace avld {

namespace {

struct SizeWindow {
    qint64 first;
    qint64 last;
};
constexpr std::array<SizeWindow, 2> PlaceholderWindows{{{70'805, 70'810}, {2'095'335, 2'095'350}}};

QByteArray writerFormat(ImageEncoder::Format format) {
    switch (format) {
    case ImageEncoder::Format::Jpeg:
        return "jpeg";
    case ImageEncoder::Format::Png:
        return "png";
    case ImageEncoder::Format::WebP:
        return "webp";
    }
    return {};
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

Result<QByteArray> ImageEncoder::encode(const QImage& image, Format format) const {
    if (image.isNull())
        return Error{QStringLiteral("empty-image"),
                     QStringLiteral("There is no picture to encode as %1.").arg(formatName(format)),
                     {}};
    const QByteArray name = writerFormat(format);
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    const int quality = format == Format::Jpeg   ? m_options.jpegQuality
                        : format == Format::WebP ? m_options.webpQuality
                                                 : -1;
    // PNG is built into Qt; JPEG and WebP are plugins, written through their own plugin alone when it is
    // found.
    if (format != Format::Png) {
        if (std::unique_ptr<QImageIOHandler> handler = formatPluginWriter(&buffer, name)) {
            handler->setOption(QImageIOHandler::Quality, quality);
            if (format == Format::Jpeg)
                handler->setOption(QImageIOHandler::OptimizedWrite, true);
            if (!handler->write(image))
                return Error{QStringLiteral("encode-failed"),
                             QStringLiteral("Qt could not encode the picture as %1.").arg(formatName(format)),
                             {}};
            return markOutsideWindows(encoded, m_options.marker, m_options.markerPadding);
        }
    }
    QImageWriter writer(&buffer, name);
    if (!writer.canWrite())
        return Error{
            QStringLiteral("format-unsupported"),
            QStringLiteral("This Qt installation cannot write %1 images.").arg(formatName(format)),
            QStringLiteral("Install Qt's image format plugins (Debian: qt6-image-formats-plugins).")};
    writer.setQuality(quality);
    if (format == Format::Jpeg)
        writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return Error{QStringLiteral("encode-failed"),
                     QStringLiteral("Qt could not encode the picture as %1: %2.")
                         .arg(formatName(format), writer.errorString()),
                     {}};
    return markOutsideWindows(encoded, m_options.marker, m_options.markerPadding);
}

} // namespace avld
