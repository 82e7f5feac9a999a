#pragma once

#include <QString>

namespace avld {

// What a visitor sees in a live's tile, as far as its pixels and size tell.
enum class ThumbnailClass {
    RealFrame,          // a picture of the stream (or an old frame of it: AVideo caches frames 5 minutes)
    EncoderPlaceholder, // the encoder's OnAir.jpg (70 805–70 810 bytes, §1.3) or its card
    EncoderNotFound,    // the encoder's notfound.gif (2 095 335–2 095 350 bytes) or its card
    EncoderCreatingImages,
    OnlineCard,  // AVideo's ONLINE card: the encoder gave nothing within 2 s
    OfflineCard, // AVideo's OFFLINE card: the site thinks the live is not running
    ComingSoonCard,
    WaitingLoop,  // a frame of AVideo's waiting loop: the live's playlist is missing
    Blank,        // black or one flat colour
    NotAnImage,   // an HTTP error, an empty body or bytes that do not decode: visitors see a broken image
    FetchFailed,  // no answer reached us (network): what visitors see is not known
    StaticPoster, // the streamer's uploaded poster, which AVideo serves when the encoder gives nothing
};

QString thumbnailClassName(ThumbnailClass cls);
// The same words in the language the application loaded (the window's); thumbnailClassName() stays English
// for the JSON and the command line.
QString thumbnailClassText(ThumbnailClass cls);
// True for everything AVideo shows instead of a frame of the live.
bool isPlaceholder(ThumbnailClass cls);

} // namespace avld
