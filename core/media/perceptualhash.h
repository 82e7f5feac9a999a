#pragma once

#include "bitmap/bitmap.h"

#include <QtGlobal>

namespace avld {

// A 64-bit DCT perceptual hash (pHash) of a picture: the same picture gives hashes a few bits apart whatever
// its size, aspect ratio (1280x720 stretched to 1200x630), JPEG quality or a mild brightness change, while
// unrelated pictures are about 32 bits apart.
class PerceptualHash {
public:
    static constexpr int kSide = 32; // the picture is reduced to kSide x kSide grey before the DCT
    static constexpr int kBlock = 8; // the kBlock x kBlock lowest frequencies are kept ...
    static constexpr int kBits = 64; // ... without the DC term: 63 bits carry the hash, bit 63 is always 0

    // 0 for a null bitmap. The picture is reduced to 32x32 grey (smooth scaling, aspect ratio ignored), put
    // through a 2D DCT-II, and the 63 coefficients of the 8x8 lowest-frequency block other than DC are
    // compared with their median: bit (8 * v + u - 1) is set when coefficient (u, v) is above it.
    // Coefficients below a noise floor (a quarter of a grey level) count as 0, so a picture without
    // low-frequency structure (a smooth gradient, a black picture with small text) gets a stable hash with
    // few bits set instead of a hash of rounding noise; see structureBits().
    static quint64 compute(const Bitmap& image);

    // Hamming distance: how many bits differ (0 = same picture, around 32 = unrelated pictures).
    static int distance(quint64 a, quint64 b);

    // How much structure a hash describes: its set bits, 31 at most. Pictures with real content measure 20
    // to 31; smooth gradients and flat pictures 0 to 6. Two hashes with few bits are close whatever the
    // pictures, so such a hash should not be matched against others.
    static int structureBits(quint64 hash);
};

} // namespace avld
