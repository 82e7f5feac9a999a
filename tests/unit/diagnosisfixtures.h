#pragma once

// Diagnosis inputs in the seed states, built from parts (no network): lives as the site check would join
// them, encoders as the watch would report them, the stand-in as the controller would.

#include "diagnosis/diagnosisinput.h"

namespace avld::test {

inline const QUrl kSiteEncoderUrl{QStringLiteral("https://encoder.example.org/")};
inline const QUrl kBackupUrl{QStringLiteral("https://backup.example.org/")};
inline const QString kStandinPrefix = QStringLiteral("k7Hq2mZ9pX4wL8sN");
inline const QString kPasswordHash = QStringLiteral("9f8e7d6c5b4a39281706f5e4d3c2b1a0");

enum class SeedState {
    EncoderDown,      // the site's encoder refuses: the lives show ONLINE cards
    StandinServing,   // the site asks the running stand-in and serves its frames
    Poster,           // the encoder is down and AVideo falls back to the streamers' posters
    CardAfterSwitch,  // switched to the stand-in, but AVideo still holds the cards it cached
    MediaUnreachable, // this computer cannot reach the media server; the site is fine
    GhostLive,        // the media server receives a stream the site does not list
    SiteUnreachable,  // the site's list of lives cannot be read
};

DiagnosisInput seedInput(SeedState state);
// A live as the check joins it: listed by the site, received by nginx, the site's thumbnail of class `cls`
// and our own grab (a real picture, 3 s behind the live edge) unless `grabError` is set.
LiveEntry liveEntry(const QString& key, const QString& title, ThumbnailClass cls,
                    std::optional<Error> grabError = std::nullopt);
EncoderSnapshot encoderSnapshot(const QUrl& url, EncoderOrigin origin, ProbeHealth health,
                                qint64 functionalMs = 180);

} // namespace avld::test
