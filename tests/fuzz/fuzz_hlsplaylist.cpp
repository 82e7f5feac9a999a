// HLS playlists as a media server or a site's m3u8.php answers them (HlsPlaylist::parse).
#include "fuzzinput.h"
#include "media/hlsplaylist.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    static const QUrl url(QStringLiteral("http://media.example:8080/live/key/index.m3u8"));
    const Result<HlsPlaylist> playlist = HlsPlaylist::parse(fuzz::bytesOf(data, size), url);
    if (!playlist)
        return 0;
    // What the grabber does next with a playlist.
    if (const HlsPlaylist::Variant* best = playlist->bestVariant())
        (void)best->url.toString();
    (void)playlist->isEncrypted();
    // GrabTask turns durations into milliseconds: a value no qint64 holds is undefined behaviour there.
    (void)qint64(playlist->targetDurationSeconds * 3000);
    for (int count = 0; count <= playlist->segments.size() + 1; ++count)
        (void)qint64(playlist->tailDurationSeconds(count) * 1000);
    return 0;
}
