#include "discordchannel.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace avld {

DiscordChannel::DiscordChannel(TimedHttpClient& http, QUrl webhookUrl, int timeoutMs)
    : HttpAlertChannel(http, timeoutMs)
    , m_url(std::move(webhookUrl)) {}

QString DiscordChannel::label() const {
    // .../webhooks/ID/TOKEN: the id says which webhook, the token stays out.
    const QStringList parts = m_url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const qsizetype at = parts.indexOf(QStringLiteral("webhooks"));
    const QString id = at >= 0 && at + 1 < parts.size() ? parts[at + 1] : m_url.host();
    return QStringLiteral("Discord webhook %1").arg(id);
}

int DiscordChannel::colour(const AlertMessage& message) {
    switch (message.event) {
    case AlertEvent::Raised:
    case AlertEvent::Reminder:
        return message.alert.severity == AlertSeverity::Critical ? 0xD83C3E : 0xE8A33D;
    case AlertEvent::Resolved:
        return 0x2EA043;
    case AlertEvent::Summary:
    case AlertEvent::Test:
        break;
    }
    return 0x3B82F6;
}

QByteArray DiscordChannel::payload(const AlertMessage& message) {
    QJsonObject embed{{QStringLiteral("title"), message.subject().left(256)},
                      {QStringLiteral("description"), message.body().left(4096)},
                      {QStringLiteral("color"), colour(message)},
                      {QStringLiteral("timestamp"), message.at.toUTC().toString(Qt::ISODate)}};
    if (message.hasPicture())
        embed.insert(QStringLiteral("image"),
                     QJsonObject{{QStringLiteral("url"),
                                  QStringLiteral("attachment://") + message.alert.pictureName}});
    const QJsonObject body{
        {QStringLiteral("content"), message.subject().left(2000)},
        {QStringLiteral("embeds"), QJsonArray{embed}},
        // An alert text must not ping @everyone.
        {QStringLiteral("allowed_mentions"), QJsonObject{{QStringLiteral("parse"), QJsonArray{}}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

TimedRequest DiscordChannel::request(const AlertMessage& message) const {
    TimedRequest r;
    r.url = m_url;
    if (message.hasPicture()) {
        r.formParts = {{.name = "payload_json", .data = payload(message), .contentType = "application/json"},
                       {.name = "files[0]",
                        .data = message.alert.picture,
                        .fileName = message.alert.pictureName.toUtf8(),
                        .contentType = message.alert.pictureType}};
    } else {
        r.postBody = payload(message);
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return r;
}

} // namespace avld
