#pragma once

#include "simulatedlive.h"

#include <QHttpServerResponse>
#include <QList>
#include <QString>
#include <QUrl>

namespace avld::test {

class SimRequest;
class SiteAccounts;

// A live's watch page, live/{live_servers_id}/{channel}[/{live_index}] (.htaccess rewrites it to
// plugin/Live/?live_servers_id=…&c=…), as AVideo 11.7 writes it for any visitor: plugin/Live/view/
// modeYoutubeLive.php with liveVideo.php's player, whose <source> carries Live::getM3U8File() unescaped —
// {playerServer}/{key}/index.m3u8, or {site}plugin/Live/m3u8.php?live_servers_id=0&uuid=… with protectLive
// (§3.3). The page is the same whether the live runs or not. A channel the site does not know sends an
// anonymous visitor to the login page.
class LiveWatchPage {
public:
    struct Context {
        QUrl siteUrl{};
        QUrl playerServer{};
        bool protectLive = false;
        QString webSiteTitle{};
        QList<SimulatedLive> lives{};
        const SiteAccounts* accounts = nullptr;
    };

    static bool handles(const QString& path) { return path.startsWith(QStringLiteral("live/")); }
    static QHttpServerResponse serve(const SimRequest& request, const Context& context);
    // The page's HTML for one live, for tests that want the markup itself.
    static QByteArray html(const SimulatedLive& live, const QString& channel, const Context& context);
};

} // namespace avld::test
