#pragma once

#include "bitmap/bitmap.h"
#include "media/frameverdict.h"
#include "thumbnailclass.h"

#include <QDateTime>
#include <QUrl>

namespace avld {

// A thumbnail the site served for a live, classified, with when it was fetched.
struct SiteThumbnail {
    QUrl url;
    QDateTime fetchedAt;
    int httpStatus = 0; // 0 when no answer came, or for bytes classified without one
    qint64 bytes = 0;
    QByteArray digest; // SHA-256 of the bytes: tells the same file served again (a poster) from a frame
    Bitmap image;      // the picture decoded (a GIF's or an animated WebP's first frame); null when none
    ThumbnailClass cls = ThumbnailClass::FetchFailed;
    FrameVerdict verdict;
    QString detail;   // why it was classified so, or why the fetch failed
    QString cameBack; // for a broken image: what the site sent instead ("an empty body", "an HTML page …")

    // Classifies bytes the site served: AVideo's byte-size windows first (§1.3), then the picture.
    static SiteThumbnail classify(const QUrl& url, const QByteArray& body, const QDateTime& fetchedAt);
    // The site's answer to a visitor's thumbnail request: an HTTP error, an empty body or something that is
    // not a picture is a broken image (NotAnImage) whose detail says what came back.
    static SiteThumbnail fromReply(const QUrl& url, int status, const QByteArray& contentType,
                                   const QByteArray& body, const QDateTime& fetchedAt);
    // No answer reached us (DNS, refused, timeout, TLS): FetchFailed.
    static SiteThumbnail failed(const QUrl& url, const QString& why, const QDateTime& fetchedAt);

    static QByteArray digestOf(const QByteArray& body);
    // The site's answer, not one of ours: what a visitor's browser got instead of a picture.
    bool isBroken() const { return cls == ThumbnailClass::NotAnImage; }
    // "getImage.php", for messages.
    QString scriptName() const;
    // How long AVideo serves a live's picture from its own cache (getLiveImage_*, §1.2) before asking its
    // encoder again: 300 s for jpg and png, 900 s for gif and webp, by the format the URL asks for.
    static qint64 avideoCacheLifetimeMs(const QUrl& url);
};

} // namespace avld
