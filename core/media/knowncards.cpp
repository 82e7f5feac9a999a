#include "knowncards.h"

namespace avld {

namespace {

// PerceptualHash::compute() of each file of the reference-images folder at its own size (for the gif, its
// first frame). Regenerate with tst_framechecks, which prints the whole table when one differs.
constexpr CardReference kReferences[] = {
    {KnownCard::AvideoOnAir, "avideo-OnAir.jpg", 0x09ce6631c9cb1da0ULL},
    {KnownCard::AvideoOffline, "avideo-Offline.jpg", 0x474a30b0c64a3030ULL},
    {KnownCard::AvideoComingSoon, "avideo-ComingSoon.jpg", 0x69ac96e8eb1a04a5ULL},
    {KnownCard::EncoderOnAir, "encoder-OnAir.jpg", 0x4c98f329863cb9c6ULL},
    {KnownCard::EncoderOnAir, "encoder-OnAir.png", 0x4c98f329c63c99c6ULL},
    {KnownCard::EncoderNotFound, "encoder-notfound.gif", 0x7a8111f29e729cf0ULL},
    {KnownCard::EncoderCreatingImages, "encoder-creatingImages.jpg", 0x0000000000000000ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-0.jpg", 0x39501e2a309f41c5ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-1.jpg", 0x3b10523a30bb41c1ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-2.jpg", 0x1b07363a319b00c1ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-3.jpg", 0x6e56163a35fb0191ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-4.jpg", 0x6a445c1b10ef0191ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-5.jpg", 0x2c640a9b19ee0191ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-6.jpg", 0x0c64360b19ef0191ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-7.jpg", 0x18127e6b31ae01d1ULL},
    {KnownCard::AvideoLoopBackground, "avideo-loop-background/frame-8.jpg", 0x1b096aeb30be01d0ULL},
};

// FrameSample::of(encoder-creatingImages.jpg).coarseGrey(): 18 rows of 32, each on two lines.
// clang-format off
constexpr std::array<quint8, FrameSample::kCoarsePixels> kCreatingImagesCoarseGrey = {
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,   // row 0
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    13, 22, 17,  8, 22, 21,  5, 22, 21,  5, 20, 23,  7, 16, 23, 11,   // row 1
    13, 22, 17,  8, 21, 21,  5, 22, 21,  5, 20, 23,  7, 17, 23, 11,
     4, 11,  6,  2, 11,  8,  0, 11, 10,  0,  9, 12,  1,  7, 12,  4,   // row 2
     4, 12,  7,  2, 11,  9,  0, 12, 11,  0,  9, 12,  1,  7, 12,  4,
     9, 11, 10,  6, 11, 12,  5, 11, 11,  5, 11, 11,  6, 10, 11,  8,   // row 3
     9, 10, 10,  6, 10, 12,  5, 11, 11,  5, 11, 11,  6, 10, 11,  8,
    12, 22, 17,  8, 22, 21,  5, 22, 21,  5, 20, 23,  7, 17, 23, 11,   // row 4
    13, 22, 17,  8, 22, 21,  5, 22, 21,  5, 20, 23,  7, 17, 23, 11,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,   // row 5
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    12, 22, 17,  8, 22, 21,  5, 23, 22,  5, 20, 23,  7, 17, 24, 11,   // row 6
    13, 22, 17,  8, 22, 21,  5, 23, 22,  5, 21, 23,  7, 17, 23, 12,
     0,  1,  0,  1,  1,  0,  0,  1,  1,  0,  1,  1,  0,  1,  2,  0,   // row 7
     1,  2,  1,  1,  3,  2,  0,  4,  3,  0,  4,  5,  0,  3,  5,  2,
    12, 22, 17,  8, 21, 20,  5, 22, 21,  5, 19, 22,  7, 16, 22, 11,   // row 8
    12, 20, 16,  7, 19, 19,  5, 19, 18,  5, 17, 19,  7, 14, 18, 10,
     6, 15, 10,  4, 15, 13,  2, 16, 15,  2, 15, 18,  4, 12, 19,  8,   // row 9
    10, 18, 13,  6, 19, 17,  4, 20, 19,  4, 19, 22,  7, 16, 23, 11,
     7,  7,  7,  4,  7,  7,  3,  6,  6,  3,  6,  5,  3,  5,  5,  3,   // row 10
     3,  4,  4,  2,  3,  4,  1,  3,  3,  1,  2,  2,  1,  1,  1,  1,
    13, 22, 17,  8, 22, 21,  5, 23, 22,  5, 20, 23,  7, 17, 24, 11,   // row 11
    13, 22, 17,  8, 22, 21,  5, 23, 22,  5, 21, 23,  8, 17, 24, 12,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,   // row 12
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    13, 22, 17,  8, 22, 21,  5, 23, 21,  4, 20, 23,  7, 17, 23, 11,   // row 13
    13, 22, 17,  8, 22, 21,  5, 23, 21,  5, 20, 23,  7, 17, 23, 11,
     4, 11,  6,  2, 11,  9,  0, 12, 11,  0,  9, 12,  1,  7, 13,  4,   // row 14
     4, 11,  7,  2, 12,  9,  0, 12, 11,  0,  9, 12,  1,  7, 12,  4,
     9, 11, 10,  6, 11, 12,  5, 11, 11,  5, 11, 11,  6, 10, 11,  8,   // row 15
     9, 10, 10,  6, 10, 12,  5, 11, 11,  5, 11, 11,  6, 10, 11,  8,
    13, 22, 17,  8, 21, 21,  5, 22, 21,  5, 20, 23,  7, 17, 23, 11,   // row 16
    13, 22, 17,  8, 21, 21,  5, 22, 21,  5, 20, 23,  7, 17, 23, 11,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,   // row 17
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
};
// clang-format on

} // namespace

std::span<const CardReference> KnownCards::references() {
    return kReferences;
}

const std::array<quint8, FrameSample::kCoarsePixels>& KnownCards::creatingImagesCoarseGrey() {
    return kCreatingImagesCoarseGrey;
}

QString KnownCards::name(KnownCard card) {
    switch (card) {
    case KnownCard::None:
        return QStringLiteral("no known card");
    case KnownCard::AvideoOnAir:
        return QStringLiteral("AVideo's ONLINE card");
    case KnownCard::AvideoOffline:
        return QStringLiteral("AVideo's OFFLINE card");
    case KnownCard::AvideoComingSoon:
        return QStringLiteral("AVideo's COMING SOON card");
    case KnownCard::EncoderOnAir:
        return QStringLiteral("the encoder's ON AIR placeholder");
    case KnownCard::EncoderNotFound:
        return QStringLiteral("the encoder's notfound.gif");
    case KnownCard::EncoderCreatingImages:
        return QStringLiteral("the encoder's \"Creating Images\" picture");
    case KnownCard::AvideoLoopBackground:
        return QStringLiteral("AVideo's waiting loop");
    }
    return {};
}

QString KnownCards::meaning(KnownCard card) {
    switch (card) {
    case KnownCard::None:
        return QStringLiteral("a real frame, as far as can be told");
    case KnownCard::AvideoOnAir:
        return QStringLiteral("the encoder gave no frame");
    case KnownCard::AvideoOffline:
        return QStringLiteral("AVideo thinks the live is not running");
    case KnownCard::AvideoComingSoon:
        return QStringLiteral("a scheduled live that has not started");
    case KnownCard::EncoderOnAir:
        return QStringLiteral("its first answer to a new image request, not a frame");
    case KnownCard::EncoderNotFound:
        return QStringLiteral("its first answer to a gif or webp request, not a frame");
    case KnownCard::EncoderCreatingImages:
        return QStringLiteral("a static file of the encoder, not a frame");
    case KnownCard::AvideoLoopBackground:
        return QStringLiteral("the live's playlist is missing, so AVideo streams its loop");
    }
    return {};
}

} // namespace avld
