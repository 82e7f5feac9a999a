#pragma once

#include "result.h"

#include <QList>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace avld::test {
class StreamStack;
}

// Live streams that cost the machine little (320x180 at 10 fps, no audio, via nginx-rtmp HLS), for the
// benchmarks that load the service rather than the grabber, and the service's image URLs for them.
namespace avld::bench {

struct CheapStreams {
    QStringList keys;      // s01, s02, ...
    QList<QUrl> playlists; // their HLS playlists
};

// Starts the stack, publishes `count` streams at once and waits until each lists 2 segments (60 s).
Result<CheapStreams> startCheapStreams(test::StreamStack& stack, int count);

// "{prefix}objects/getImage.php?base64Url=B64&format=FORMAT" for a stream, B64 percent-encoded as AVideo
// sends it; `prefix` starts and ends with '/'.
QString imagePath(const QString& prefix, const QUrl& stream, const QString& format = QStringLiteral("jpg"));

// Asks every URL until each has answered an image (60 s): the service has then cached them all.
Status warmImages(QNetworkAccessManager& network, const QList<QUrl>& imageUrls);

} // namespace avld::bench
