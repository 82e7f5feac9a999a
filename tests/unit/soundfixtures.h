#pragma once

// What a grab measures of a segment's sound, built from figures (no stream): for the tracker's, the
// diagnosis's and the tiles' tests.

#include "site/liveentry.h"

#include <limits>

namespace avld::test {

// A segment with sound: lavfi's sine as the stack publishes it (-17.7 dBFS peak), ending in `silentTailMs`
// of silence.
inline SoundLevels soundWith(qint64 silentTailMs = 0, double peakDbfs = -17.7, qint64 measuredMs = 2000) {
    SoundLevels levels;
    levels.hasAudio = true;
    levels.peakDbfs = peakDbfs;
    levels.rmsDbfs = peakDbfs - 3.4;
    levels.momentaryMaxLufs = peakDbfs - 4.1;
    levels.integratedLufs = peakDbfs - 4.2;
    levels.silentTailMs = silentTailMs;
    levels.measuredMs = measuredMs;
    return levels;
}

// A segment silent throughout (digital silence).
inline SoundLevels silence(qint64 measuredMs = 2000) {
    SoundLevels levels;
    levels.hasAudio = true;
    levels.peakDbfs = -std::numeric_limits<double>::infinity();
    levels.rmsDbfs = -std::numeric_limits<double>::infinity();
    levels.momentaryMaxLufs = -std::numeric_limits<double>::infinity();
    levels.integratedLufs = -70;
    levels.silentTailMs = measuredMs;
    levels.measuredMs = measuredMs;
    return levels;
}

// A segment without audio.
inline SoundLevels noAudio() {
    return {};
}

// Our grab of a live (a picture, 1.5 s behind) with the sound it measured; unset: not measured (RTMP).
inline Result<GrabResult> grabWithSound(std::optional<Result<SoundLevels>> sound,
                                        const QString& method = QStringLiteral("hls-segment")) {
    GrabResult result;
    GrabbedFrame frame;
    frame.image = Bitmap(64, 36);
    frame.image.fill(rgb(0x00, 0x80, 0x80)); // Qt::darkCyan
    result.frames = {frame};
    result.report.frameAgeMs = 1500;
    result.report.method = method;
    result.report.sound = std::move(sound);
    return result;
}

// A live the site lists and nginx receives, with our grab.
inline LiveEntry heardLive(const QString& key, std::optional<Result<GrabResult>> grab) {
    LiveEntry e;
    e.key = key;
    SiteLive site;
    site.key = key;
    site.title = key.section(QLatin1Char('-'), 0, 0) + QStringLiteral(" live");
    site.title[0] = site.title[0].toUpper();
    e.site = site;
    NginxStream media;
    media.name = key;
    media.publishing = true;
    e.media = media;
    e.mediaKnown = true;
    e.ourGrab = std::move(grab);
    return e;
}

} // namespace avld::test
