#pragma once

// What a grab sees of a live's picture, built from figures (no stream): for the picture's, the tracker's, the
// diagnosis's and the tiles' tests.

#include "site/liveentry.h"

#include <QColor>
#include <QImage>
#include <QPainter>

namespace avld::test {

// A scene: a dark cyan picture with a white box at the left ("a") or at the right ("b"); neither black nor
// flat, and far from each other (FrameChecks::samePicture tells them apart).
inline QImage scene(char which) {
    QImage image(320, 180, QImage::Format_RGB32);
    image.fill(QColor(0x00, 0x80, 0x80));
    QPainter painter(&image);
    painter.fillRect(which == 'a' ? QRect(20, 40, 100, 100) : QRect(200, 40, 100, 100), Qt::white);
    return image;
}

inline QImage blackPicture() {
    QImage image(320, 180, QImage::Format_RGB32);
    image.fill(QColor(16, 16, 16)); // video black
    return image;
}

// Our grab of a live showing `image`, with the spans its segment measured (GrabReport::pictureStillForMs,
// pictureBlackForMs; -1: unknown, as for RTMP).
inline Result<GrabResult> grabOfPicture(const QImage& image, qint64 stillForMs = -1, qint64 blackForMs = -1,
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
