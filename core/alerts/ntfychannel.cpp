#include "ntfychannel.h"

namespace avld {

NtfyChannel::NtfyChannel(TimedHttpClient& http, QUrl topicUrl, QString token, int timeoutMs)
    : HttpAlertChannel(http, timeoutMs)
    , m_url(std::move(topicUrl))
    , m_token(std::move(token)) {}

QString NtfyChannel::label() const {
    return QStringLiteral("ntfy %1%2").arg(m_url.host(), m_url.path());
}

QByteArray NtfyChannel::headerText(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    return plain ? utf8 : "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

TimedRequest NtfyChannel::request(const AlertMessage& message) const {
    TimedRequest r;
    r.url = m_url;
    const bool critical = message.alert.severity == AlertSeverity::Critical;
    QByteArray priority = "default";
    QByteArray tags = "bell";
    switch (message.event) {
    case AlertEvent::Raised:
    case AlertEvent::Reminder:
        priority = critical ? "urgent" : "high";
        tags = critical ? "rotating_light" : "warning";
        break;
    case AlertEvent::Resolved:
        priority = "default";
        tags = "white_check_mark";
        break;
    case AlertEvent::Summary:
        priority = "default";
        tags = "zzz";
        break;
    case AlertEvent::Test:
        priority = "low";
        tags = "test_tube";
        break;
    }
    r.headers.append(qMakePair(QByteArray("Title"), QByteArray(headerText(message.subject()))));
    r.headers.append(qMakePair(QByteArray("Priority"), QByteArray(priority)));
    r.headers.append(qMakePair(QByteArray("Tags"), QByteArray(tags)));
    if (!m_token.isEmpty())
        r.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + m_token.toUtf8())));
    if (message.hasPicture()) {
        r.method = "PUT";
        r.postBody = message.alert.picture;
        r.headers.append(qMakePair(QByteArray("Filename"), QByteArray(message.alert.pictureName.toUtf8())));
        r.headers.append(qMakePair(QByteArray("Message"), QByteArray(headerText(message.body()))));
    } else {
        r.postBody = message.body().toUtf8();
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain; charset=utf-8")));
    }
    return r;
}

} // namespace avld
