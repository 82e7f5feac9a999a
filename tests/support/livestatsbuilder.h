#pragma once

#include "clock.h"
#include "nginxstatreader.h"
#include "simulatedlive.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace avld::test {

class SiteAccounts;

// Builds what plugin/Live/stats.json.php answers (avideo-protocol.md §3.1, §3.2) from the live table and an
// nginx /stat snapshot: a live is listed when its key is publishing on the media server AND it has a row in
// the table (§3.4: keys without a row are skipped, so a "ghost live" publishing without a row is not listed),
// or when its row is flagged listedWhileNotPublishing (an unfinished history row).
//
// isLiveAndIsReadyFromKey (§3.4) = the key is in the stats AND isValidM3U8Link() succeeds — here: the
// player server's playlist answers with "#EXTM3U" within 2 s (the page gives no timeout; 2 s is a guess).
// The result is cached for 90 s on the injected clock (LiveCacheHandler, §4.1).
class LiveStatsBuilder : public QObject {
    Q_OBJECT
public:
    struct Context {
        QUrl siteUrl{};
        QUrl playerServer{};
        bool protectLive = false;
        bool disableGifThumbs = false;
        QList<SimulatedLive> lives{};
        const SiteAccounts* accounts = nullptr;
        bool zwnjTitles = false; // 11.7 Live::getTitleFromKey(): "&zwnj;" before every title
    };
    using Done = std::function<void(const QJsonObject&)>;

    LiveStatsBuilder(QNetworkAccessManager& network, const Clock& clock, QObject* parent = nullptr);
    void setClock(const Clock& clock) { m_clock = &clock; }

    // `name`: stats.json.php's ?name=<key> (msg ONLINE/OFFLINE for that key); `liveServersId`: the
    // ?live_servers_id= filter, none for every server.
    void build(const NginxSnapshot& stat, const Context& context, const QString& name,
               std::optional<int> liveServersId, Done done);
    // LiveCacheHandler->deleteCache() (§4.1 "live/" subdir): forgets the readiness results.
    void deleteCache() { m_ready.clear(); }
    int readinessCacheSize() const { return int(m_ready.size()); }

private:
    struct Readiness {
        bool ready = false;
        qint64 atMs = 0;
    };
    QJsonObject assemble(const NginxSnapshot& stat, const Context& context, const QString& name,
                         const QList<SimulatedLive>& listed) const;
    QJsonObject application(const SimulatedLive& live, const NginxStream* stream, const Context& context,
                            bool ready) const;
    bool readinessFresh(const QString& key) const;

    QNetworkAccessManager& m_network;
    const Clock* m_clock;
    QHash<QString, Readiness> m_ready;
};

} // namespace avld::test
