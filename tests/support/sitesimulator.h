#pragma once

#include "clock.h"
#include "deferredresponder.h"
#include "simulatedlive.h"
#include "siteaccounts.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QNetworkAccessManager;
class QTcpServer;

namespace avld::test {

class ApiPluginEndpoints;
class LiveImageEndpoint;
class LivePlaylistProxy;
class LiveStatsBuilder;
class NginxStatReader;
class RequestGuard;
class SimRequest;
class SiteAdminEndpoints;
class SiteCardImages;
class SitePosters;

// An AVideo site with the Live plugin, played over HTTP on loopback as /work/shared/avideo-protocol.md
// describes it (sections named in the comments), fed by a real nginx-rtmp /stat page. Endpoints:
//   objects/login.json.php, objects/status.json.php, objects/configurationClearCache.json.php,
//   objects/configurationUpdate.json.php, plugin/Live/stats.json.php, plugin/API/get.json.php
//   (APIName=livestreams), plugin/API/set.json.php (its guard), api/livestreams, plugin/Live/getImage.php,
//   plugin/Live/m3u8.php, the watch pages live/{id}/{channel} (LiveWatchPage),
//   objects/pluginsAvailable.json.php (PluginsAvailableEndpoint), and the static cards under
//   plugin/Live/view/.
// Every handler answers without blocking the thread (see DeferredResponder), so a FakeEncoder in the same
// thread can be called by getImage.php.
class SiteSimulator : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl statUrl{};       // nginx-rtmp /stat (the Live plugin's `stats` option)
        QUrl playerServer{};  // the Live plugin's `playerServer`, e.g. http://127.0.0.1:PORT/live
        QString rtmpServer{}; // the Live plugin's `server`; empty: rtmp://127.0.0.1/live
        QString encoderUrl{}; // configurations.encoderURL
        const avld::Clock* clock = nullptr; // cache lifetimes, rate-limit window; null: the system clock
        int rateLimitPerMinute = 300;       // §5 autoRateLimitGuard
        bool treatLoopbackAsRemote = true;  // §5: see RequestGuard
        QString referenceImagesDir{};       // empty or missing: drawn stand-in cards
        bool protectLive = false;           // §3.3: lives play through plugin/Live/m3u8.php
        bool disableLiveThumbs = false;     // §1.1 / §1.2 step 6
        bool disableGifThumbs = false;      // §1.1: no webp imgGif
        // AVideo 11.x's getImage.php, as the real 11.7 behaves (see LiveImageEndpoint::Context::avideo11);
        // false: the 2026 code of avideo-protocol.md.
        bool avideo11 = false;
        int statsCacheSeconds = 60;       // §2.2 cacheStatsTimout
        int requestStatsTimeoutMs = 4000; // §2.2 requestStatsTimout
        int publishWatchIntervalMs = 500; // stand-in for nginx's on_publish callbacks (NginxStatReader)
        QString webSiteTitle = QStringLiteral("AVideo Live Doctor test site");
        QString version = QStringLiteral("14.4"); // configurations.version (a plausible 2026 value)
        bool zwnjTitles = false; // 11.7: stats.json.php titles start with an invisible "&zwnj;"
    };

    // Ways the site can break, per endpoint path, for client robustness tests.
    enum class Fault {
        None,
        HtmlErrorPage, // HTTP 500, text/html: a PHP fatal error page
        HtmlLoginPage, // HTTP 200, text/html: the login page a session-less request is sent to
        MalformedJson, // HTTP 200, application/json: a truncated JSON document
        Hang,          // accepts the request and never answers
        EmptyImage,    // HTTP 200, image/jpg, no body: a script that died before printing
        Blocked,       // HTTP 403, text/html: the web server or a firewall in front blocks the address
        RateLimited,   // HTTP 429: the JSON enforceRateLimit() answers, no Retry-After (§5)
        Unavailable,   // HTTP 503, text/html, Retry-After: the web server or a proxy in front is overloaded
    };

    SiteSimulator();
    explicit SiteSimulator(Options options, QObject* parent = nullptr);
    ~SiteSimulator() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl siteUrl() const; // "http://127.0.0.1:PORT/"
    QUrl url(const QString& path) const;

    // The live_transmitions table. A user name the site does not know is created as a streamer with the
    // password "<user>123" (and the display name "<User>").
    void addLive(SimulatedLive live);
    bool removeLive(const QString& key);
    QList<SimulatedLive> lives() const { return m_lives; }
    SimulatedUser addUser(SimulatedUser user);
    const SiteAccounts& accounts() const { return m_accounts; }

    // Run-time changes.
    void setEncoderUrl(const QString& url); // writes configurations.encoderURL, like the admin form
    void dropSessions() { m_accounts.dropSessions(); } // every client signed in is a visitor again
    QString encoderUrl() const;
    void setStatUrl(const QUrl& url);
    void setPlayerServer(const QUrl& url);
    void setRtmpServer(const QString& url);
    void setClock(const avld::Clock& clock);
    void setRateLimitPerMinute(int max);
    void setTreatLoopbackAsRemote(bool remote);
    void setProtectLive(bool on) { m_options.protectLive = on; }
    void setDisableLiveThumbs(bool on) { m_options.disableLiveThumbs = on; }
    void setDisableGifThumbs(bool on) { m_options.disableGifThumbs = on; }
    void setZwnjTitles(bool on) { m_options.zwnjTitles = on; }
    // A streamer's uploaded poster: served at SitePosters::path() and by getImage.php, for every format,
    // when the encoder gives nothing (the real 11.7's fallback). The user must exist (addLive creates it).
    void setPoster(const QString& user, QByteArray jpeg, int liveServersId = 0);
    void removePoster(const QString& user, int liveServersId = 0);
    void setEncoderTimeoutMs(int ms); // url_get_contents' 2 s; only for experiments
    const Options& options() const { return m_options; }

    void setFault(const QString& path, Fault fault);
    void clearFaults() { m_faults.clear(); }

    // Read-only views for tests.
    int requestCount(const QString& path) const { return m_requestCounts.value(path); }
    int totalRequests() const { return m_totalRequests; }
    int encoderCallCount() const;
    QList<QUrl> encoderRequests() const;
    QStringList liveImageCacheKeys() const; // fresh ObjectYPT getLiveImage_* keys
    QStringList liveImageDiskCacheKeys() const;
    bool statsCached() const;
    int statFetchCount() const;
    QMap<QString, QString> configuration() const;
    int sessionCacheClears() const;
    int firstPageCacheClears() const;
    int fullCacheClears() const;
    bool cardsFromReference() const;
    const SiteCardImages& cards() const { return *m_cards; }
    // Replies held open by the Hang fault.
    int hangingRequests() const { return int(m_hanging.size()); }

