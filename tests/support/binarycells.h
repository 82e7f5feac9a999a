#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

namespace avld::test {

// A number a test can read back from a picture: drawn by the publisher's ffmpeg as a row of black and white
// cells, least significant bit on the left. The row is placed in fractions of the picture, so the number
// survives scaling to any thumbnail of the same aspect ratio and lossy encoding (JPEG, WebP, a GIF palette).
struct BinaryCells {
    double left = 1.0 / 10;      // of the width
    double top = 1.0 / 45;       // of the height
    double cellWidth = 1.0 / 20; // of the width
    double cellHeight = 1.0 / 15;
    int bits = 16;

    // drawbox filters (comma-separated) drawing the row into `size` pictures; `bitOn(bit)` is an ffmpeg
    // timeline expression that is 1 when that bit of the frame's number is set.
    QString filter(QSize size, const std::function<QString(int bit)>& bitOn) const;
    // The number in `image` (modulo 2^bits), or -1 when a cell is neither clearly black nor clearly white.
    qint64 read(const QImage& image) const;
};

} // namespace avld::test
