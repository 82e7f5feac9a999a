#pragma once

#include "knowncards.h"
#include "perceptualhash.h"

#include <QString>

namespace avld {

// What FrameChecks::classify() makes of one frame.
struct FrameVerdict {
    bool hasPicture = false; // false for a null image: nothing else below is meaningful then
    bool black = false;      // almost uniformly very dark
    bool flat = false;       // one colour all over (any colour): no picture content at all
    KnownCard card = KnownCard::None;
    int cardDistance = PerceptualHash::kBits; // pHash distance to the nearest reference picture; kBits
                                              // when none compares (a featureless frame, Creating Images)
    double meanLuma = 0;                      // 0..255

    // True when the frame is neither black, flat, nor a known card: what a visitor should see.
    bool isRealFrame() const { return hasPicture && !black && !flat && card == KnownCard::None; }
    // Short and for a person, e.g. "AVideo's ONLINE card (the encoder gave no frame)".
    QString reason() const;
};

} // namespace avld
