#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace avld {

// The four image kinds AVideo asks its encoder for (avideo-protocol.md 1.2, 1.5).
enum class ThumbnailFormat { Jpg, Png, Gif, Webp };

// "jpg", "png", "gif", "webp", case-insensitive; "jpeg" counts as jpg.
std::optional<ThumbnailFormat> thumbnailFormatFromName(QStringView name);
QString thumbnailFormatName(ThumbnailFormat format);
QByteArray thumbnailContentType(ThumbnailFormat format);
// gif and webp are short looping clips, jpg and png single frames.
bool isAnimated(ThumbnailFormat format);

} // namespace avld
