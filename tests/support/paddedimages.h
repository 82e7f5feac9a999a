#pragma once

#include <QByteArray>
#include <QImage>

namespace avld::test {

// Encoded pictures grown to an exact byte size without becoming undecodable, to reproduce files whose
// size is what matters: the encoder's OnAir.jpg (70 808 B) and notfound.gif (2 095 341 B), which AVideo
// recognises by length only (avideo-protocol.md §1.3).
class PaddedImages {
public:
    // Inserts JPEG comment (COM) segments after the SOI marker until the data is `size` bytes long.
    // Empty when it cannot (already larger, or 1-3 bytes short, which no segment can fill).
    static QByteArray padJpeg(const QByteArray& jpeg, qint64 size);
    // Encodes `image` as a JPEG of exactly `size` bytes, trying qualities from 90 down until one fits.
    static QByteArray jpegOfSize(const QImage& image, qint64 size);
    // Inserts a GIF comment extension before the trailer (0x3B) until the data is `size` bytes long.
    // Empty when it cannot (no trailer, already larger, or fewer than 5 bytes short).
    static QByteArray padGif(const QByteArray& gif, qint64 size);
};

} // namespace avld::test
