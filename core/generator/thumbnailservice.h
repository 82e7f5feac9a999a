#pragma once

#include "clock.h"
#include "generatorconfig.h"
#include "result.h"
#include "standinpresence.h"
#include "standinstats.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QNetworkAccessManager;
class QTcpServer;

namespace avld {

class ConnectionLimiter;

class FrameCache;
class FrameGrabber;
class GeneratorMetrics;
class GrabScheduler;
class ImageEndpoint;
class ImageRequestParser;
class RefreshScheduler;

// The stand-in for AVideo's encoder (design.md "The encoder-compatible service"): answers
//   GET {prefix}objects/getImage.php?base64Url=B64&format=jpg|png|gif|webp[&renew=1]
//   GET {prefix}getImage/B64/FMT
// with fresh frames of the stream grabbed in process, well inside AVideo's 2 s, plus
//   GET /healthz   200 {"status":"ok",...}
//   GET /metrics   Prometheus text format
// (both also below the prefix). Everything runs on the thread that owns the service, apart from decoding and
// encoding, which run on worker threads; nothing here blocks that thread.
class ThumbnailService : public QObject {
    Q_OBJECT
public:
    struct State {
        bool running = false;
        int streamsTracked = 0;
        qint64 cacheBytes = 0;
        int pendingRequests = 0;
        int grabsRunning = 0;
        int grabsQueued = 0;
        int slowStreams = 0; // streams whose grabs are in the slow lane
        qint64 requests = 0;
        qint64 images = 0;
        qint64 uptimeMs = 0;
        bool encodersWarm = false; // the start-up warm-up of the animated encoders is done (or off)
        int connections = 0;       // client connections open
        qint64 connectionsClosedToMakeRoom = 0;
        qint64 connectionsRefused = 0;
    };

    explicit ThumbnailService(GeneratorConfig config, const Clock& clock = Clock::system(),
                              QObject* parent = nullptr);
    ~ThumbnailService() override;

    // Validates the configuration, loads the TLS files, listens. Fails with the reason, in words.
    Status start();
    // Stops listening, answers every waiting request (empty body), cancels grabs and refreshes. Quick; safe
    // to call twice. The service can be started again.
    void stop();

    bool isRunning() const { return m_running; }
    quint16 port() const;
    // Where AVideo's encoder URL should point: http(s)://address:port{prefix}.
    QUrl baseUrl() const;
    const GeneratorConfig& config() const { return m_config; }
    State state() const;
    QByteArray metricsText() const;
    // The same counters and gauges as values (totals since start, gauges now; no per-second figures).
    StandInStats stats() const;
    // This run's identity (in every image's marker) and when it last answered with an image. A new one with
    // every start().
    StandinPresence presence() const;
    LatencyHistogram latency() const;

private:
    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void logSummary();
    Status listen();

    GeneratorConfig m_config;
    const Clock& m_clock;
    bool m_running = false;
    QElapsedTimer m_uptime;
    QString m_instance;
    QDateTime m_startedAt;
    QTimer m_summaryTimer;
    struct SummaryBase {
        qint64 requests = 0, images = 0, empty = 0, refused = 0, overloaded = 0, grabs = 0, grabFailures = 0;
    } m_lastSummary;

    std::unique_ptr<ImageRequestParser> m_parser;
    std::unique_ptr<GeneratorMetrics> m_metrics;
    std::unique_ptr<FrameCache> m_cache;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FrameGrabber> m_grabber;
    std::unique_ptr<GrabScheduler> m_grabs;
    std::unique_ptr<RefreshScheduler> m_refresh;
    std::unique_ptr<ImageEndpoint> m_endpoint;
    std::unique_ptr<QHttpServer> m_http;
    QPointer<QTcpServer> m_listener;
    QPointer<ConnectionLimiter> m_connections; // the listener's child
};

} // namespace avld
