#include "sitesimulator.h"

#include "apipluginendpoints.h"
#include "liveimageendpoint.h"
#include "liveplaylistproxy.h"
#include "livestatsbuilder.h"
#include "liveurls.h"
#include "livewatchpage.h"
#include "nginxstatreader.h"
#include "phpjson.h"
#include "pluginsavailableendpoint.h"
#include "requestguard.h"
#include "simrequest.h"
#include "siteadminendpoints.h"
#include "sitecardimages.h"
#include "sitefaultpages.h"
#include "siteposters.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>

namespace avld::test {

namespace {

const QString kLogin = QStringLiteral("objects/login.json.php");
const QString kStatus = QStringLiteral("objects/status.json.php");
const QString kClearCache = QStringLiteral("objects/configurationClearCache.json.php");
const QString kConfigurationUpdate = QStringLiteral("objects/configurationUpdate.json.php");
const QString kStats = QStringLiteral("plugin/Live/stats.json.php");
const QString kApiGet = QStringLiteral("plugin/API/get.json.php");
const QString kApiSet = QStringLiteral("plugin/API/set.json.php");
const QString kGetImage = QStringLiteral("plugin/Live/getImage.php");
const QString kM3u8 = QStringLiteral("plugin/Live/m3u8.php");
const QString kConfigurationsPage = QStringLiteral("view/configurations.php");
const QString kPluginsAvailable = QStringLiteral("objects/pluginsAvailable.json.php");

} // namespace

SiteSimulator::SiteSimulator()
    : SiteSimulator(Options{}) {}

SiteSimulator::SiteSimulator(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(std::make_unique<QHttpServer>())
    , m_network(std::make_unique<QNetworkAccessManager>()) {
    m_guard = std::make_unique<RequestGuard>(clock());
    m_guard->setRateLimit(m_options.rateLimitPerMinute, 60);
    m_guard->setTreatLoopbackAsRemote(m_options.treatLoopbackAsRemote);
    m_cards = std::make_unique<SiteCardImages>(m_options.referenceImagesDir);
    m_posters = std::make_unique<SitePosters>();
    m_stats = std::make_unique<NginxStatReader>(*m_network, clock());
    m_stats->setUrl(m_options.statUrl);
    m_stats->setCacheSeconds(m_options.statsCacheSeconds);
    m_stats->setRequestTimeoutMs(m_options.requestStatsTimeoutMs);
    m_stats->setWatchIntervalMs(m_options.publishWatchIntervalMs);
    m_statsBuilder = std::make_unique<LiveStatsBuilder>(*m_network, clock());
    m_images = std::make_unique<LiveImageEndpoint>(*m_network, *m_stats, *m_cards, clock());
    m_playlists = std::make_unique<LivePlaylistProxy>(*m_network);
    m_api = std::make_unique<ApiPluginEndpoints>(m_accounts, *m_guard);
    m_admin = std::make_unique<SiteAdminEndpoints>(
        m_accounts, [this](const SimulatedUser& user) { return streamKeyFor(user); },
        [this] { fullClear(); });
    m_admin->setConfigurationValue(QStringLiteral("webSiteTitle"), m_options.webSiteTitle);
    m_admin->setConfigurationValue(QStringLiteral("encoder_url"), m_options.encoderUrl);
    if (m_options.rtmpServer.isEmpty())
        m_options.rtmpServer = QStringLiteral("rtmp://127.0.0.1/live");

    // One dispatcher for every path, like Apache handing a request to a PHP script: the simulator routes
    // by path itself. setMissingHandler() is Qt 6.4's catch-all that gives a QHttpServerResponder, which is
    // what lets handlers answer later (see DeferredResponder).
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        dispatch(request, std::move(responder));
    });
}

SiteSimulator::~SiteSimulator() {
    m_hanging.clear();
    m_server.reset(); // no more requests; sockets go, so pending replies see a closed socket
    m_admin.reset();
    m_api.reset();
    m_playlists.reset();
    m_images.reset();
    m_statsBuilder.reset();
    m_stats.reset();
    m_network.reset();
}

const avld::Clock& SiteSimulator::clock() const {
    return m_options.clock ? *m_options.clock : avld::Clock::system();
}

bool SiteSimulator::listen(quint16 port) {
    auto* tcp = new QTcpServer(m_server.get());
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return false;
    }
    m_server->bind(tcp);
    m_tcp = tcp;
    m_guard->setSiteHost(QStringLiteral("127.0.0.1"));
    m_admin->setEnvironment({siteUrl(), m_options.rtmpServer, m_options.version});
    return true;
}

quint16 SiteSimulator::port() const {
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl SiteSimulator::siteUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port()));
}

