#pragma once

#include "alert.h"

#include <QString>

#include <functional>

namespace avld {

// How one attempt to hand a message to a channel ended.
struct DeliveryOutcome {
    enum class Verdict {
        Delivered,
        Retry,  // the channel may take it later: transport error, 429, 5xx
        Refused // it will not take it as it is (other 4xx, bad settings): retrying would not help
    };
    Verdict verdict = Verdict::Delivered;
    QString reason{};         // for a person and the log; never holds a secret
    qint64 retryAfterMs = -1; // what the receiver asked for (Retry-After), else -1

    bool delivered() const { return verdict == Verdict::Delivered; }
};

// Somewhere alerts go: a chat, a push service, a mailbox, a webhook. One attempt per send(); retries,
// backoff and the queue are AlertDelivery's. Channels know their secrets (tokens, webhook URLs) but never
// put them in label() or a DeliveryOutcome's reason.
class AlertChannel {
public:
    using Done = std::function<void(DeliveryOutcome)>;

    virtual ~AlertChannel() = default;

    // "ntfy", "telegram", "discord", "slack", "email", "webhook".
    virtual QString kind() const = 0;
    // "ntfy ntfy.sh/avideo", "Telegram chat -100123": says which one, without secrets.
    virtual QString label() const = 0;
    // Whether the message's picture is sent with it.
    virtual bool takesPictures() const = 0;
    // One attempt; `done` runs exactly once, later (never inside send), unless cancelled first.
    virtual quint64 send(const AlertMessage& message, Done done) = 0;
    // Ends an attempt under way; its `done` does not run.
    virtual void cancel(quint64 attempt) = 0;
};

} // namespace avld
