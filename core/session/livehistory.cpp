#include "livehistory.h"

#include "bitmap/bitmapscale.h"

#include <QSet>

namespace avld {

void LiveHistory::add(const SiteCheckReport& report) {
    QSet<QString> seen;
    for (const LiveEntry& live : report.lives) {
        if (!live.site)
            continue;
        seen.insert(live.key);
        LiveSample sample;
        sample.at = report.startedAt.isValid() ? report.startedAt : QDateTime::currentDateTime();
        if (live.media)
            sample.bitrateBps = live.media->bitrateIn;
        if (live.ourGrab && live.ourGrab->ok()) {
            const GrabReport& grab = live.ourGrab->value().report;
            sample.frameAgeMs = grab.frameAgeMs;
            sample.segmentSeconds = grab.segmentSeconds;
            sample.playlistAgeMs = grab.playlistAgeMs;
            if (grab.sound && grab.sound->ok())
                sample.sound = grab.sound->value();
        }
        if (live.siteThumbnail) {
            sample.siteClass = live.siteThumbnail->cls;
            if (!live.siteThumbnail->image.isNull())
                sample.thumbnail = scaledToWidth(live.siteThumbnail->image, kThumbnailWidth);
        }
        QList<LiveSample>& samples = m_samples[live.key];
        samples.append(sample);
        if (samples.size() > kMaxSamples)
            samples.remove(0, samples.size() - kMaxSamples);
    }
    m_samples.removeIf([&seen](const auto& entry) { return !seen.contains(entry.key()); });
}

} // namespace avld