QUrl SiteSimulator::url(const QString& path) const {
    return siteUrl().resolved(QUrl(path));
}

void SiteSimulator::addLive(SimulatedLive live) {
    if (!m_accounts.byName(live.user)) {
        QString name = live.user;
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_accounts.addUser({.user = live.user,
                            .password = live.user + QStringLiteral("123"),
                            .name = name,
                            .canStream = true,
                            .canUpload = true});
    }
    removeLive(live.key);
    m_lives.append(std::move(live));
}

bool SiteSimulator::removeLive(const QString& key) {
    return m_lives.removeIf([&](const SimulatedLive& live) { return live.key == key; }) > 0;
}

SimulatedUser SiteSimulator::addUser(SimulatedUser user) {
    return m_accounts.addUser(std::move(user));
}

// LiveTransmition::createTransmitionIfNeed(): the user's row, created with a new key when missing.
QString SiteSimulator::streamKeyFor(const SimulatedUser& user) {
    for (const SimulatedLive& live : m_lives) {
        if (live.user == user.user)
            return live.key;
    }
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(("avld-sim-key:" + user.user).toUtf8(), QCryptographicHash::Md5)
            .toHex()
            .left(16));
    m_lives.append({.key = key, .user = user.user});
    return key;
}

void SiteSimulator::setEncoderUrl(const QString& url) {
    m_options.encoderUrl = url;
    m_admin->setConfigurationValue(QStringLiteral("encoder_url"), url);
}

QString SiteSimulator::encoderUrl() const {
    return m_admin->configurationValue(QStringLiteral("encoder_url"));
}

void SiteSimulator::setStatUrl(const QUrl& url) {
    m_options.statUrl = url;
    m_stats->setUrl(url);
}

void SiteSimulator::setPlayerServer(const QUrl& url) {
    m_options.playerServer = url;
}

void SiteSimulator::setRtmpServer(const QString& url) {
    m_options.rtmpServer = url;
    m_admin->setEnvironment({siteUrl(), m_options.rtmpServer, m_options.version});
}

void SiteSimulator::setPoster(const QString& user, QByteArray jpeg, int liveServersId) {
    if (const SimulatedUser* owner = m_accounts.byName(user))
        m_posters->set(owner->id, liveServersId, std::move(jpeg));
}

void SiteSimulator::removePoster(const QString& user, int liveServersId) {
    if (const SimulatedUser* owner = m_accounts.byName(user))
        m_posters->remove(owner->id, liveServersId);
}

void SiteSimulator::setClock(const avld::Clock& clock) {
    m_options.clock = &clock;
    m_guard->setClock(clock);
    m_stats->setClock(clock);
    m_statsBuilder->setClock(clock);
    m_images->setClock(clock);
}

void SiteSimulator::setRateLimitPerMinute(int max) {
    m_options.rateLimitPerMinute = max;
    m_guard->setRateLimit(max, 60);
}

void SiteSimulator::setTreatLoopbackAsRemote(bool remote) {
    m_options.treatLoopbackAsRemote = remote;
    m_guard->setTreatLoopbackAsRemote(remote);
}

void SiteSimulator::setEncoderTimeoutMs(int ms) {
    m_images->setEncoderTimeoutMs(ms);
}

void SiteSimulator::setFault(const QString& path, Fault fault) {
    if (fault == Fault::None)
        m_faults.remove(path);
    else
        m_faults.insert(path, fault);
}

int SiteSimulator::encoderCallCount() const {
    return m_images->encoderCallCount();
}

QList<QUrl> SiteSimulator::encoderRequests() const {
    return m_images->encoderRequests();
}

QStringList SiteSimulator::liveImageCacheKeys() const {
    return m_images->objectCacheKeys();
}

QStringList SiteSimulator::liveImageDiskCacheKeys() const {
    return m_images->diskCacheKeys();
}

bool SiteSimulator::statsCached() const {
    return m_stats->hasCache();
}

int SiteSimulator::statFetchCount() const {
    return m_stats->fetchCount();
}

QMap<QString, QString> SiteSimulator::configuration() const {
    return m_admin->configuration();
}

int SiteSimulator::sessionCacheClears() const {
    return m_admin->sessionCacheClears();
}

int SiteSimulator::firstPageCacheClears() const {
    return m_admin->firstPageCacheClears();
}

int SiteSimulator::fullCacheClears() const {
    return m_admin->fullCacheClears();
}

bool SiteSimulator::cardsFromReference() const {
    return m_cards->fromReference();
}

void SiteSimulator::fullClear() {
    m_images->clearCaches();
    m_stats->deleteCache();
    m_statsBuilder->deleteCache();
}

