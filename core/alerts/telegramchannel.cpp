#include "telegramchannel.h"

#include <QJsonDocument>

namespace avld {

namespace {
constexpr int kCaptionLimit = 1024; // Telegram's, for sendPhoto
constexpr int kTextLimit = 4096;
} // namespace

TelegramChannel::TelegramChannel(TimedHttpClient& http, QString botToken, QString chatId, QUrl apiUrl,
                                 int timeoutMs)
    : HttpAlertChannel(http, timeoutMs)
    , m_token(std::move(botToken))
    , m_chatId(std::move(chatId))
    , m_api(std::move(apiUrl)) {}

QUrl TelegramChannel::method(const QString& name) const {
    QUrl url = m_api;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("bot%1/%2").arg(m_token, name));
    return url;
}

TimedRequest TelegramChannel::request(const AlertMessage& message) const {
    const QString text = message.subject() + QStringLiteral("\n\n") + message.body();
    TimedRequest r;
    if (message.hasPicture()) {
        r.url = method(QStringLiteral("sendPhoto"));
        r.formParts = {{.name = "chat_id", .data = m_chatId.toUtf8()},
                       {.name = "caption", .data = text.left(kCaptionLimit).toUtf8()},
                       {.name = "photo",
                        .data = message.alert.picture,
                        .fileName = message.alert.pictureName.toUtf8(),
                        .contentType = message.alert.pictureType}};
        return r;
    }
    r.url = method(QStringLiteral("sendMessage"));
    r.postBody = QJsonDocument(QJsonObject{{QStringLiteral("chat_id"), m_chatId},
                                           {QStringLiteral("text"), text.left(kTextLimit)},
                                           {QStringLiteral("disable_web_page_preview"), true}})
                     .toJson(QJsonDocument::Compact);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

DeliveryOutcome TelegramChannel::judge(const TimedOutcome& outcome) const {
    DeliveryOutcome judged = HttpAlertChannel::judge(outcome);
    if (!outcome.ok() || judged.delivered())
        return judged;
    const QJsonObject answer = QJsonDocument::fromJson(outcome.result->body).object();
    const QString description = answer.value(QStringLiteral("description")).toString();
    if (!description.isEmpty())
        judged.reason = QStringLiteral("HTTP %1: %2").arg(outcome.result->httpStatus).arg(description);
    const int retryAfter =
        answer.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("retry_after")).toInt(-1);
    if (retryAfter >= 0 && judged.retryAfterMs < 0)
        judged.retryAfterMs = qint64(retryAfter) * 1000;
    return judged;
}

} // namespace avld
