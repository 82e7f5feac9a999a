#pragma once

#include "httpalertchannel.h"

namespace avld {

// Any receiver of a JSON POST (automation, Mattermost-style hooks): the message's facts as JSON, with the
// alert's own details (an encoder alert's: the encoder, from, to, reason) and the picture in base64.
class WebhookChannel final : public HttpAlertChannel {
public:
    WebhookChannel(TimedHttpClient& http, QUrl url, int timeoutMs = 15'000);

    QString kind() const override { return QStringLiteral("webhook"); }
    QString label() const override;
    bool takesPictures() const override { return true; }
    TimedRequest request(const AlertMessage& message) const override;

    static QByteArray payload(const AlertMessage& message);

protected:
    QStringList secrets() const override;

private:
    QUrl m_url;
};

} // namespace avld
