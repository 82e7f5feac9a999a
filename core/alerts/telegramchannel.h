#pragma once

#include "httpalertchannel.h"

namespace avld {

// Telegram's Bot API: sendMessage, or sendPhoto (multipart, the text as its caption) with a picture.
class TelegramChannel final : public HttpAlertChannel {
public:
    static constexpr auto kApi = "https://api.telegram.org";
    // `chatId`: "-1001234567890" or "@channelname". `apiUrl`: Telegram's, or a test's fake.
    TelegramChannel(TimedHttpClient& http, QString botToken, QString chatId,
                    QUrl apiUrl = QUrl(QString::fromLatin1(kApi)), int timeoutMs = 15'000);

    QString kind() const override { return QStringLiteral("telegram"); }
    QString label() const override { return QStringLiteral("Telegram chat %1").arg(m_chatId); }
    bool takesPictures() const override { return true; }
    TimedRequest request(const AlertMessage& message) const override;
    // Telegram says why in JSON, and how long to wait in parameters.retry_after.
    DeliveryOutcome judge(const TimedOutcome& outcome) const override;

protected:
    QStringList secrets() const override { return {m_token}; }

private:
    QUrl method(const QString& name) const;

    QString m_token;
    QString m_chatId;
    QUrl m_api;
};

} // namespace avld
