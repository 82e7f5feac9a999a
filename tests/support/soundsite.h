#pragma once

#include "clock.h"
#include "fakeencoder.h"
#include "result.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QSize>
#include <QString>
#include <QUrl>

#include <memory>

namespace avld::test {

// A simulated AVideo site (SiteSimulator over HTTP, the fake encoder) whose three lives are real streams
// (nginx-rtmp, ffmpeg) that differ only in their sound: lavfi's sine at -18 dBFS all along, digital silence
// from the start, and no audio at all. For the tests of silent lives through `check`, the diagnosis and the
// window. Needs the shared reference images: the caller checks that they are there.
struct SoundSite {
    inline static const QString loudKey = QStringLiteral("loud-key");
    inline static const QString silentKey = QStringLiteral("silent-key");
    inline static const QString muteKey = QStringLiteral("mute-key");

    StreamStack stack;
    std::unique_ptr<FakeEncoder> encoder;
    std::unique_ptr<SiteSimulator> site;

    // Publishes the three streams at `size`, starts the fake encoder and the site with the lives ("Loud
    // live", "Silent live", "Mute live"); `clock` drives the site; AVideo's cards come from
    // `referenceImagesDir`.
    Status start(QSize size, const Clock* clock, const QString& referenceImagesDir);
    QUrl playerServer() const;
};

} // namespace avld::test
