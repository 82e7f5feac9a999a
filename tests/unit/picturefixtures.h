#pragma once

// What a grab sees of a live's picture, built from figures (no stream): for the picture's, the tracker's, the
// diagnosis's and the tiles' tests.

#include "bitmap/bitmap.h"
#include "site/liveentry.h"

namespace avld::test {

// A scene: a dark cyan picture with a white box at the left ("a") or at the right ("b"); neither black nor
// flat, and far from each other (FrameChecks::samePicture tells them apart).
inline Bitmap scene(char which) {
    Bitmap image(320, 180);
    image.fill(rgb(0x00, 0x80, 0x80));
    const int left = which == 'a' ? 20 : 200;
    for (int y = 40; y < 140; ++y)
        for (int x = left; x < left + 100; ++x)
            image.setPixel(x, y, rgb(255, 255, 255));
    return image;
}

inline Bitmap blackPicture() {
    Bitmap image(320, 180);
    image.fill(rgb(16, 16, 16)); // video black
    return image;
}

// Our grab of a live showing `image`, with the spans its segment measured (GrabReport::pictureStillForMs,
// pictureBlackForMs; -1: unknown, as for RTMP).
inline Result<GrabResult> grabOfPicture(const Bitmap& image, qint64 stillForMs = -1, qint64 blackForMs = -1,
                                        const QString& method = QStringLiteral("hls-segment")) {
    GrabResult result;
    GrabbedFrame frame;
    frame.image = image;
    result.frames = {frame};
    result.report.frameAgeMs = 1500;
    result.report.method = method;
    result.report.pictureStillForMs = stillForMs;
    result.report.pictureBlackForMs = blackForMs;
    return result;
}

// A live the site lists and nginx receives, with our grab.
inline LiveEntry seenLive(const QString& key, std::optional<Result<GrabResult>> grab) {
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

// One check of a live, as WHAT: `a`/`b` (a scene; `a2000` its segment the same for 2000 ms, `a0` its segment
// moved, plain `a` unknown as over RTMP), `black` (`black2000`: black for 2000 ms of its segment), `failed`
// (our grab failed), `none` (not grabbed).
inline LiveEntry pictureCheckOf(const QString& key, const QString& what) {
    if (what == QStringLiteral("failed"))
        return seenLive(
            key, Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("HTTP 404"), {}}));
    if (what == QStringLiteral("none"))
        return seenLive(key, std::nullopt);
    if (what.startsWith(QStringLiteral("black"))) {
        const QString ms = what.mid(5);
        return seenLive(key, grabOfPicture(blackPicture(), ms.isEmpty() ? -1 : ms.toLongLong(),
                                           ms.isEmpty() ? -1 : ms.toLongLong()));
    }
    const QString ms = what.mid(1);
    return seenLive(key, grabOfPicture(scene(what.at(0).toLatin1()), ms.isEmpty() ? -1 : ms.toLongLong(),
                                       ms.isEmpty() ? -1 : 0));
}

} // namespace avld::test
