#pragma once

#include "bitmap/bitmap.h"
#include "imagemarker.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace avld {

// Encodes still thumbnails (JPEG, PNG, lossy WebP) through avld_bitmap's codecs, marks them with a metadata
// text (see ImageMarker) and keeps every result out of the byte sizes AVideo takes for placeholders.
// Stateless apart from its options; safe to use from several threads at once.
class ImageEncoder {
public:
    enum class Format { Jpeg, Png, WebP };

    struct Options {
        int jpegQuality = 85; // 1-100; a negative one means 75, as Qt's writer took it
        int webpQuality = 80; // 0-100, always lossy; a negative one means 75
        QString marker = ImageMarker::defaultText();
        // Extra spaces in the marker field. Normal callers leave it at 0; tests use it to aim a result at a
        // given byte size.
        int markerPadding = 0;
    };

    ImageEncoder();
    explicit ImageEncoder(Options options);

    const Options& options() const { return m_options; }

    Result<QByteArray> encode(const Bitmap& image, Format format) const;
    Result<QByteArray> encodeJpeg(const Bitmap& image) const { return encode(image, Format::Jpeg); }
    Result<QByteArray> encodePng(const Bitmap& image) const { return encode(image, Format::Png); }
    Result<QByteArray> encodeWebp(const Bitmap& image) const { return encode(image, Format::WebP); }

    // AVideo's Live::isDefaultImage() takes any body of 70 805-70 810 or 2 095 335-2 095 350 bytes for its
    // encoder's "on air" / "not found" placeholder (avideo-protocol.md 1.3).
    static bool inPlaceholderWindow(qint64 size);
    // Adds the marker to already-encoded bytes and, if the result's size lands in a placeholder window, pads
    // the marker until it is past the window. The picture data is untouched, so the image stays decodable.
    static Result<QByteArray> markOutsideWindows(const QByteArray& encoded, const QString& marker,
                                                 int padding = 0);
    static bool hasMarker(const QByteArray& bytes, const QString& marker = ImageMarker::defaultText());

    static QString formatName(Format format);

private:
    Options m_options;
};

} // namespace avld
