#pragma once

#include "httpalertchannel.h"

namespace avld {

// A Discord channel's webhook: JSON with content and an embed coloured by the event; with a picture,
// multipart with payload_json and files[0], the embed showing it (attachment://name).
class DiscordChannel final : public HttpAlertChannel {
public:
    // `webhookUrl` (https://discord.com/api/webhooks/ID/TOKEN) is a secret: whoever has it can post.
    DiscordChannel(TimedHttpClient& http, QUrl webhookUrl, int timeoutMs = 15'000);

    QString kind() const override { return QStringLiteral("discord"); }
    QString label() const override;
    bool takesPictures() const override { return true; }
    TimedRequest request(const AlertMessage& message) const override;

    static QByteArray payload(const AlertMessage& message);
    // Red while raised, amber for warnings, green when resolved, blue otherwise.
    static int colour(const AlertMessage& message);

protected:
    QStringList secrets() const override { return {m_url.toString(), m_url.path()}; }

private:
    QUrl m_url;
};

} // namespace avld
