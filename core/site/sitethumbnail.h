#pragma once

#include "media/frameverdict.h"
#include "thumbnailclass.h"

#include <QDateTime>
#include <QImage>
#include <QUrl>

namespace avld {

// A thumbnail the site served for a live, classified, with when it was fetched.
struct SiteThumbnail {
    QUrl url;
    QDateTime fetchedAt;
    qint64 bytes = 0;
    QImage image;
    ThumbnailClass cls = ThumbnailClass::FetchFailed;
    FrameVerdict verdict;
    QString detail; // why it was classified so, or why the fetch failed

    // Classifies bytes the site served: AVideo's byte-size windows first (§1.3), then the picture.
    static SiteThumbnail classify(const QUrl& url, const QByteArray& body, const QDateTime& fetchedAt);
    static SiteThumbnail failed(const QUrl& url, const QString& why, const QDateTime& fetchedAt);
};

} // namespace avld