void SiteSimulator::dispatch(const QHttpServerRequest& httpRequest, QHttpServerResponder&& responder) {
    const SimRequest request = SimRequest::from(httpRequest);
    const Reply reply = makeReply(std::move(responder));
    const QString path = request.path();
    ++m_totalRequests;
    ++m_requestCounts[path];

    if (applyFault(path, reply))
        return;
    if (path.endsWith(QStringLiteral(".json.php")) && !applyGuards(request, reply))
        return;

    if (path == kLogin)
        reply->send(m_admin->login(request));
    else if (path == kStatus)
        reply->send(m_admin->status(request));
    else if (path == kClearCache)
        reply->send(m_admin->clearCache(request));
    else if (path == kConfigurationUpdate)
        reply->send(m_admin->configurationUpdate(request));
    else if (path == kConfigurationsPage)
        reply->send(m_admin->configurationsPage(request));
    else if (path == kStats)
        serveStats(request, reply);
    else if (path == kApiGet)
        serveApiGet(request, reply, request.param(QStringLiteral("APIName")));
    else if (path == kApiSet)
        reply->send(m_api->set(request));
    else if (path.startsWith(QStringLiteral("api/"))) {
        // plugin/API/router.php: /api/{APIName}, GET -> get.json.php, POST/DELETE -> set.json.php. The
        // script that runs is router.php, not a *.json.php, so the automatic guards do not run for it.
        QString apiName = path.mid(4);
        while (apiName.endsWith(QLatin1Char('/')))
            apiName.chop(1);
        if (request.method() == QStringLiteral("GET"))
            serveApiGet(request, reply, apiName);
        else
            reply->send(m_api->set(request));
    } else if (path == kGetImage)
        serveImage(request, reply);
    else if (path == kM3u8)
        serveM3u8(request, reply);
    else if (LiveWatchPage::handles(path))
        reply->send(LiveWatchPage::serve(
            request, {.siteUrl = siteUrl(),
                      .playerServer = m_options.playerServer,
                      .protectLive = m_options.protectLive,
                      .webSiteTitle = m_admin->configurationValue(QStringLiteral("webSiteTitle")),
                      .lives = m_lives,
                      .accounts = &m_accounts}));
    else if (path == kPluginsAvailable)
        reply->send(PluginsAvailableEndpoint::serve(request, m_accounts, siteUrl(),
                                                    {.server = m_options.rtmpServer,
                                                     .playerServer = m_options.playerServer,
                                                     .statUrl = m_options.statUrl,
                                                     .protectLive = m_options.protectLive,
                                                     .disableGifThumbs = m_options.disableGifThumbs,
                                                     .disableLiveThumbs = m_options.disableLiveThumbs}));
    else
        serveStatic(path, reply);
}

// §5: autoCSRFGuard() then autoRateLimitGuard(), from include_config.php, for every *.json.php. Which of the
// two runs first is not written down; here a CSRF refusal does not use up the rate-limit budget.
bool SiteSimulator::applyGuards(const SimRequest& request, const Reply& reply) {
    const QString path = request.path();
    // Built-in bypass list: objects/login.json.php; pattern bypass: plugin/API/* (those scripts also set
    // bypassSameDomainCheck themselves).
    const bool csrfExempt = path == kLogin || path.startsWith(QStringLiteral("plugin/API/"));
    if (!csrfExempt && !m_guard->isTrusted(request)) {
        // forbiddenPage('Invalid Request ' . getRealIpAddr(), true): HTTP 403 and, for a JSON request, the
        // {error, msg, forbiddenPage} object (otherwise an HTML page; a *.json.php answers JSON).
        reply->send(SiteFaultPages::forbidden(QStringLiteral("Invalid Request ") + request.peerText()));
        return false;
    }
    // enforceRateLimit("autoRateLimit::{basename}", 300, 60): HTTP 429 with a JSON body and no Retry-After
    // header (the real function sends none). login.json.php is exempt from the generic guard but limits
    // itself with its own budget, which is not written down: the simulator uses the same budget for it.
    const QString baseName = path.section(QLatin1Char('/'), -1);
    if (m_guard->countAndCheck(baseName, request.peerText())) {
        reply->send(SiteFaultPages::rateLimited());
        return false;
    }
    return true;
}

