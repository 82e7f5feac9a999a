#include "framesample.h"

#include "bitmap/bitmapscale.h"
#include "perceptualhash.h"

namespace avld {

FrameSample FrameSample::of(const Bitmap& frame) {
    FrameSample sample;
    if (frame.isNull())
        return sample;
    sample.thumbnail = scaled(frame, kWidth, kHeight);
    if (sample.thumbnail.isNull())
        return sample;
    for (int y = 0; y < kHeight; ++y) {
        const Rgb* line = sample.thumbnail.constScanLine(y);
        for (int x = 0; x < kWidth; ++x)
            sample.grey[y * kWidth + x] =
                quint8((77 * redOf(line[x]) + 150 * greenOf(line[x]) + 29 * blueOf(line[x]) + 128) >> 8);
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
