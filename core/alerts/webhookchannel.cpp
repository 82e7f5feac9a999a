#include "webhookchannel.h"

#include <QJsonDocument>

namespace avld {

WebhookChannel::WebhookChannel(TimedHttpClient& http, QUrl url, int timeoutMs)
    : HttpAlertChannel(http, timeoutMs)
    , m_url(std::move(url)) {}

QString WebhookChannel::label() const {
    return QStringLiteral("webhook %1").arg(m_url.host());
}

QStringList WebhookChannel::secrets() const {
    // Its path or query may be the receiver's secret.
    return {m_url.toString(), m_url.path(), m_url.query()};
}

QByteArray WebhookChannel::payload(const AlertMessage& message) {
    QJsonObject body = message.alert.details;
    // A raise or a resolution keeps its source's event ("encoder.state_changed"); the lifecycle's own
    // messages (reminders, the quiet hours' summary, tests) are named for themselves.
    const bool sourceEvent = message.event == AlertEvent::Raised || message.event == AlertEvent::Resolved;
    if (!sourceEvent || !body.contains(QStringLiteral("event")))
        body.insert(QStringLiteral("event"), QStringLiteral("alert.%1").arg(alertEventName(message.event)));
    body.insert(QStringLiteral("text"), message.subject() + QLatin1Char('\n') + message.body());
    QJsonObject alert{{QStringLiteral("key"), message.alert.key},
                      {QStringLiteral("event"), alertEventName(message.event)},
                      {QStringLiteral("severity"), alertSeverityName(message.alert.severity)},
                      {QStringLiteral("title"), message.alert.title},
                      {QStringLiteral("text"), message.body()},
                      {QStringLiteral("at"), message.at.toUTC().toString(Qt::ISODateWithMs)}};
    if (message.since.isValid())
        alert.insert(QStringLiteral("since"), message.since.toUTC().toString(Qt::ISODateWithMs));
    body.insert(QStringLiteral("alert"), alert);
    if (message.hasPicture())
        body.insert(
            QStringLiteral("picture"),
            QJsonObject{{QStringLiteral("name"), message.alert.pictureName},
                        {QStringLiteral("contentType"), QString::fromLatin1(message.alert.pictureType)},
                        {QStringLiteral("base64"), QString::fromLatin1(message.alert.picture.toBase64())}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

TimedRequest WebhookChannel::request(const AlertMessage& message) const {
    TimedRequest r;
    r.url = m_url;
    r.postBody = payload(message);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

} // namespace avld
