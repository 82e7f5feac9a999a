#pragma once

#include "httpalertchannel.h"

namespace avld {

// A Slack incoming webhook: JSON text and blocks. Incoming webhooks take no files, so a message that has a
// picture says that it is not attached (the window and the other channels show it).
class SlackChannel final : public HttpAlertChannel {
public:
    // `webhookUrl` (https://hooks.slack.com/services/T…/B…/…) is a secret: whoever has it can post.
    SlackChannel(TimedHttpClient& http, QUrl webhookUrl, int timeoutMs = 15'000);

    QString kind() const override { return QStringLiteral("slack"); }
    QString label() const override { return QStringLiteral("Slack webhook %1").arg(m_url.host()); }
    bool takesPictures() const override { return false; }
    TimedRequest request(const AlertMessage& message) const override;

    static QByteArray payload(const AlertMessage& message);
    static const QString kNoPicture;

protected:
    QStringList secrets() const override { return {m_url.toString(), m_url.path()}; }

private:
    QUrl m_url;
};

} // namespace avld
