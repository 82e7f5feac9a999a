#pragma once

#include "result.h"

#include <QList>
#include <QSize>
#include <QUrl>

#include <optional>

namespace avld {

// An HLS playlist as far as grabbing a live frame needs it: a master playlist's variants, or a media
// playlist's segments. Parsed from text; absolute URLs are resolved against the playlist's own URL.
struct HlsPlaylist {
    struct Variant {
        QUrl url;
        qint64 bandwidth = 0;
        QSize resolution; // invalid when the playlist does not say
        QString codecs;
    };
    struct Segment {
        QUrl url;
        double durationSeconds = 0;
    };

    bool isMaster = false;
    QList<Variant> variants; // master playlists
    QList<Segment> segments; // media playlists
    double targetDurationSeconds = 0;
    qint64 mediaSequence = 0;
    bool endList = false;        // #EXT-X-ENDLIST: the stream has ended (or is a recording)
    QString keyMethod;           // #EXT-X-KEY METHOD (e.g. AES-128), empty or NONE when clear
    bool hasInitSection = false; // #EXT-X-MAP: fragmented MP4 segments

    // Parses `text` fetched from `url`. Fails with "not-a-playlist" (HTML pages, text refusals such as
    // AVideo's "uuid empty") or "empty-playlist" (a media playlist without segments).
    static Result<HlsPlaylist> parse(const QByteArray& text, const QUrl& url);

    // The variant with the most pixels, then the highest bandwidth; nullptr when there is none.
    const Variant* bestVariant() const;
    bool isEncrypted() const { return !keyMethod.isEmpty() && keyMethod != QStringLiteral("NONE"); }
    // The duration of the last `count` segments together.
    double tailDurationSeconds(int count) const;
    // The segment after the newest one, which a live's media server is writing now, when the segments are
    // named by their sequence number (nginx-rtmp's default: the newest listed is 41.ts, so 42.ts grows on
    // disk until it is listed). Empty for an ended stream or another naming.
    std::optional<QUrl> segmentBeingWritten() const;
};

} // namespace avld
