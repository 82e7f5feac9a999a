#pragma once

#include <QByteArray>
#include <QString>

namespace avld {

enum class PictureFormat { Unknown, Jpeg, Png, WebP, Gif };

// The format the bytes' magic numbers announce, whatever a file or a URL is called.
PictureFormat sniffPictureFormat(const QByteArray& bytes);

// "JPEG", "PNG", "WebP", "GIF".
QString pictureFormatName(PictureFormat format);

} // namespace avld
