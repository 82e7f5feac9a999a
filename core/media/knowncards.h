#pragma once

#include "framesample.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <span>

namespace avld {

// Pictures that AVideo or its encoder show instead of a live frame.
enum class KnownCard {
    None,
    AvideoOnAir,      // AVideo's "ONLINE" card: the live is up but the encoder gave no frame within 2 s
    AvideoOffline,    // AVideo's "OFFLINE" card: AVideo thinks the live is not running
    AvideoComingSoon, // AVideo's "COMING SOON" card: a scheduled live that has not started
    EncoderOnAir,     // the encoder's "ON AIR" placeholder (jpg and png): its first answer to a new request
    EncoderNotFound,  // the encoder's notfound.gif (first frame): its first answer to gif and webp requests
    EncoderCreatingImages, // the encoder's "Creating Images, please come back later" picture
    AvideoLoopBackground,  // a frame of AVideo's waiting loop, streamed when the live's playlist is missing
};

// One reference picture: a file of the reference-images folder (not shipped) and its PerceptualHash.
struct CardReference {
    KnownCard card;
    const char* file; // relative to the reference-images folder
    quint64 hash;
};

// The reference pictures as constants, so nothing is read at run time. tst_framechecks recomputes every
// constant from the files and fails when one differs.
class KnownCards {
public:
    static std::span<const CardReference> references();

    // "Creating Images" is a black picture evenly tiled with small text: it has no low-frequency structure,
    // so its perceptual hash has no bit set, like a flat picture's (without PerceptualHash's noise floor it
    // was noise, moving 16-28 bits under a rescale and JPEG re-encode). It is recognised by correlating
    // FrameSample::coarseGrey() with this constant instead: the coarse grey of encoder-creatingImages.jpg.
    static constexpr const char* kCreatingImagesFile = "encoder-creatingImages.jpg";
    static const std::array<quint8, FrameSample::kCoarsePixels>& creatingImagesCoarseGrey();

    static QString name(KnownCard card);    // e.g. "AVideo's ONLINE card"
    static QString meaning(KnownCard card); // e.g. "the encoder gave no frame"
};

} // namespace avld
