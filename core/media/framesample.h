#pragma once

#include "bitmap/bitmap.h"

#include <QtGlobal>

#include <array>

namespace avld {

// The one small copy of a frame that every frame check works on, made with a single smooth downscale so
// checking a tile of a live grid costs about as much as that downscale: a 64x36 colour thumbnail (aspect
// ratio ignored), its grey levels, and the perceptual hash of it. Cheap to keep (about 11 KB) to compare a
// later grab with.
struct FrameSample {
    static constexpr int kWidth = 64;
    static constexpr int kHeight = 36;
    static constexpr int kPixels = kWidth * kHeight;
    // Half the thumbnail in each direction (2x2 means), for correlating with a stored reference.
    static constexpr int kCoarseWidth = kWidth / 2;
    static constexpr int kCoarseHeight = kHeight / 2;
    static constexpr int kCoarsePixels = kCoarseWidth * kCoarseHeight;

    Bitmap thumbnail;                   // kWidth x kHeight; null for a null frame
    std::array<quint8, kPixels> grey{}; // BT.601 luma of thumbnail, row by row
    quint64 hash = 0;                   // PerceptualHash of thumbnail

    static FrameSample of(const Bitmap& frame);

    bool isNull() const { return thumbnail.isNull(); }
    std::array<quint8, kCoarsePixels> coarseGrey() const;
};

} // namespace avld
