#pragma once

#include "httpalertchannel.h"

namespace avld {

// ntfy (ntfy.sh or one's own server): a POST of the text to the topic's URL with Title, Priority and Tags
// headers; with a picture, a PUT of the picture with a Filename header and the text in the Message header
// (ntfy's attachment). An access token goes as "Authorization: Bearer".
class NtfyChannel final : public HttpAlertChannel {
public:
    // `topicUrl`: https://ntfy.sh/my-topic. `token` may be empty (a public topic).
    NtfyChannel(TimedHttpClient& http, QUrl topicUrl, QString token, int timeoutMs = 15'000);

    QString kind() const override { return QStringLiteral("ntfy"); }
    QString label() const override;
    bool takesPictures() const override { return true; }
    TimedRequest request(const AlertMessage& message) const override;

    // RFC 2047 (=?UTF-8?B?…?=) when the text is not plain printable ASCII on one line; ntfy decodes it.
    static QByteArray headerText(const QString& text);

protected:
    QStringList secrets() const override { return {m_token}; }

private:
    QUrl m_url;
    QString m_token;
};

} // namespace avld
