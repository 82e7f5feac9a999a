#include "framesample.h"

#include "perceptualhash.h"

namespace avld {

FrameSample FrameSample::of(const QImage& frame) {
    FrameSample sample;
    if (frame.isNull())
        return sample;
    sample.thumbnail = frame.scaled(kWidth, kHeight, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                           .convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < kHeight; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(sample.thumbnail.constScanLine(y));
        for (int x = 0; x < kWidth; ++x)
            sample.grey[y * kWidth + x] =
                quint8((77 * qRed(line[x]) + 150 * qGreen(line[x]) + 29 * qBlue(line[x]) + 128) >> 8);
    }
    sample.hash = PerceptualHash::compute(sample.thumbnail);
    return sample;
}

std::array<quint8, FrameSample::kCoarsePixels> FrameSample::coarseGrey() const {
    std::array<quint8, kCoarsePixels> coarse{};
    for (int y = 0; y < kCoarseHeight; ++y)
        for (int x = 0; x < kCoarseWidth; ++x) {
            const int i = 2 * y * kWidth + 2 * x;
            coarse[y * kCoarseWidth + x] =
                quint8((grey[i] + grey[i + 1] + grey[i + kWidth] + grey[i + kWidth + 1] + 2) / 4);
        }
    return coarse;
}

} // namespace avld
