#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace avld::test {

class SimRequest;
class SiteAccounts;

// objects/pluginsAvailable.json.php as AVideo 11.7 answers it (avideo-protocol.md §2.2): for an admin,
// {"current":1,"rowCount":N,"total":N,"rows":[…]} with one row per plugin — `data_object` (the options
// AVideo uses: stored values over getEmptyDataObject()'s defaults) and `installedPlugin` (the `plugins`
// table row, whose object_data is the JSON as pluginAddDataObject.json.php stored it, through
// addcslashes()). Anyone else gets forbiddenPage()'s HTML page (HTTP 200: the script calls it before it
// sends its JSON header). Here the rows are the Live plugin and two others.
class PluginsAvailableEndpoint {
public:
    struct LiveOptions {
        QString server{};    // rtmp://…/live
        QUrl playerServer{}; // empty: AVideo's default {scheme}://{host}:8080/live (8443 for https)
        QUrl statUrl{};      // empty: {scheme}://{host}:8080/stat
        bool protectLive = false;
        bool disableGifThumbs = false;
        bool disableLiveThumbs = false;
    };

    static QHttpServerResponse serve(const SimRequest& request, const SiteAccounts& accounts,
                                     const QUrl& siteUrl, const LiveOptions& live);
    // The Live plugin's getDataObject() for these options.
    static QJsonObject liveDataObject(const QUrl& siteUrl, const LiveOptions& live);
    // PHP's addcslashes($text, '\\').
    static QString addSlashes(const QString& text);
};

} // namespace avld::test
