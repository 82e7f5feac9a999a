#pragma once

#include "result.h"

#include <QByteArray>
#include <QUrl>

namespace avld {

// A live's watch page (live/{live_servers_id}/{channel}, the `href` of each live in stats.json.php): the
// page AVideo gives any visitor. Its player carries the exact HLS URL visitors play — 11.7's
// plugin/Live/view/liveVideo.php writes <source src="{Live::getM3U8File()}" type="application/x-mpegURL">
// inside <video id="mainVideo">, with the URL unescaped (protectLive's "…m3u8.php?live_servers_id=0&uuid=…"
// keeps a bare "&").
class WatchPage {
public:
    // Enough for any AVideo page; a bigger answer is not a watch page.
    static constexpr qint64 kMaxBytes = 4 << 20;

    // The HLS URL of the page's player, resolved against `pageUrl`: the first <source> whose type is an
    // HLS type or whose src names a playlist; else the first quoted http(s) URL naming a playlist (players
    // set up from a script). Fails with "no-hls-url" when the page has none — a login or "forbidden" page,
    // an offline channel, a theme we do not know.
    static Result<QUrl> hlsUrl(const QByteArray& html, const QUrl& pageUrl);

    // The player server a default HLS URL shows: {base}/{key}/index.m3u8 (whatever the key's form) or
    // {base}/{key}.m3u8 (adaptive) -> {base}. Empty for plugin/Live/m3u8.php (protectLive) and any other
    // shape.
    static QUrl playerServerOf(const QUrl& hls, const QString& key);
    // plugin/Live/m3u8.php on the site: the stream goes through the site (protectLive, §3.3).
    static bool isThroughSite(const QUrl& hls);
};

} // namespace avld