bool SiteSimulator::applyFault(const QString& path, const Reply& reply) {
    switch (m_faults.value(path, Fault::None)) {
    case Fault::None:
        return false;
    case Fault::HtmlErrorPage:
        reply->send(SiteFaultPages::phpFatalError());
        return true;
    case Fault::HtmlLoginPage:
        reply->send(SiteFaultPages::loginPage());
        return true;
    case Fault::MalformedJson:
        reply->send(SiteFaultPages::malformedJson());
        return true;
    case Fault::Hang:
        m_hanging.append(reply);
        return true;
    case Fault::EmptyImage:
        reply->send(PhpJson::raw(QByteArray(), "image/jpg"));
        return true;
    case Fault::Blocked:
        reply->send(SiteFaultPages::blocked());
        return true;
    case Fault::RateLimited:
        reply->send(SiteFaultPages::rateLimited());
        return true;
    case Fault::Unavailable:
        reply->send(SiteFaultPages::serviceUnavailable());
        return true;
    }
    return false;
}

// §3.1 plugin/Live/stats.json.php (later variant): nothing (die(), an empty 200) unless
// requestComesFromSafePlace(); then the stats built from the nginx /stat page (§3.4) and the table (§3.2).
void SiteSimulator::serveStats(const SimRequest& request, const Reply& reply) {
    if (!m_guard->comesFromSafePlace(request)) {
        reply->send(PhpJson::raw(QByteArray(), "application/json"));
        return;
    }
    const QString name = request.param(QStringLiteral("name"));
    std::optional<int> liveServersId;
    if (!request.param(QStringLiteral("live_servers_id")).isEmpty())
        liveServersId = request.param(QStringLiteral("live_servers_id")).toInt();
    LiveStatsBuilder::Context context{.siteUrl = siteUrl(),
                                      .playerServer = m_options.playerServer,
                                      .protectLive = m_options.protectLive,
                                      .disableGifThumbs = m_options.disableGifThumbs,
                                      .lives = m_lives,
                                      .accounts = &m_accounts,
                                      .zwnjTitles = m_options.zwnjTitles};
    QPointer<SiteSimulator> self(this);
    m_stats->snapshot([self, reply, context, name, liveServersId](const NginxSnapshot& stat) {
        if (!self)
            return;
        self->m_statsBuilder->build(stat, context, name, liveServersId, [reply](const QJsonObject& stats) {
            reply->send(PhpJson::response(stats));
        });
    });
}

// §3.1: get.json.php?APIName=livestreams simply requires plugin/Live/stats.json.php (same JSON, same
// safe-place rule). Other API names: see ApiPluginEndpoints.
void SiteSimulator::serveApiGet(const SimRequest& request, const Reply& reply, const QString& apiName) {
    if (apiName == QStringLiteral("livestreams"))
        serveStats(request, reply);
    else
        reply->send(m_api->getUnknown(request, apiName));
}

// §1.2 plugin/Live/getImage.php (no *.json.php guards: it is not a *.json.php).
void SiteSimulator::serveImage(const SimRequest& request, const Reply& reply) {
    const LiveImageEndpoint::Context context{.lives = m_lives,
                                             .accounts = &m_accounts,
                                             .siteUrl = siteUrl(),
                                             .playerServer = m_options.playerServer,
                                             .encoderUrl = encoderUrl(),
                                             .protectLive = m_options.protectLive,
                                             .disableLiveThumbs = m_options.disableLiveThumbs,
                                             .posters = m_posters.get(),
                                             .avideo11 = m_options.avideo11};
    m_images->handle(request, context, [reply](const LiveImageEndpoint::Answer& answer) {
        reply->send(PhpJson::raw(answer.body, answer.contentType));
    });
}

// §3.3 plugin/Live/m3u8.php: see LivePlaylistProxy.
void SiteSimulator::serveM3u8(const SimRequest& request, const Reply& reply) {
    m_playlists->handle(request, m_options.playerServer, m_options.requestStatsTimeoutMs,
                        [reply](const QHttpServerResponse& response) { reply->send(response); });
}

void SiteSimulator::serveStatic(const QString& path, const Reply& reply) {
    if (path == QStringLiteral("plugin/Live/view/OnAir.jpg"))
        reply->send(PhpJson::raw(m_cards->onAir(), "image/jpeg"));
    else if (path == QStringLiteral("plugin/Live/view/Offline.jpg"))
        reply->send(PhpJson::raw(m_cards->offline(), "image/jpeg"));
    else if (path == QStringLiteral("plugin/Live/view/ComingSoon.jpg"))
        reply->send(PhpJson::raw(m_cards->comingSoon(), "image/jpeg"));
    else if (const QByteArray poster = m_posters->file(path); !poster.isEmpty())
        reply->send(PhpJson::raw(poster, "image/jpeg"));
    else if (path.isEmpty() || path == QStringLiteral("index.php"))
        reply->send(SiteFaultPages::home(m_admin->configurationValue(QStringLiteral("webSiteTitle"))));
    else
        reply->send(SiteFaultPages::notFound());
}

} // namespace avld::test
