#include "slackchannel.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace avld {

const QString SlackChannel::kNoPicture =
    QStringLiteral("(The picture is not attached: Slack incoming webhooks take no files.)");

SlackChannel::SlackChannel(TimedHttpClient& http, QUrl webhookUrl, int timeoutMs)
    : HttpAlertChannel(http, timeoutMs)
    , m_url(std::move(webhookUrl)) {}

namespace {
// Slack's mrkdwn: &, < and > are its control characters.
QString escaped(QString text) {
    return text.replace(QLatin1Char('&'), QStringLiteral("&amp;"))
        .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
        .replace(QLatin1Char('>'), QStringLiteral("&gt;"));
}
QJsonObject section(const QString& mrkdwn) {
    return {{QStringLiteral("type"), QStringLiteral("section")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                 {QStringLiteral("text"), mrkdwn}}}};
}
} // namespace

QByteArray SlackChannel::payload(const AlertMessage& message) {
    QJsonArray blocks{section(
        QStringLiteral("*%1*\n%2").arg(escaped(message.subject()), escaped(message.body())).left(3000))};
    if (message.hasPicture())
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("context")},
                                  {QStringLiteral("elements"),
                                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                          {QStringLiteral("text"), kNoPicture}}}}});
    const QJsonObject body{{QStringLiteral("text"), message.subject()}, // notifications and old clients
                           {QStringLiteral("blocks"), blocks}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

TimedRequest SlackChannel::request(const AlertMessage& message) const {
    TimedRequest r;
    r.url = m_url;
    r.postBody = payload(message);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

} // namespace avld
