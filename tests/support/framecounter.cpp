#include "framecounter.h"

#include "binarycells.h"

namespace avld::test {

namespace {
const BinaryCells kRow{.bits = FrameCounter::Bits};
} // namespace

QString FrameCounter::filter(QSize size) {
    return kRow.filter(size, [](int bit) { return QStringLiteral("mod(floor(n/%1),2)").arg(1 << bit); });
}

int FrameCounter::read(const QImage& image) {
    return int(kRow.read(image));
}

} // namespace avld::test
