#pragma once

#include "alertchannel.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

namespace avld {

// One queue per channel for every alert message: each channel is tried in the order messages came, apart
// from the others (a slow or broken channel holds back no other). A failed attempt the channel may recover
// from (transport error, 429, 5xx) is retried with exponential backoff, or after the Retry-After it asked
// for; a refusal (other 4xx) is not retried. A message is never lost silently: giving up on it, or dropping
// the oldest from a full queue, is logged (without secrets), counted and signalled.
class AlertDelivery : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxAttempts = 6;
        int firstBackoffMs = 2000; // doubles per attempt
        int maxBackoffMs = 5 * 60'000;
        qint64 maxRetryAfterMs = 60 * 60'000; // a longer Retry-After is cut to this
        int maxQueued = 100;                  // per channel
    };
    struct ChannelStats {
        int delivered = 0;
        int failed = 0; // given up or dropped
        int queued = 0; // waiting, the one being sent included
        QString lastProblem{};
    };

    explicit AlertDelivery(QObject* parent = nullptr);
    explicit AlertDelivery(Options options, QObject* parent = nullptr);
    ~AlertDelivery() override;

    // Returns the channel's id for the signals and sendTo().
    int addChannel(std::unique_ptr<AlertChannel> channel);
    // Its unsent messages are given up (signalled as failed).
    void removeChannel(int id);
    void clearChannels();
    QList<int> channelIds() const;
    const AlertChannel* channel(int id) const;

    // To every channel. Returns the ticket the signals carry.
    quint64 send(const AlertMessage& message);
    // To one channel (a test alert from Settings).
    quint64 sendTo(int channelId, const AlertMessage& message);

    ChannelStats stats(int channelId) const;
    int failedTotal() const { return m_failedTotal; }
    int queuedTotal() const;

Q_SIGNALS:
    void delivered(int channelId, quint64 ticket, const avld::AlertMessage& message);
    // An attempt failed and will be tried again after `delayMs`.
    void retrying(int channelId, quint64 ticket, const QString& reason, int attempt, qint64 delayMs);
    // Given up (or dropped): `reason` names the channel and says why, for a person.
    void failed(int channelId, quint64 ticket, const avld::AlertMessage& message, const QString& reason);

private:
    struct Queued {
        AlertMessage message;
        quint64 ticket = 0;
        int attempt = 0;
    };
    struct Lane {
        int id = 0;
        std::unique_ptr<AlertChannel> channel;
        std::deque<Queued> queue;
        quint64 inFlight = 0; // the channel's attempt id; 0: none
        std::unique_ptr<QTimer> backoff;
        ChannelStats stats;
    };
    Lane* lane(int id);
    void enqueue(Lane& lane, const AlertMessage& message, quint64 ticket);
    void sendNext(Lane& lane);
    void onOutcome(int laneId, const DeliveryOutcome& outcome);
    void giveUp(Lane& lane, const Queued& queued, const QString& why);

    Options m_options;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    int m_nextLane = 0;
    quint64 m_nextTicket = 0;
    int m_failedTotal = 0;
    bool m_destroying = false;
};

} // namespace avld
