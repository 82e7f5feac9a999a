#include "alertchannelconfig.h"

#include "discordchannel.h"
#include "emailchannel.h"
#include "ntfychannel.h"
#include "slackchannel.h"
#include "telegramchannel.h"
#include "webhookchannel.h"

#include <QJsonArray>

namespace avld {

namespace {
bool isHttpUrl(const QUrl& url) {
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https"));
}
} // namespace

QStringList AlertChannelConfig::kinds() {
    return {QStringLiteral("ntfy"),  QStringLiteral("telegram"), QStringLiteral("discord"),
            QStringLiteral("slack"), QStringLiteral("email"),    QStringLiteral("webhook")};
}

QString AlertChannelConfig::secretName(const QString& kind) {
    if (kind == QStringLiteral("ntfy"))
        return QStringLiteral("ntfy-token");
    if (kind == QStringLiteral("telegram"))
        return QStringLiteral("telegram-bot-token");
    if (kind == QStringLiteral("discord"))
        return QStringLiteral("discord-webhook-url");
    if (kind == QStringLiteral("slack"))
        return QStringLiteral("slack-webhook-url");
    if (kind == QStringLiteral("email"))
        return QStringLiteral("smtp-password");
    return QStringLiteral("webhook-url");
}

QString AlertChannelConfig::secretDescription(const QString& kind) {
    if (kind == QStringLiteral("ntfy"))
        return QStringLiteral("access token");
    if (kind == QStringLiteral("telegram"))
        return QStringLiteral("bot token");
    if (kind == QStringLiteral("email"))
        return QStringLiteral("password");
    return QStringLiteral("webhook URL");
}

bool AlertChannelConfig::needsSecret() const {
    return kind == QStringLiteral("telegram") || kind == QStringLiteral("discord") ||
           kind == QStringLiteral("slack") || (kind == QStringLiteral("webhook") && target.isEmpty());
}

QString AlertChannelConfig::problem() const {
    if (!kinds().contains(kind))
        return QStringLiteral("\"%1\" is not a kind of alert channel (%2)")
            .arg(kind, kinds().join(QStringLiteral(", ")));
    if (kind == QStringLiteral("ntfy") && (!isHttpUrl(QUrl(target)) || QUrl(target).path().size() < 2))
        return QStringLiteral("ntfy needs the topic's URL, like https://ntfy.sh/my-topic");
    if (kind == QStringLiteral("telegram") && target.trimmed().isEmpty())
        return QStringLiteral("Telegram needs a chat id, like -1001234567890 or @channel");
    if (kind == QStringLiteral("telegram") && !apiUrl.isEmpty() && !isHttpUrl(apiUrl))
        return QStringLiteral("the Telegram API address must be an http(s) URL");
    if (kind == QStringLiteral("webhook") && !target.isEmpty() && !isHttpUrl(QUrl(target)))
        return QStringLiteral("the webhook needs an http(s) URL");
    if (kind == QStringLiteral("email")) {
        const QUrl server(target);
        if (!server.isValid() || server.host().isEmpty() ||
            (server.scheme() != QStringLiteral("smtp") && server.scheme() != QStringLiteral("smtps")))
            return QStringLiteral("e-mail needs an SMTP server, like smtps://user@mail.example.org:465 or "
                                  "smtp://mail.example.org:587");
        if (!from.contains(QLatin1Char('@')))
            return QStringLiteral("e-mail needs a From address");
        if (to.isEmpty() ||
            std::any_of(to.begin(), to.end(), [](const QString& a) { return !a.contains(QLatin1Char('@')); }))
            return QStringLiteral("e-mail needs one or more To addresses");
    }
    return {};
}

Result<std::unique_ptr<AlertChannel>> AlertChannelConfig::makeChannel(TimedHttpClient& http,
                                                                      const QString& secret) const {
    if (const QString why = problem(); !why.isEmpty())
        return Error{QStringLiteral("alert-config"), why, {}};
    if (needsSecret() && secret.isEmpty())
        return Error{QStringLiteral("alert-secret"),
                     QStringLiteral("the %1 channel has no %2").arg(kind, secretDescription(kind)),
                     QStringLiteral("Give it in Settings (kept in the keychain), or as the credential %1.")
                         .arg(secretName(kind))};
    const QUrl secretUrl(secret.trimmed());
    if ((kind == QStringLiteral("discord") || kind == QStringLiteral("slack") ||
         (kind == QStringLiteral("webhook") && target.isEmpty())) &&
        !isHttpUrl(secretUrl))
        return Error{QStringLiteral("alert-secret"),
                     QStringLiteral("the %1 webhook URL is not an http(s) URL").arg(kind),
                     {}};
    std::unique_ptr<AlertChannel> channel;
    if (kind == QStringLiteral("ntfy"))
        channel = std::make_unique<NtfyChannel>(http, QUrl(target), secret.trimmed());
    else if (kind == QStringLiteral("telegram"))
        channel = std::make_unique<TelegramChannel>(
            http, secret.trimmed(), target.trimmed(),
            apiUrl.isEmpty() ? QUrl(QString::fromLatin1(TelegramChannel::kApi)) : apiUrl);
    else if (kind == QStringLiteral("discord"))
        channel = std::make_unique<DiscordChannel>(http, secretUrl);
    else if (kind == QStringLiteral("slack"))
        channel = std::make_unique<SlackChannel>(http, secretUrl);
    else if (kind == QStringLiteral("webhook"))
        channel = std::make_unique<WebhookChannel>(http, target.isEmpty() ? secretUrl : QUrl(target));
    else {
        const QUrl server(target);
        channel = std::make_unique<EmailChannel>(EmailChannel::Options{
            .server = server, .user = server.userName(), .password = secret, .from = from, .to = to});
    }
    return channel;
}

QJsonObject AlertChannelConfig::toJson() const {
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("target"), target},
                     {QStringLiteral("enabled"), enabled}};
    if (!apiUrl.isEmpty())
        json.insert(QStringLiteral("apiUrl"), apiUrl.toString());
    if (kind == QStringLiteral("email")) {
        json.insert(QStringLiteral("from"), from);
        json.insert(QStringLiteral("to"), QJsonArray::fromStringList(to));
    }
    return json;
}

AlertChannelConfig AlertChannelConfig::fromJson(const QJsonObject& json) {
    AlertChannelConfig c;
    c.id = json.value(QStringLiteral("id")).toString();
    c.kind = json.value(QStringLiteral("kind")).toString();
    c.name = json.value(QStringLiteral("name")).toString();
    c.target = json.value(QStringLiteral("target")).toString();
    c.apiUrl = QUrl(json.value(QStringLiteral("apiUrl")).toString());
    c.from = json.value(QStringLiteral("from")).toString();
    for (const QJsonValue& v : json.value(QStringLiteral("to")).toArray())
        c.to.append(v.toString());
    c.enabled = json.value(QStringLiteral("enabled")).toBool(true);
    return c;
}

} // namespace avld
