#include "remotestandinwatch.h"

#include "maskedurl.h"
#include "networkerror.h"
#include "standinmetricsreader.h"
#include "standinpresence.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace avld {

RemoteStandInWatch::RemoteStandInWatch(QNetworkAccessManager& network, QObject* parent)
    : QObject(parent)
    , m_network(network) {
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &RemoteStandInWatch::poll);
}

RemoteStandInWatch::~RemoteStandInWatch() {
    stop();
}

Status RemoteStandInWatch::start(const QUrl& encoderUrl, int intervalMs, int timeoutMs) {
    const QString scheme = encoderUrl.scheme();
    if (!encoderUrl.isValid() || encoderUrl.host().isEmpty() ||
        (scheme != QStringLiteral("http") && scheme != QStringLiteral("https")))
        return Error{QStringLiteral("usage"),
                     QStringLiteral("“%1” is not a stand-in's Encoder URL").arg(maskedUrl(encoderUrl)),
                     QStringLiteral("Give the URL `avideo-live-doctor-nox standin-url` prints on the machine "
                                    "the stand-in runs on: http(s)://HOST:PORT/SECRET/")};
    stop();
    m_encoderUrl = encoderUrl;
    m_encoderUrl.setQuery(QString());
    m_encoderUrl.setFragment(QString());
    if (!m_encoderUrl.path().endsWith(QLatin1Char('/')))
        m_encoderUrl.setPath(m_encoderUrl.path() + QLatin1Char('/'));
    m_timeoutMs = timeoutMs;
    m_next.setInterval(intervalMs);
    m_watching = true;
    m_havePrevious = false;
    m_stats = {};
    poll();
    return {};
}

void RemoteStandInWatch::stop() {
    m_watching = false;
    m_next.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QNetworkReply* RemoteStandInWatch::get(const QString& page) {
    QUrl url = m_encoderUrl;
    url.setPath(url.path() + page);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // A redirect (to a login page, another host) is not the stand-in: say so rather than follow it.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return m_network.get(request);
}

void RemoteStandInWatch::poll() {
    if (!m_watching)
        return;
    m_reply = get(QStringLiteral("healthz"));
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onHealth(reply); });
}

Error RemoteStandInWatch::pageError(QNetworkReply& reply, const QString& page) const {
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = maskedUrl(m_encoderUrl);
    if (status == 404)
        return Error{QStringLiteral("http-404"),
                     QStringLiteral("%1 has no %2 under this prefix").arg(where, page),
                     QStringLiteral("The secret prefix is wrong or the service there is not this tool's "
                                    "stand-in: copy the URL from `standin-url` on that machine.")};
    if (status >= 300 && status < 400)
        return Error{QStringLiteral("redirected"),
                     QStringLiteral("%1 redirects its %2 elsewhere: it is not a stand-in").arg(where, page),
                     QStringLiteral("Check the host and port: a web server answered instead.")};
    if (reply.error() != QNetworkReply::NoError) {
        Error error = networkError(reply, QStringLiteral("the stand-in's %1").arg(page));
        if (error.hint.isEmpty())
            error.hint = QStringLiteral("Is the service running there (systemctl status "
                                        "avideo-live-doctor-standin), and can this computer reach its port?");
        return error;
    }
    return Error{QStringLiteral("http-%1").arg(status),
                 QStringLiteral("%1 answered HTTP %2 to its %3").arg(where).arg(status).arg(page),
                 {}};
}

void RemoteStandInWatch::onHealth(QNetworkReply* reply) {
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        Q_EMIT failed(pageError(*reply, QStringLiteral("healthz")));
        finishPoll();
        return;
    }
    Result<StandinPresence> presence = StandinPresence::fromHealthJson(reply->read(64 * 1024));
    if (!presence) {
        Q_EMIT failed(Error{QStringLiteral("not-standin"),
                            QStringLiteral("%1 did not answer as this tool's stand-in (%2)")
                                .arg(maskedUrl(m_encoderUrl), presence.error().message),
                            QStringLiteral("Check the URL, or update the stand-in there to this version.")});
        finishPoll();
        return;
    }
    if (m_stats.presence.instance != presence->instance)
        m_havePrevious = false; // a restarted stand-in counts from zero again
    m_stats.presence = *presence;
    m_reply = get(QStringLiteral("metrics"));
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onMetrics(reply); });
}

void RemoteStandInWatch::onMetrics(QNetworkReply* reply) {
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        Q_EMIT failed(pageError(*reply, QStringLiteral("metrics")));
        finishPoll();
        return;
    }
    LatencyHistogram latency;
    const Status read =
        StandInMetricsReader::read(reply->read(StandInMetricsReader::MaxBodyBytes + 1), m_stats, latency);
    if (!read.ok()) {
        Q_EMIT failed(read.error());
        finishPoll();
        return;
    }
    const LatencyHistogram recent = m_havePrevious ? latency.since(m_previousLatency) : LatencyHistogram{};
    m_stats.recentRequests = recent.count();
    m_stats.p50Ms = recent.quantileMs(0.5);
    m_stats.p99Ms = recent.quantileMs(0.99);
    m_previousLatency = latency;
    m_havePrevious = true;
    Q_EMIT sampled(m_stats);
    finishPoll();
}

void RemoteStandInWatch::finishPoll() {
    if (m_watching)
        m_next.start();
}

} // namespace avld
