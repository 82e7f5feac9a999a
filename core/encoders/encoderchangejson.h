#pragma once

#include "encoderstate.h"
#include "encodertarget.h"

#include <QObject>
#include <QUrl>

#include <deque>

namespace avld {

class TimedHttpClient;

// Sends encoder alerts to an outgoing webhook as a JSON POST (Slack/Mattermost-style receivers, or any
// automation). Transport failures, 429 and 5xx are retried with exponential backoff; other 4xx are not (the
// receiver refused the message: retrying would not help). A bounded queue: when the receiver is gone for
// long, the oldest alerts are dropped and the drop is logged.
class WebhookNotifier : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl url{};
        int maxAttempts = 5;
        int firstBackoffMs = 2000; // doubles per attempt
        int maxBackoffMs = 60'000;
        int timeoutMs = 10'000;
        int maxQueued = 100;
    };

    WebhookNotifier(TimedHttpClient& http, Options options, QObject* parent = nullptr);

    void notify(const EncoderStateChange& change, const EncoderTarget& target);
    // The body sent for an alert (public for tests and for the GUI's "send a test alert").
    static QByteArray payload(const EncoderStateChange& change, const EncoderTarget& target);

    int queued() const { return int(m_queue.size()); }
    int delivered() const { return m_delivered; }
    int abandoned() const { return m_abandoned; }

Q_SIGNALS:
    void deliveryFailed(const QString& reason); // after the last attempt

private:
    struct Message {
        QByteArray body;
        int attempt = 0;
    };
    void sendNext();

    TimedHttpClient& m_http;
    Options m_options;
    std::deque<Message> m_queue;
    bool m_sending = false;
    int m_delivered = 0;
    int m_abandoned = 0;
};

} // namespace avld
