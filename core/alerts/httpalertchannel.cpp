#include "httpalertchannel.h"

#include "httpdate.h"

namespace avld {

HttpAlertChannel::HttpAlertChannel(TimedHttpClient& http, int timeoutMs)
    : m_http(http)
    , m_timeoutMs(timeoutMs) {}

HttpAlertChannel::~HttpAlertChannel() {
    *m_alive = false;
    for (const quint64 request : std::as_const(m_requests))
        m_http.cancel(request);
}

quint64 HttpAlertChannel::send(const AlertMessage& message, Done done) {
    TimedRequest r = request(message);
    r.timeoutMs = m_timeoutMs;
    r.reuseConnections = true;
    r.maxBodyBytes = 1024 * 1024;
    const quint64 attempt = ++m_next;
    std::weak_ptr<bool> alive = m_alive;
    m_requests.insert(attempt, m_http.start(r, [this, alive, attempt, done](TimedOutcome outcome) {
        if (alive.expired())
            return;
        if (!m_requests.remove(attempt))
            return; // cancelled
        DeliveryOutcome judged = judge(outcome);
        for (const QString& secret : secrets())
            if (!secret.isEmpty())
                judged.reason.replace(secret, QStringLiteral("••••"));
        done(judged);
    }));
    return attempt;
}

void HttpAlertChannel::cancel(quint64 attempt) {
    const auto it = m_requests.constFind(attempt);
    if (it == m_requests.constEnd())
        return;
    const quint64 request = *it;
    m_requests.erase(it);
    m_http.cancel(request);
}

QString HttpAlertChannel::statusText(const TimedResponse& response) {
    QString text = QStringLiteral("HTTP %1").arg(response.httpStatus);
    const QString body = QString::fromUtf8(response.body.left(200)).simplified();
    if (!body.isEmpty())
        text += QStringLiteral(": ") + body;
    return text;
}

qint64 HttpAlertChannel::retryAfterMs(const QByteArray& value, const QDateTime& now) {
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return seconds < 0 ? -1 : qint64(seconds * 1000);
    const QDateTime at = parseHttpDate(trimmed);
    return at.isValid() ? std::max<qint64>(0, now.msecsTo(at)) : -1;
}

DeliveryOutcome HttpAlertChannel::judge(const TimedOutcome& outcome) const {
    using Verdict = DeliveryOutcome::Verdict;
    if (!outcome.ok()) {
        const Error& error = outcome.result.error();
        const bool settings =
            error.code == QStringLiteral("bad-url") || error.code == QStringLiteral("bad-request");
        return {settings ? Verdict::Refused : Verdict::Retry, error.message, -1};
    }
    const TimedResponse& response = *outcome.result;
    const int status = response.httpStatus;
    if (status >= 200 && status < 300)
        return {Verdict::Delivered, QStringLiteral("HTTP %1").arg(status), -1};
    if (status == 429)
        return {Verdict::Retry, statusText(response),
                retryAfterMs(response.header("retry-after"), QDateTime::currentDateTimeUtc())};
    if (status >= 500)
        return {Verdict::Retry, statusText(response),
                retryAfterMs(response.header("retry-after"), QDateTime::currentDateTimeUtc())};
    return {Verdict::Refused, statusText(response), -1};
}

} // namespace avld
