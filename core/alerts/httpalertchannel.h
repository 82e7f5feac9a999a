#pragma once

#include "alertchannel.h"
#include "net/timedhttpclient.h"

#include <QHash>

namespace avld {

// A channel that is one HTTP request per message: subclasses say what request; this sends it with a timeout
// through the TimedHttpClient and judges the answer: 2xx delivered; 429 (with its Retry-After), 5xx and
// transport errors retried; other statuses refused.
class HttpAlertChannel : public AlertChannel {
public:
    explicit HttpAlertChannel(TimedHttpClient& http, int timeoutMs = 15'000);
    ~HttpAlertChannel() override;

    quint64 send(const AlertMessage& message, Done done) override;
    void cancel(quint64 attempt) override;

    // The request for a message (public for tests).
    virtual TimedRequest request(const AlertMessage& message) const = 0;
    // How an answer is read; the default follows the status line as above.
    virtual DeliveryOutcome judge(const TimedOutcome& outcome) const;

    // Retry-After: seconds or an HTTP date; -1 when absent or unreadable.
    static qint64 retryAfterMs(const QByteArray& value, const QDateTime& now);

protected:
    int timeoutMs() const { return m_timeoutMs; }
    // What must never appear in a reason or a log line (tokens, secret URLs): masked as a safety net.
    virtual QStringList secrets() const { return {}; }
    // "HTTP 400: {body, shortened}" for the log.
    static QString statusText(const TimedResponse& response);

private:
    TimedHttpClient& m_http;
    int m_timeoutMs;
    QHash<quint64, quint64> m_requests; // our attempt -> the client's request
    quint64 m_next = 0;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace avld
