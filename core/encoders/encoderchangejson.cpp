#include "webhooknotifier.h"

#include "logging.h"
#include "net/timedhttpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace avld {

WebhookNotifier::WebhookNotifier(TimedHttpClient& http, Options options, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_options(std::move(options)) {}

QByteArray WebhookNotifier::payload(const EncoderStateChange& change, const EncoderTarget& target) {
    const bool flapNews = change.alerting && (change.flapping || change.flappingEnded);
    const QString text = change.reminder
                             ? QStringLiteral("Still %1: %2 — %3")
                                   .arg(encoderStateName(change.to), target.displayName(), change.reason)
                         : flapNews ? QStringLiteral("%1 is %2").arg(target.displayName(), change.reason)
                                    : QStringLiteral("%1 is %2 (was %3): %4")
                                          .arg(target.displayName(), encoderStateName(change.to),
                                               encoderStateName(change.from), change.reason);
    const QString event = change.reminder        ? QStringLiteral("encoder.reminder")
                          : change.flappingEnded ? QStringLiteral("encoder.flapping_ended")
                          : change.flapping      ? QStringLiteral("encoder.flapping")
                                                 : QStringLiteral("encoder.state_changed");
    const QJsonObject body{
        {QStringLiteral("event"), event},
        {QStringLiteral("text"), text}, // what chat receivers display
        {QStringLiteral("encoder"),
         QJsonObject{{QStringLiteral("id"), target.id},
                     {QStringLiteral("name"), target.name},
                     {QStringLiteral("url"), target.url.toString()},
                     {QStringLiteral("origin"), encoderOriginName(target.origin)}}},
        {QStringLiteral("from"), encoderStateName(change.from)},
        {QStringLiteral("to"), encoderStateName(change.to)},
        {QStringLiteral("reason"), change.reason},
        {QStringLiteral("at"), change.at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("previousSince"), change.previousSince.toUTC().toString(Qt::ISODateWithMs)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void WebhookNotifier::notify(const EncoderStateChange& change, const EncoderTarget& target) {
    if (!m_options.url.isValid())
        return;
    if (int(m_queue.size()) >= m_options.maxQueued) {
        m_queue.pop_front();
        ++m_abandoned;
        qCWarning(lcEncoders) << "webhook: queue full, dropped the oldest alert";
    }
    m_queue.push_back({.body = payload(change, target), .attempt = 0});
    if (!m_sending)
        sendNext();
}

void WebhookNotifier::sendNext() {
    if (m_queue.empty()) {
        m_sending = false;
        return;
    }
    m_sending = true;
    TimedRequest request;
    request.url = m_options.url;
    request.timeoutMs = m_options.timeoutMs;
    request.postBody = m_queue.front().body;
    request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    request.reuseConnections = true;
    QPointer<WebhookNotifier> self(this);
    m_http.start(request, [this, self](TimedOutcome outcome) {
        if (!self)
            return;
        const int status = outcome.ok() ? outcome.result->httpStatus : 0;
        const bool delivered = status >= 200 && status < 300;
        const bool retryable = !outcome.ok() || status == 429 || status >= 500;
        Message& message = m_queue.front();
        ++message.attempt;
        if (delivered) {
            ++m_delivered;
            m_queue.pop_front();
            return sendNext();
        }
        const QString why =
            outcome.ok() ? QStringLiteral("HTTP %1").arg(status) : outcome.result.error().message;
        if (!retryable || message.attempt >= m_options.maxAttempts) {
            const int attempts = message.attempt;
            ++m_abandoned;
            m_queue.pop_front();
            qCWarning(lcEncoders) << "webhook: gave up on an alert after" << attempts << "attempt(s):" << why;
            Q_EMIT deliveryFailed(
                QStringLiteral("the webhook %1 did not take the alert: %2").arg(m_options.url.host(), why));
            return sendNext();
        }
        const int backoffMs =
            qMin(m_options.maxBackoffMs, m_options.firstBackoffMs << qMin(message.attempt - 1, 16));
        qCInfo(lcEncoders) << "webhook:" << why << "- retrying in" << backoffMs << "ms";
        QTimer::singleShot(backoffMs, this, &WebhookNotifier::sendNext);
    });
}

} // namespace avld
