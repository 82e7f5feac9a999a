#include "pictureformat.h"

namespace avld {

PictureFormat sniffPictureFormat(const QByteArray& bytes) {
    if (bytes.startsWith("\xff\xd8\xff"))
        return PictureFormat::Jpeg;
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return PictureFormat::Png;
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return PictureFormat::WebP;
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return PictureFormat::Gif;
    return PictureFormat::Unknown;
}

QString pictureFormatName(PictureFormat format) {
    switch (format) {
    case PictureFormat::Jpeg:
        return QStringLiteral("JPEG");
    case PictureFormat::Png:
        return QStringLiteral("PNG");
    case PictureFormat::WebP:
        return QStringLiteral("WebP");
    case PictureFormat::Gif:
        return QStringLiteral("GIF");
    case PictureFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace avld
