#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace avld::test {

// A frame number a test can read back from a picture: the publisher's frame count (ffmpeg's `n`) drawn in
// binary cells (BinaryCells) near the top of the picture.
class FrameCounter {
public:
    static constexpr int Bits = 16; // 43 minutes at 25 fps before it wraps

    // The ffmpeg filter chain (drawbox filters, comma-separated) that draws the counter into `size` pictures.
    static QString filter(QSize size);
    // The number in `image` (modulo 2^Bits), or -1 when a cell is neither clearly black nor clearly white.
    static int read(const QImage& image);
};

} // namespace avld::test
