#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace avld::test {

// The wall clock a test can read back from a picture: the publisher's ffmpeg stamps every frame with the
// real time it makes it (setpts' RTCTIME, after `-re` paced the source) and draws that time in binary cells
// (BinaryCells) in a row below FrameCounter's, in hundredths of a second modulo 2^Bits. A picture's age is
// then the time it is looked at less the time drawn in it: everything from the publisher's encoder through
// the media server, the segmenter, our grab and our cache counts, unlike the stream-time ages a grab reports.
class DrawnClock {
public:
    static constexpr int Bits = 20; // 2.9 hours before it wraps

    // The filter chain (comma-separated) for a `size` picture at `fps`; the frames leave it timed as before.
    static QString filter(QSize size, int fps);
    // When the picture was made, in milliseconds since the epoch (the latest such time not after `nowMs`);
    // -1 when the cells cannot be read.
    static qint64 read(const QImage& image, qint64 nowMs);
};

} // namespace avld::test
