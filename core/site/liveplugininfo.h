#pragma once

#include "result.h"

#include <QJsonDocument>
#include <QUrl>

namespace avld {

// The Live plugin's options that say where the streams are (§2.2), as an admin reads them in
// objects/pluginsAvailable.json.php (admin only in 11.x; anyone else gets the "forbidden" HTML page). Each
// plugin's row carries `data_object` — the options AVideo itself uses, stored values over defaults — and
// `installedPlugin.object_data`, the stored JSON as AVideo saved it through addcslashes(): read raw, it is
// unescaped the way AVideo's getDataObject() does (stripslashes, then plain JSON if that fails).
struct LivePluginInfo {
    static constexpr auto kUuid = "e06b161c-cbd0-4c1d-a484-71018efa2f35";
    static constexpr auto kEndpoint = "objects/pluginsAvailable.json.php";

    QUrl playerServer; // HLS base: {playerServer}/{key}/index.m3u8
    QUrl statUrl;      // nginx-rtmp's stat page (the option `stats`)
    bool protectLive = false;
    bool useAdaptiveMode = false;
    bool useLiveServers = false; // per-server addresses live in the live_servers table (§2.3)
    bool enabled = true;

    // Fails with "no-live-plugin" when no row is the Live plugin, "bad-answer" when the answer is not the
    // plugin list.
    static Result<LivePluginInfo> fromPluginsAvailable(const QJsonDocument& json);
    // PHP's stripslashes(): "\x" -> "x", "\\" -> "\".
    static QString stripSlashes(const QString& text);
};

} // namespace avld
