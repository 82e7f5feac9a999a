#pragma once

#include "media/sitethumbnail.h"
#include "sitelive.h"

#include <QUrl>

#include <optional>

namespace avld {

// Tells the streamer's static poster from a frame of the live (README of the real AVideo: "A poster is not
// a frame"). With the encoder giving nothing, AVideo 11.x/2026 serve the file
// videos/userPhoto/Live/user_{users_id}_thumbs_{live_servers_id}.jpg as it is, for every format, and cache it
// like a frame. Two proofs hold on a real site:
//   - the thumbnail is byte for byte that file (Apache serves it to anyone);
//   - the animated thumbnail (webp) is the very same bytes as the jpg: one still file served for every
//   format,
//     which an encoder never does.
// A perceptual hash cannot prove it alone: measured, frames of one moving stream 1 s to 5 min apart are 0-40
// bits of 64 apart (testsrc2 19-30 bits at 1 s; a camera panning over a photo 16-24 at 60 s, up to 40 at
// 5 min), posters and cards 21-40 from every frame. So the hash only spares the second proof's request when
// the thumbnail is close to our own frame: no poster or card came within 21 bits of a frame.
class PosterEvidence {
public:
    static constexpr int kNearOurFrameMaxDistance = 12;

    static QUrl posterFileUrl(const QUrl& siteUrl, const SiteLive& live);
    // pHash bits between the site's picture and our frame; nullopt when either has too little structure to
    // compare (FrameChecks::kMinStructureBits) or is missing.
    static std::optional<int> distanceToOurFrame(const SiteThumbnail& site, const Bitmap& ourFrame);
    // A picture the site shows as if it were a frame (not a card, not already a poster).
    static bool couldBePoster(const SiteThumbnail& site);
    // Whether the animated thumbnail is worth fetching to prove a still: it could be a poster and is not
    // close to our own frame.
    static bool needsAnimatedProof(const SiteThumbnail& site, std::optional<int> distance);

    static void markPosterFile(SiteThumbnail& site, const QUrl& posterFile);
    static void markStillForEveryFormat(SiteThumbnail& site, std::optional<int> distance);
};

} // namespace avld
