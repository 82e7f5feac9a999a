#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace avld {

// Puts a short text into an image's own metadata, so images this tool made can be recognised later with
// certainty (a structured field, not a byte pattern that could occur by chance in compressed data):
//   JPEG: a COM segment right after SOI/APP0; PNG: a tEXt chunk "Software" after IHDR;
//   GIF: a comment extension before the trailer; WebP: an XMP chunk with xmp:CreatorTool (VP8X flag set).
// Padding adds spaces inside that field: the pixels are untouched and the file grows by about one byte per
// space, which is how encoders steer a file's size out of AVideo's placeholder windows.
class ImageMarker {
public:
    enum class Format { Unknown, Jpeg, Png, Gif, WebP };

    static QString defaultText() { return QStringLiteral("AVideoLiveDoctor"); }
    static Format sniff(const QByteArray& bytes);

    // The text must be 1-200 printable ASCII characters without " & < > \.
    static Result<QByteArray> insert(const QByteArray& image, const QString& text, int padding = 0);
    // True when the image's metadata holds exactly this text (padding spaces aside).
    static bool carries(const QByteArray& image, const QString& text = defaultText());
};

} // namespace avld
