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

    // A stand-in run marks its images "AVideoLiveDoctor instance=ID", so that a picture can be traced to the
    // run that made it (a picture AVideo cached from an earlier run is then told apart from a fresh one).
    static QString textForInstance(const QString& instance);
    // The ID in such a text; empty for the bare marker (older builds, the grab command) or another text.
    static QString instanceOf(const QString& text);
    // Our marker text in the image (bare or with an instance), or empty when the image has none.
    static QString ourText(const QByteArray& image);
    // True when the image carries our marker, from whichever run.
    static bool madeByUs(const QByteArray& image);
};

} // namespace avld
