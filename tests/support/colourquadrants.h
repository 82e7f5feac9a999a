#pragma once

#include "result.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>

namespace avld::test {

// A short H.264 video in MPEG-TS of four flat colours (red, green, blue, cyan in the quadrants), encoded
// by the `ffmpeg` program with a given YCbCr matrix and range and tagged so (or untagged), for checking
// that a player shows a stream in its true colours.
struct ColourQuadrants {
    QString matrix = QStringLiteral("bt709"); // swscale's name: bt709, bt601
    bool fullRange = false;
    bool tagged = true;
    int width = 640;
    int height = 360;
    int seconds = 2;

    static QList<QColor> colours(); // top-left, top-right, bottom-left, bottom-right
    // Writes the file (blocking, a second or two); the error says what ffmpeg printed.
    Result<QString> write(const QString& path) const;
    // The largest difference in any channel between each quadrant's centre in `picture` (the whole
    // picture is the video's frame) and its colour.
    static int worstChannelError(const QImage& picture);
};

} // namespace avld::test
