#pragma once

#include "alertchannel.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace avld {

class TimedHttpClient;

// Where one channel sends, as kept in the settings or given on the command line. Never holds the secret
// (token, password, secret webhook URL): that is read from the keychain or a credential by secretName().
struct AlertChannelConfig {
    QString id{};   // stable; the keychain keeps its secret under secretKey()
    QString kind{}; // "ntfy", "telegram", "discord", "slack", "email", "webhook"
    QString name{}; // the admin's name for it; empty: the channel's label
    // ntfy: the topic's URL; telegram: the chat id; email: the SMTP server (smtps://user@host:465);
    // webhook: its URL (or empty: the secret is the URL); discord, slack: empty (the URL is the secret).
    QString target{};
    QUrl apiUrl{};    // telegram: the Bot API's address (a test's fake); empty: Telegram's
    QString from{};   // email
    QStringList to{}; // email
    bool enabled = true;

    static QStringList kinds();
    // "ntfy-token", "telegram-bot-token", "discord-webhook-url", "slack-webhook-url", "smtp-password",
    // "webhook-url": the credential's name on the command line (and under systemd, LoadCredential=).
    static QString secretName(const QString& kind);
    // What the secret is, for a person: "access token", "bot token", "webhook URL", "password".
    static QString secretDescription(const QString& kind);
    // The keychain entry of this channel's secret.
    QString secretKey() const { return QStringLiteral("alerts/%1").arg(id); }
    // Whether the channel cannot work without its secret.
    bool needsSecret() const;

    // What is wrong with it, in words; empty when it can be used (the secret aside).
    QString problem() const;
    // The channel, with its secret (may be empty when not needed).
    Result<std::unique_ptr<AlertChannel>> makeChannel(TimedHttpClient& http, const QString& secret) const;

    QJsonObject toJson() const;
    static AlertChannelConfig fromJson(const QJsonObject& json);
};

} // namespace avld