private:
    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    bool applyGuards(const SimRequest& request, const Reply& reply);
    bool applyFault(const QString& path, const Reply& reply);
    void serveStats(const SimRequest& request, const Reply& reply);
    void serveApiGet(const SimRequest& request, const Reply& reply, const QString& apiName);
    void serveImage(const SimRequest& request, const Reply& reply);
    void serveM3u8(const SimRequest& request, const Reply& reply);
    void serveStatic(const QString& path, const Reply& reply);
    QString streamKeyFor(const SimulatedUser& user);
    void fullClear();
    const avld::Clock& clock() const;

    Options m_options;
    SiteAccounts m_accounts;
    QList<SimulatedLive> m_lives;
    std::unique_ptr<QHttpServer> m_server;
    QTcpServer* m_tcp = nullptr; // owned by m_server
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestGuard> m_guard;
    std::unique_ptr<SiteCardImages> m_cards;
    std::unique_ptr<SitePosters> m_posters;
    std::unique_ptr<NginxStatReader> m_stats;
    std::unique_ptr<LiveStatsBuilder> m_statsBuilder;
    std::unique_ptr<LiveImageEndpoint> m_images;
    std::unique_ptr<LivePlaylistProxy> m_playlists;
    std::unique_ptr<ApiPluginEndpoints> m_api;
    std::unique_ptr<SiteAdminEndpoints> m_admin;
    QHash<QString, Fault> m_faults;
    QHash<QString, int> m_requestCounts;
    int m_totalRequests = 0;
    QList<Reply> m_hanging;
};

} // namespace avld::test
