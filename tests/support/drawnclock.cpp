#include "drawnclock.h"

#include "binarycells.h"

namespace avld::test {

namespace {
const BinaryCells kRow{.top = 0.12, .cellWidth = 1.0 / 25, .bits = DrawnClock::Bits};
constexpr qint64 kWrap = qint64(1) << DrawnClock::Bits;
} // namespace

QString DrawnClock::filter(QSize size, int fps) {
    // Microsecond timestamps taken from the real-time clock as each frame passes, read by the cells'
    // timeline expressions as `t` (seconds since the epoch); then the frames get their own timing back.
    return QStringLiteral("settb=expr=1/1000000,setpts=RTCTIME,") + kRow.filter(size, [](int bit) {
        return QStringLiteral("mod(floor(t*100/%1),2)").arg(1 << bit);
    }) + QStringLiteral(",settb=expr=1/%1,setpts=N").arg(fps);
}

qint64 DrawnClock::read(const QImage& image, qint64 nowMs) {
    const qint64 drawn = kRow.read(image);
    if (drawn < 0)
        return -1;
    const qint64 nowCs = nowMs / 10;
    const qint64 back = ((nowCs - drawn) % kWrap + kWrap) % kWrap;
    return (nowCs - back) * 10;
}

} // namespace avld::test
