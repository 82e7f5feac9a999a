#include "thumbnailformat.h"

namespace avld {

std::optional<ThumbnailFormat> thumbnailFormatFromName(QStringView name) {
    if (name.compare(u"jpg", Qt::CaseInsensitive) == 0 || name.compare(u"jpeg", Qt::CaseInsensitive) == 0)
        return ThumbnailFormat::Jpg;
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return ThumbnailFormat::Png;
    if (name.compare(u"gif", Qt::CaseInsensitive) == 0)
        return ThumbnailFormat::Gif;
    if (name.compare(u"webp", Qt::CaseInsensitive) == 0)
        return ThumbnailFormat::Webp;
    return std::nullopt;
}

QString thumbnailFormatName(ThumbnailFormat format) {
    switch (format) {
    case ThumbnailFormat::Jpg:
        return QStringLiteral("jpg");
    case ThumbnailFormat::Png:
        return QStringLiteral("png");
    case ThumbnailFormat::Gif:
        return QStringLiteral("gif");
    case ThumbnailFormat::Webp:
        return QStringLiteral("webp");
    }
    return {};
}

QByteArray thumbnailContentType(ThumbnailFormat format) {
    switch (format) {
    case ThumbnailFormat::Jpg:
        return "image/jpeg";
    case ThumbnailFormat::Png:
        return "image/png";
    case ThumbnailFormat::Gif:
        return "image/gif";
    case ThumbnailFormat::Webp:
        return "image/webp";
    }
    return {};
}

bool isAnimated(ThumbnailFormat format) {
    return format == ThumbnailFormat::Gif || format == ThumbnailFormat::Webp;
}

} // namespace avld
