#pragma once

#include "result.h"
#include "standinstats.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace avld {

// Watches a stand-in that runs elsewhere (the AVideo server, a box beside it) through its own pages: every
// interval its {Encoder URL}healthz (who it is, its last image) and {Encoder URL}metrics (its counters), as
// the same StandInStats the window shows for its own stand-in, the last interval's latency included.
// One poll at a time, each request bounded by a timeout; stop() aborts what is under way.
class RemoteStandInWatch : public QObject {
    Q_OBJECT
public:
    explicit RemoteStandInWatch(QNetworkAccessManager& network, QObject* parent = nullptr);
    ~RemoteStandInWatch() override;

    // `encoderUrl` is the stand-in's Encoder URL (secret prefix included), as `standin-url` prints it.
    // A URL that cannot be one is refused at once (failed() is not emitted for it).
    Status start(const QUrl& encoderUrl, int intervalMs = 2000, int timeoutMs = 5000);
    void stop();
    bool isWatching() const { return m_watching; }
    QUrl encoderUrl() const { return m_encoderUrl; }

Q_SIGNALS:
    void sampled(const avld::StandInStats& stats);
    // The poll failed (unreachable, not a stand-in, wrong prefix); the watch goes on and tries again.
    void failed(const avld::Error& error);

private:
    void poll();
    QNetworkReply* get(const QString& page);
    void onHealth(QNetworkReply* reply);
    void onMetrics(QNetworkReply* reply);
    void finishPoll();
    Error pageError(QNetworkReply& reply, const QString& page) const;

    QNetworkAccessManager& m_network;
    QTimer m_next;
    QUrl m_encoderUrl;
    int m_timeoutMs = 5000;
    bool m_watching = false;
    QPointer<QNetworkReply> m_reply;
    StandInStats m_stats;
    LatencyHistogram m_previousLatency;
    bool m_havePrevious = false;
};

} // namespace avld
