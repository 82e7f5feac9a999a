#pragma once

#include "clock.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace avld::test {

// One rtmp/server/application/live/stream entry of nginx-rtmp's /stat page.
struct NginxStream {
    QString name{}; // the stream key
    bool publishing = false;
    int nclients = 0;
    qint64 bwIn = 0;
    int width = 0;
    int height = 0;
    QString videoCodec{};
    double frameRate = 0;
};

// What the site knows of its media server at one moment.
struct NginxSnapshot {
    bool reachable = false; // false: "The RTMP Server is Unavailable" (empty XML substituted)
    QString error{};
    QList<NginxStream> streams{};
    qint64 fetchedAtMs = 0; // on the simulator's clock

    const NginxStream* find(const QString& key) const;
    QSet<QString> publishingKeys() const;
};

// Live::createCacheStatsObject() of the simulated site (avideo-protocol.md §3.4): GETs the `stats` URL
// asynchronously with the `requestStatsTimout` deadline (§2.2, 4 s), parses the XML the way AVideo walks it,
// and keeps the result as the stats cache (`cacheStatsTimout`, §2.2, 60 s on the injected clock) until it
// expires or a cache clear deletes it (§4.2).
//
// The real site also drops that cache from nginx's on_publish / on_publish_done callbacks
// (Live::deleteStatsCache(true), §8). The test stack's nginx has no callbacks into the simulator, so a watch
// timer stands in for them: it reads /stat every `watchIntervalMs` and, when the set of publishing keys
// differs from the cached one, replaces the cache, as a fresh fetch after on_publish(_done) would.
class NginxStatReader : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const NginxSnapshot&)>;

    NginxStatReader(QNetworkAccessManager& network, const Clock& clock, QObject* parent = nullptr);

    void setClock(const Clock& clock) { m_clock = &clock; }
    void setUrl(const QUrl& url);
    QUrl url() const { return m_url; }
    void setCacheSeconds(int seconds) { m_cacheSeconds = seconds; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }
    // 0 turns the on_publish stand-in off.
    void setWatchIntervalMs(int ms);

    // The cached snapshot while it is fresh, else a fetch; `done` runs on this thread, possibly at once.
    void snapshot(Done done);
    // Live::deleteStatsCache(): the next snapshot() fetches.
    void deleteCache() { m_cache.reset(); }
    bool hasCache() const;
    int fetchCount() const { return m_fetchCount; }

    // Applications AVideo keeps (§3.4): the app of the RTMP URL ("live") and "adaptive"; adaptive
    // sub-keys _hi/_low/_mid are skipped.
    static NginxSnapshot parse(const QByteArray& xml,
                               const QStringList& applications = {QStringLiteral("live"),
                                                                  QStringLiteral("adaptive")});

private:
    void fetch(std::function<void(const NginxSnapshot&)> done);
    void watch();

    QNetworkAccessManager& m_network;
    const Clock* m_clock;
    QUrl m_url;
    int m_cacheSeconds = 60;
    int m_timeoutMs = 4000;
    std::optional<NginxSnapshot> m_cache;
    QList<Done> m_waiting; // callers waiting for the fetch in flight
    bool m_fetching = false;
    bool m_watchFetching = false;
    int m_fetchCount = 0;
    QTimer m_watchTimer;
};

} // namespace avld::test
