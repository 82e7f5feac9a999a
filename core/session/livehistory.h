#pragma once

#include "bitmap/bitmap.h"
#include "site/sitecheck.h"

#include <QHash>

namespace avld {

// One live as one check saw it, for the detail window's charts and thumbnail strip.
struct LiveSample {
    QDateTime at;
    qint64 bitrateBps = -1;    // what the media server receives
    qint64 frameAgeMs = -1;    // our frame behind the live edge
    double segmentSeconds = 0; // the newest segment's duration
    qint64 playlistAgeMs = -1;
    Bitmap thumbnail; // what visitors saw, small
    ThumbnailClass siteClass = ThumbnailClass::FetchFailed;
    std::optional<SoundLevels> sound; // the newest segment's sound; unset when not measured
};

// The last samples of every live, bounded per live; lives gone from the site are forgotten.
class LiveHistory {
public:
    static constexpr int kMaxSamples = 120;
    static constexpr int kThumbnailWidth = 160;

    void add(const SiteCheckReport& report);
    QList<LiveSample> samples(const QString& key) const { return m_samples.value(key); }
    int liveCount() const { return int(m_samples.size()); }

private:
    QHash<QString, QList<LiveSample>> m_samples;
};

} // namespace avld
