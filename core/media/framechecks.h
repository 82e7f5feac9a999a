#pragma once

#include "framesample.h"
#include "frameverdict.h"
#include "knowncards.h"

namespace avld {

// What a grabbed or fetched frame is: black, blank, a placeholder card, the same picture as before. Every
// check works on a FrameSample (one 64x36 downscale), so it can run for every tile of a live grid.
// The thresholds come from measurements that tst_framechecks prints in its log.
class FrameChecks {
public:
    // Black: at least 98% of the thumbnail dark (no channel reaching 32; video black is 16) and a mean luma
    // below 20. Measured: a synthetic night scene (moon, lit windows, street lights) has 92.7% dark and is
    // not black; a black frame with a small logo (99.8%) is; the darkest cards have 89.8% (Creating
    // Images) and 91.5% (OFFLINE). A dark blue picture is dark in luma (pure blue is 29) but not black,
    // hence darkness on the brightest channel.
    static constexpr int kDarkLevel = 32;
    static constexpr double kBlackMinDarkFraction = 0.98;
    static constexpr double kBlackMaxMeanLuma = 20.0;
    // Flat: every colour channel of the thumbnail has a standard deviation below 4 (of 255). Measured: flat
    // frames, after JPEG or with sensor noise, 0-0.3; a 120-126 grey gradient 1.7 (flat); the flattest
    // cards 13.9 (Creating Images) and 19.1 (OFFLINE). Fine full-frame noise (TV static) averages out in
    // the thumbnail and counts as flat too.
    static constexpr double kFlatMaxStdDev = 4.0;
    // Same picture (frozen stream): over the 64x36 grey thumbnail, a mean absolute difference of at most 1.5
    // AND no pixel more than 16 grey levels apart. The mean alone cannot tell a small clock box from codec
    // noise; the largest pixel difference can:
    //   - the same picture, re-encoded (JPEG q60 to q90, or x264 at 1200 kb/s at other GOP positions):
    //     mean 0.05-0.37, max 1-2; a black frame through JPEG: mean 1.0, max 1;
    //   - the publisher's drawtext clock 3 s later (x264): mean 2.0-2.3, max 106-144; frame counter only:
    //     mean 0.43-0.64, max 50-79;
    //   - tst_framechecks' seven-segment clock, 1-3 s later: mean 0.13-0.23, max 78-116.
    // The perceptual hash is not used: it is built to ignore a change that small.
    static constexpr double kSameMaxMeanDiff = 1.5;
    static constexpr int kSameMaxPixelDiff = 16;
    // Card: pHash distance to a reference picture at most 10 of 64 bits, both hashes having at least 12 bits
    // set (PerceptualHash::structureBits(): fewer means a picture with no structure to match; measured 0-6
    // for gradients and flat frames, 22-31 for the cards and structured pictures). Measured: a card and
    // its 1200x630 JPEG q60-q90 or 640x360 copies 0-5 bits apart; references of different cards at least
    // 22 apart (more than twice the threshold, so no picture can be within reach of two cards);
    // structured ordinary pictures at least 21 from every card.
    static constexpr int kCardMaxDistance = 10;
    static constexpr int kMinStructureBits = 12;
    // "Creating Images": correlation of the coarse grey with the stored one at least 0.9. Measured: its
    // copies 0.998-1.000; every other picture tried 0.101 or less.
    static constexpr double kTextureMinCorrelation = 0.9;

    struct Luma {
        double mean = 0;         // 0..255
        double stdDev = 0;       // of the grey levels
        double darkFraction = 0; // share of thumbnail pixels with every channel below kDarkLevel
        double colourStdDev = 0; // the largest standard deviation of the R, G and B channels
    };
    static Luma measure(const FrameSample& sample);
    static bool isBlack(const Luma& luma);
    static bool isFlat(const Luma& luma);

    struct Difference {
        double meanAbs = 0; // mean absolute grey difference, 0..255
        int maxAbs = 0;     // largest grey difference of one thumbnail pixel
    };
    static Difference difference(const FrameSample& a, const FrameSample& b);
    // Frozen detection: true when two grabs show the same picture (false if either is null).
    static bool samePicture(const FrameSample& a, const FrameSample& b);
    static bool samePicture(const Bitmap& a, const Bitmap& b);

    struct CardMatch {
        KnownCard card = KnownCard::None;       // None when nothing is close enough
        int distance = PerceptualHash::kBits;   // pHash distance to the nearest reference
        const CardReference* nearest = nullptr; // that reference (null for a null or flat sample)
        double creatingImagesCorrelation = 0;   // -1..1, computed only when no hash was close enough
    };
    // Flat and null samples are never a card: their hash carries no information.
    static CardMatch recognizeCard(const FrameSample& sample);

    static FrameVerdict classify(const FrameSample& sample);
    static FrameVerdict classify(const Bitmap& frame);
};

} // namespace avld
