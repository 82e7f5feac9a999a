#include "thumbnailservice.h"

#include "connectionlimiter.h"
#include "framecache.h"
#include "generatormetrics.h"
#include "generatorresponses.h"
#include "grabscheduler.h"
#include "httpconnection.h"
#include "imageendpoint.h"
#include "imagerequest.h"
#include "logging.h"
#include "media/framegrabber.h"
#include "media/imagemarker.h"
#include "ownprobeheader.h"
#include "pendingreply.h"
#include "refreshscheduler.h"
#include "standinurl.h"
#include "streamallowlist.h"
#include "terminaltext.h"
#include "tlslistener.h"
#include "version.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>

namespace avld {

using StatusCode = QHttpServerResponse::StatusCode;

namespace {
constexpr int kListenBacklog = 1024;
} // namespace

ThumbnailService::ThumbnailService(GeneratorConfig config, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock) {
    m_summaryTimer.setInterval(60'000);
    connect(&m_summaryTimer, &QTimer::timeout, this, &ThumbnailService::logSummary);
}

ThumbnailService::~ThumbnailService() {
    stop();
    // Users before what they use.
    m_http.reset();
    m_endpoint.reset();
    m_refresh.reset();
    m_grabs.reset();
    m_grabber.reset();
    m_network.reset();
}

Status ThumbnailService::start() {
    if (m_running)
        return {};
    if (const Status invalid = m_config.validate(); !invalid.ok())
        return invalid;
    Result<StreamAllowList> allowList = StreamAllowList::fromEntries(m_config.allowedHosts);
    if (!allowList)
        return allowList.error();
    if (allowList->isEmpty())
        qCWarning(lcGenerator) << "no stream hosts are allowed: every image request will be refused (403)";

    // The marker names the run, so a picture cached from an earlier run is told apart (StandinVerification).
    m_instance = StandinPresence::newInstanceId();
    m_startedAt = m_clock.now();
    if (!m_http) {
        m_parser = std::make_unique<ImageRequestParser>(m_config.pathPrefix);
        m_metrics = std::make_unique<GeneratorMetrics>();
        m_cache = std::make_unique<FrameCache>(m_clock, m_config.cacheCapBytes);
        m_cache->setMaxEntries(m_config.maxTrackedStreams);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_grabber = std::make_unique<FrameGrabber>(*m_network, m_clock);

        GrabScheduler::Options grabOptions;
        grabOptions.maxWorkers = m_config.maxWorkers;
        grabOptions.maxPerHost = m_config.maxPerHost;
        grabOptions.maxSlowGrabs = m_config.maxSlowGrabs;
        grabOptions.slowGrabMs = m_config.slowGrabMs;
        grabOptions.urgentForMs = m_config.budgetMs;
        grabOptions.maxQueued = m_config.maxQueuedGrabs;
        grabOptions.grabTimeoutMs = m_config.grabTimeoutMs;
        grabOptions.encoding.marker = ImageMarker::textForInstance(m_instance);
        grabOptions.grabTemplate.userAgent = m_config.userAgent;
        grabOptions.grabTemplate.referer = m_config.referer;
        // Every URL a grab fetches (redirect targets and segments included) passes the allow-list too.
        grabOptions.grabTemplate.verifyUrl = [this, rules = *allowList](const QUrl& url,
                                                                        std::function<void(Status)> verdict) {
            rules.check(url, m_config.dnsTimeoutMs, m_grabber.get(), std::move(verdict));
        };
        // And every URL the HLS demuxer opens by itself (keys, init sections, segments of encrypted or fMP4
        // lives), on the decoding thread. Its redirects are not followed (libavformat would not show them).
        grabOptions.grabTemplate.verifyUrlNow = [rules = *allowList,
                                                 timeoutMs = m_config.dnsTimeoutMs](const QUrl& url) {
            return rules.checkNow(url, timeoutMs);
        };
        m_grabs = std::make_unique<GrabScheduler>(*m_grabber, grabOptions);

        // The lead covers the wait for the next scheduler pass; the policy adds the stream's own grab time.
        // A grab fits a request when it can end well within the budget: two thirds of it leave the rest for
        // the answer and for a grab a little slower than the last.
        FreshnessPolicy policy;
        policy.refreshIntervalMs = m_config.refreshIntervalMs;
        policy.keepRequestedMs = m_config.keepRequestedMs;
        policy.offlineGraceMs = m_config.offlineGraceMs;
        policy.refreshLeadMs = RefreshScheduler::passIntervalFor(m_config.refreshIntervalMs);
        policy.grabOnRequestAfterMs = m_config.grabOnRequestAfterMs;
        policy.grabFitsRequestMs = m_config.budgetMs * 2 / 3;
        m_refresh = std::make_unique<RefreshScheduler>(*m_cache, *m_grabs, m_clock, policy);
        m_endpoint = std::make_unique<ImageEndpoint>(
            *m_cache, *m_grabs, *allowList, policy, *m_metrics, m_clock,
            ImageEndpoint::Settings{m_config.budgetMs, m_config.dnsTimeoutMs, m_config.maxPendingRequests,
                                    m_config.retryAfterSeconds, m_config.reasonsInBody,
                                    m_config.minRenewIntervalMs});

        m_http = std::make_unique<QHttpServer>();
        m_http->setMissingHandler(
            [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                dispatch(request, std::move(responder));
            });
    }
    if (const Status failed = listen(); !failed.ok())
        return failed;
    m_running = true;
    m_uptime.start();
    m_refresh->start();
    m_summaryTimer.start();
    if (m_config.warmUpEncoders)
        m_grabs->warmUp();
    // The prefix is a secret: never in the log.
    qCInfo(lcGenerator).noquote() << "thumbnail generator listening on" << StandinUrl::redacted(baseUrl())
                                  << "for hosts" << m_config.allowedHosts.join(QStringLiteral(", "));
    return {};
}

Status ThumbnailService::listen() {
    const HttpConnection::Timeouts timeouts{m_config.requestTimeoutMs, m_config.keepAliveIdleMs};
    auto limiter = std::make_unique<ConnectionLimiter>(
        ConnectionLimiter::Limits{m_config.maxConnectionsPerClient, m_config.maxConnections});
    Result<QTcpServer*> listener = makeListener(m_config.tlsCertificateFile, m_config.tlsKeyFile,
                                                [timeouts, limits = limiter.get()](QTcpSocket* socket) {
                                                    HttpConnection::attach(socket, timeouts);
                                                    limits->admit(socket);
                                                });
    if (!listener)
        return listener.error();
    QTcpServer* server = *listener;
    limiter->setParent(server); // the hook lives as long as the server
    m_connections = limiter.release();
    // Qt's default backlog (50) overflows when AVideo's gallery or a load balancer opens many connections at
    // once; the kernel then drops the handshake's last packet and those clients wait seconds for a retry.
    server->setListenBacklogSize(kListenBacklog);
    if (!server->listen(m_config.bindAddress, m_config.port)) {
        const Error error{QStringLiteral("listen"),
                          QStringLiteral("cannot listen on %1 port %2: %3")
                              .arg(m_config.bindAddress.toString())
                              .arg(m_config.port)
                              .arg(server->errorString()),
                          QStringLiteral("Choose another port, or stop what uses this one.")};
        delete server;
        return error;
    }
    server->setParent(m_http.get());
    m_http->bind(server);
    m_listener = server;
    return {};
}

void ThumbnailService::stop() {
    if (!m_running)
        return;
    m_running = false;
    m_summaryTimer.stop();
    if (m_listener)
        m_listener->close();
    m_refresh->stop();
    m_endpoint->answerAllEmpty(QStringLiteral("the service is stopping"));
    m_grabs->cancelAll();
    // Answers written above leave before the connections close.
    // (The closed listener stays until the service goes: the connections may be its children.)
    for (QTcpSocket* socket : m_http->findChildren<QTcpSocket*>())
        socket->disconnectFromHost();
    qCInfo(lcGenerator) << "thumbnail generator stopped";
}

quint16 ThumbnailService::port() const {
    return m_listener ? m_listener->serverPort() : 0;
}

QUrl ThumbnailService::baseUrl() const {
    QUrl url;
    url.setScheme(m_config.tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress host = m_config.bindAddress;
    if (host == QHostAddress(QHostAddress::Any) || host == QHostAddress(QHostAddress::AnyIPv4))
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress(QHostAddress::AnyIPv6))
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    url.setHost(host.toString());
    url.setPort(port());
    url.setPath(m_parser ? m_parser->prefix() : m_config.pathPrefix);
    return url;
}

ThumbnailService::State ThumbnailService::state() const {
    State state;
    state.running = m_running;
    if (!m_http)
        return state;
    state.streamsTracked = m_cache->size();
    state.cacheBytes = m_cache->bytes();
    state.pendingRequests = m_endpoint->pendingCount();
    state.grabsRunning = m_grabs->runningCount();
    state.grabsQueued = m_grabs->queuedCount();
    state.slowStreams = m_grabs->slowStreamCount();
    state.requests = m_metrics->totals().requests;
    state.images = m_metrics->totals().images;
    state.uptimeMs = m_running ? m_uptime.elapsed() : 0;
    state.encodersWarm = !m_config.warmUpEncoders || m_grabs->warm();
    if (m_connections) {
        state.connections = m_connections->openCount();
        state.connectionsClosedToMakeRoom = m_connections->closedToMakeRoom();
        state.connectionsRefused = m_connections->refused();
    }
    return state;
}

StandInStats ThumbnailService::stats() const {
    if (!m_metrics)
        return {};
    StandInStats stats = m_metrics->stats();
    const State now = state();
    stats.streamsTracked = now.streamsTracked;
    stats.cacheBytes = now.cacheBytes;
    stats.pendingRequests = now.pendingRequests;
    stats.grabsRunning = now.grabsRunning;
    stats.grabsQueued = now.grabsQueued;
    stats.slowStreams = now.slowStreams;
    stats.uptimeMs = now.uptimeMs;
    stats.presence = presence();
    return stats;
}

StandinPresence ThumbnailService::presence() const {
    StandinPresence presence;
    presence.instance = m_instance;
    presence.startedAt = m_startedAt;
    if (m_metrics) {
        const GeneratorMetrics::Totals totals = m_metrics->totals();
        presence.images = totals.images;
        if (totals.lastImageAtMs > 0)
            presence.lastImageAt = QDateTime::fromMSecsSinceEpoch(totals.lastImageAtMs);
    }
    return presence;
}

LatencyHistogram ThumbnailService::latency() const {
    return m_metrics ? m_metrics->latency() : LatencyHistogram{};
}

QByteArray ThumbnailService::metricsText() const {
    if (!m_metrics)
        return {};
    const State now = state();
    GeneratorMetrics::Gauges gauges;
    gauges.streamsTracked = now.streamsTracked;
    gauges.cacheBytes = now.cacheBytes;
    gauges.cacheCapBytes = m_cache->capBytes();
    gauges.cacheEvictions = m_cache->evictions();
    gauges.pendingRequests = now.pendingRequests;
    gauges.grabsRunning = now.grabsRunning;
    gauges.grabsQueued = now.grabsQueued;
    gauges.grabsDroppedFromQueue = m_grabs->droppedFromQueue();
    gauges.slowStreams = now.slowStreams;
    gauges.uptimeSeconds = now.uptimeMs / 1000;
    return m_metrics->exposition(gauges);
}

void ThumbnailService::dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder) {
    const qint64 arrived = m_clock.monotonicMs();
    auto reply = std::make_shared<PendingReply>(std::move(responder));
    if (HttpConnection* connection = HttpConnection::of(reply->socket()))
        connection->requestArrived(request.value(QByteArrayLiteral("connection")));
    const QByteArray rawPath = request.url().path(QUrl::FullyEncoded).toUtf8();
    const QByteArray rawQuery = request.url().query(QUrl::FullyEncoded).toUtf8();
    const QByteArray path = QByteArray::fromPercentEncoding(rawPath);
    const QByteArray prefix = m_parser->prefix().toUtf8();
    const auto answer = [&](const QHttpServerResponse& response, const char* outcome) {
        reply->send(response);
        if (outcome) {
            m_metrics->countRequest(QStringLiteral("none"), QString::fromLatin1(outcome),
                                    m_clock.monotonicMs() - arrived);
            // The prefix is a secret: a path under it is logged without it.
            const QByteArray logged =
                prefix.size() > 1 && path.startsWith(prefix) ? "/<prefix>/" + path.mid(prefix.size()) : path;
            qCDebug(lcGenerator).noquote() << "GET" << terminalSafe(QString::fromUtf8(logged.left(80)))
                                           << "->" << int(response.statusCode()) << outcome;
        }
    };
    if (!m_running)
        return answer(GeneratorResponses::empty(QStringLiteral("the service is stopping")), nullptr);
    // The encoder's status page (§2.5; POSTed with credentials, which it ignores), which the encoder
    // probes (ours and others') ask under the Encoder URL: the stand-in answers it in the encoder's shape,
    // saying what it is, so a site switched to it shows a version and an empty queue instead of "no status
    // page (HTTP 404)".
    if (path == prefix + "status" || path == prefix + "serverStatus") {
        const State now = state();
        const QJsonObject status{
            {QStringLiteral("version"), QStringLiteral(AVLD_DISPLAY_NAME " stand-in " AVLD_VERSION)},
            {QStringLiteral("queue_size"), 0},
            {QStringLiteral("concurrent"), m_config.maxWorkers},
            {QStringLiteral("is_encoding"), false},
            {QStringLiteral("is_downloading"), false},
            {QStringLiteral("msg"), QStringLiteral("AVideo Live Doctor's stand-in: live thumbnails only, no "
                                                   "encoding queue; %1 streams tracked")
                                        .arg(now.streamsTracked)}};
        return answer(GeneratorResponses::text("application/json",
                                               QJsonDocument(status).toJson(QJsonDocument::Compact) + '\n'),
                      "status");
    }
    if (request.method() != QHttpServerRequest::Method::Get)
        return answer(GeneratorResponses::refusal(StatusCode::MethodNotAllowed,
                                                  QStringLiteral("method not allowed"),
                                                  m_config.reasonsInBody),
                      "method_not_allowed");

    if (path == "/healthz" || path == prefix + "healthz") {
        const State now = state();
        QJsonObject health{{QStringLiteral("status"), QStringLiteral("ok")},
                           {QStringLiteral("uptimeSeconds"), now.uptimeMs / 1000},
                           {QStringLiteral("streams"), now.streamsTracked},
                           {QStringLiteral("cacheBytes"), now.cacheBytes},
                           {QStringLiteral("pendingRequests"), now.pendingRequests},
                           {QStringLiteral("grabsRunning"), now.grabsRunning},
                           {QStringLiteral("grabsQueued"), now.grabsQueued},
                           {QStringLiteral("slowStreams"), now.slowStreams},
                           {QStringLiteral("requests"), now.requests},
                           {QStringLiteral("encodersWarm"), now.encodersWarm},
                           {QStringLiteral("connections"), now.connections},
                           {QStringLiteral("connectionsClosedToMakeRoom"), now.connectionsClosedToMakeRoom},
                           {QStringLiteral("connectionsRefused"), now.connectionsRefused}};
        const QJsonObject identity = presence().toJson();
        for (auto it = identity.begin(); it != identity.end(); ++it)
            health.insert(it.key(), it.value());
        return answer(GeneratorResponses::text("application/json",
                                               QJsonDocument(health).toJson(QJsonDocument::Compact) + '\n'),
                      nullptr);
    }
    if (path == "/metrics" || path == prefix + "metrics")
        return answer(GeneratorResponses::text("text/plain; version=0.0.4; charset=utf-8", metricsText()),
                      nullptr);

    Result<ImageRequest> parsed = m_parser->parse(rawPath, rawQuery);
    if (!parsed) {
        const QString& code = parsed.error().code;
        if (code == QStringLiteral("not-found"))
            return answer(GeneratorResponses::refusal(StatusCode::NotFound, QStringLiteral("not found"),
                                                      m_config.reasonsInBody),
                          "not_found");
        if (code == QStringLiteral("no-url")) // the encoder's liveness probe
            return answer(GeneratorResponses::empty(QStringLiteral("no stream URL")), "probe");
        return answer(GeneratorResponses::refusal(StatusCode::BadRequest, parsed.error().message,
                                                  m_config.reasonsInBody),
                      "bad_request");
    }
    ImageRequest image = *parsed;
    image.ownProbe = !request.value(QByteArray(kOwnProbeHeader).toLower()).isEmpty();
    m_endpoint->handle(image, std::move(reply), arrived);
}

void ThumbnailService::logSummary() {
    const GeneratorMetrics::Totals t = m_metrics->totals();
    const SummaryBase d{t.requests - m_lastSummary.requests,
                        t.images - m_lastSummary.images,
                        t.empty - m_lastSummary.empty,
                        t.refused - m_lastSummary.refused,
                        t.overloaded - m_lastSummary.overloaded,
                        t.grabs - m_lastSummary.grabs,
                        t.grabFailures - m_lastSummary.grabFailures};
    m_lastSummary = {t.requests, t.images, t.empty, t.refused, t.overloaded, t.grabs, t.grabFailures};
    const State now = state();
    if (d.requests == 0 && d.grabs == 0 && now.streamsTracked == 0)
        return;
    qCInfo(lcGenerator).noquote()
        << QStringLiteral("last minute: %1 requests (%2 images, %3 empty, %4 refused, %5 overloaded), "
                          "%6 grabs (%7 failed); %8 streams cached in %9 KiB")
               .arg(d.requests)
               .arg(d.images)
               .arg(d.empty)
               .arg(d.refused)
               .arg(d.overloaded)
               .arg(d.grabs)
               .arg(d.grabFailures)
               .arg(now.streamsTracked)
               .arg(now.cacheBytes / 1024);
}

} // namespace avld
