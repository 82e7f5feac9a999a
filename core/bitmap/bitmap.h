#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace avld {

// One pixel: 0xffRRGGBB. In memory (little-endian) its bytes read B, G, R, X: the layout of
// QImage::Format_RGB32, so a Bitmap and a QImage can share or memcpy their pixels.
using Rgb = std::uint32_t;

constexpr Rgb rgb(int red, int green, int blue) {
    return 0xff000000u | (Rgb(red & 0xff) << 16) | (Rgb(green & 0xff) << 8) | Rgb(blue & 0xff);
}
constexpr int redOf(Rgb pixel) {
    return int((pixel >> 16) & 0xff);
}
constexpr int greenOf(Rgb pixel) {
    return int((pixel >> 8) & 0xff);
}
constexpr int blueOf(Rgb pixel) {
    return int(pixel & 0xff);
}

// An RGB picture in memory, without Qt Gui. Implicitly shared: copying one is cheap, and its pixels are
// copied only when a copy that shares them is written to. Rows are packed: bytesPerLine() is width() * 4.
//
// A size is refused (the bitmap stays null and nullReason() says why) when it is empty or holds more than
// maxPixels: a picture's header is read from the network and must not choose how much memory we take.
class Bitmap {
public:
    static constexpr qint64 kDefaultMaxPixels = qint64(8192) * 8192;
    // The most any side may have, whatever maxPixels says: every codec library here takes row strides as int.
    static constexpr int kMaxSide = 65535;

    Bitmap() = default; // null
    // Black pixels; null (see nullReason()) when the size is refused.
    Bitmap(int width, int height, qint64 maxPixels = kDefaultMaxPixels);
    // The same, with the refusal as an error: for callers that pass it on.
    static Result<Bitmap> allocate(int width, int height, qint64 maxPixels = kDefaultMaxPixels);
    // A null bitmap that says why there is no picture.
    static Bitmap refused(const QString& reason);

    bool isNull() const { return m_width == 0; }
    // Why this bitmap is null: the refused size, or "no picture" for a default-constructed one.
    QString nullReason() const;

    int width() const { return m_width; }
    int height() const { return m_height; }
    qsizetype bytesPerLine() const { return qsizetype(m_width) * 4; }
    qint64 pixelCount() const { return qint64(m_width) * m_height; }
    qsizetype sizeInBytes() const { return m_pixels.size(); }

    // Inside the picture only (asserted in debug builds).
    Rgb pixel(int x, int y) const { return constScanLine(y)[x]; }
    void setPixel(int x, int y, Rgb pixel) { scanLine(y)[x] = pixel | 0xff000000u; }

    const Rgb* constScanLine(int y) const;
    Rgb* scanLine(int y); // detaches
    const uchar* constBits() const { return reinterpret_cast<const uchar*>(m_pixels.constData()); }
    uchar* bits(); // detaches

    void fill(Rgb pixel);
    // The part of the picture inside the rectangle (clipped to the picture); null when nothing is left.
    Bitmap copy(int x, int y, int width, int height) const;

    // Same size and the same colours (the unused X byte is not compared, as QImage does for RGB32).
    bool operator==(const Bitmap& other) const;

    // Whether two bitmaps share one block of pixels (for tests of the sharing).
    bool sharesPixelsWith(const Bitmap& other) const;

private:
    int m_width = 0;
    int m_height = 0;
    QByteArray m_pixels;
    QString m_nullReason;
};

} // namespace avld
