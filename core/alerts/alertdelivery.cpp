#include "alertdelivery.h"

#include "logging.h"

#include <QPointer>

#include <limits>

namespace avld {

AlertDelivery::AlertDelivery(QObject* parent)
    : AlertDelivery(Options{}, parent) {}

AlertDelivery::AlertDelivery(Options options, QObject* parent)
    : QObject(parent)
    , m_options(options) {}

AlertDelivery::~AlertDelivery() {
    m_destroying = true;
    clearChannels();
}

int AlertDelivery::addChannel(std::unique_ptr<AlertChannel> channel) {
    auto lane = std::make_unique<Lane>();
    lane->id = ++m_nextLane;
    lane->channel = std::move(channel);
    lane->backoff = std::make_unique<QTimer>();
    lane->backoff->setSingleShot(true);
    const int id = lane->id;
    connect(lane->backoff.get(), &QTimer::timeout, this, [this, id] {
        if (Lane* l = this->lane(id))
            sendNext(*l);
    });
    m_lanes.push_back(std::move(lane));
    return id;
}

void AlertDelivery::removeChannel(int id) {
    const auto it = std::find_if(m_lanes.begin(), m_lanes.end(), [id](const auto& l) { return l->id == id; });
    if (it == m_lanes.end())
        return;
    std::unique_ptr<Lane> gone = std::move(*it);
    m_lanes.erase(it);
    if (gone->inFlight)
        gone->channel->cancel(gone->inFlight);
    // What it had not sent yet is said, not dropped (the window removes and makes channels anew on edits).
    for (const Queued& unsent : gone->queue)
        if (m_destroying)
            qCWarning(lcAlerts) << gone->channel->label()
                                << "closed with a message unsent:" << unsent.message.subject();
        else
            giveUp(*gone, unsent, QStringLiteral("the channel was removed or changed before it was sent"));
}

void AlertDelivery::clearChannels() {
    while (!m_lanes.empty())
        removeChannel(m_lanes.front()->id);
}

QList<int> AlertDelivery::channelIds() const {
    QList<int> ids;
    for (const auto& l : m_lanes)
        ids.append(l->id);
    return ids;
}

const AlertChannel* AlertDelivery::channel(int id) const {
    for (const auto& l : m_lanes)
        if (l->id == id)
            return l->channel.get();
    return nullptr;
}

AlertDelivery::Lane* AlertDelivery::lane(int id) {
    for (const auto& l : m_lanes)
        if (l->id == id)
            return l.get();
    return nullptr;
}

quint64 AlertDelivery::send(const AlertMessage& message) {
    const quint64 ticket = ++m_nextTicket;
    for (const int id : channelIds()) // a slot of failed() may remove channels meanwhile
        if (Lane* l = lane(id))
            enqueue(*l, message, ticket);
    return ticket;
}

quint64 AlertDelivery::sendTo(int channelId, const AlertMessage& message) {
    const quint64 ticket = ++m_nextTicket;
    if (Lane* l = lane(channelId))
        enqueue(*l, message, ticket);
    return ticket;
}

AlertDelivery::ChannelStats AlertDelivery::stats(int channelId) const {
    for (const auto& l : m_lanes)
        if (l->id == channelId) {
            ChannelStats s = l->stats;
            s.queued = int(l->queue.size());
            return s;
        }
    return {};
}

int AlertDelivery::queuedTotal() const {
    int n = 0;
    for (const auto& l : m_lanes)
        n += int(l->queue.size());
    return n;
}

void AlertDelivery::enqueue(Lane& l, const AlertMessage& message, quint64 ticket) {
    if (int(l.queue.size()) >= m_options.maxQueued) {
        // The oldest waiting one goes (not the one being sent).
        const auto oldest = l.inFlight ? std::next(l.queue.begin()) : l.queue.begin();
        if (oldest != l.queue.end()) {
            const Queued dropped = *oldest;
            l.queue.erase(oldest);
            const int id = l.id;
            giveUp(l, dropped,
                   QStringLiteral("the queue is full (%1 messages waiting)").arg(m_options.maxQueued));
            if (!lane(id)) { // a slot removed the channel (and said what it had not sent)
                qCWarning(lcAlerts) << "the channel was removed before it took" << message.subject();
                return;
            }
        }
    }
    l.queue.push_back({.message = message, .ticket = ticket, .attempt = 0});
    if (!l.inFlight && !l.backoff->isActive())
        sendNext(l);
}

void AlertDelivery::sendNext(Lane& l) {
    if (l.queue.empty() || l.inFlight)
        return;
    const int id = l.id;
    QPointer<AlertDelivery> self(this);
    // A channel's done runs later, never inside send(), so inFlight is set before it can be cleared.
    l.inFlight = l.channel->send(l.queue.front().message, [self, id](DeliveryOutcome outcome) {
        if (self)
            self->onOutcome(id, outcome);
    });
}

void AlertDelivery::onOutcome(int laneId, const DeliveryOutcome& outcome) {
    Lane* found = lane(laneId);
    if (!found || found->queue.empty())
        return;
    Lane& l = *found;
    l.inFlight = 0;
    Queued& front = l.queue.front();
    ++front.attempt;
    if (outcome.delivered()) {
        ++l.stats.delivered;
        const Queued sent = front;
        l.queue.pop_front();
        qCInfo(lcAlerts) << l.channel->label() << "took" << alertEventName(sent.message.event)
                         << sent.message.alert.key;
        Q_EMIT delivered(laneId, sent.ticket, sent.message);
        if (Lane* again = lane(laneId)) // a slot may have removed the channel
            sendNext(*again);
        return;
    }
    if (outcome.verdict == DeliveryOutcome::Verdict::Refused || front.attempt >= m_options.maxAttempts) {
        const Queued lost = front;
        l.queue.pop_front();
        giveUp(l, lost,
               outcome.verdict == DeliveryOutcome::Verdict::Refused
                   ? QStringLiteral("refused: %1 (not retried)").arg(outcome.reason)
                   : QStringLiteral("%1 after %2 attempts").arg(outcome.reason).arg(lost.attempt));
        if (Lane* again = lane(laneId))
            sendNext(*again);
        return;
    }
    const qint64 backoff = std::min<qint64>(m_options.maxBackoffMs, qint64(m_options.firstBackoffMs)
                                                                        << std::min(front.attempt - 1, 16));
    const qint64 delay =
        outcome.retryAfterMs >= 0 ? std::min(outcome.retryAfterMs, m_options.maxRetryAfterMs) : backoff;
    l.stats.lastProblem = outcome.reason;
    qCInfo(lcAlerts) << l.channel->label() << "did not take the message:" << outcome.reason << "- retrying in"
                     << delay << "ms";
    l.backoff->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
    Q_EMIT retrying(laneId, front.ticket, outcome.reason, front.attempt, delay); // last: a slot may remove it
}

void AlertDelivery::giveUp(Lane& l, const Queued& queued, const QString& why) {
    ++l.stats.failed;
    ++m_failedTotal;
    l.stats.lastProblem = why;
    const QString reason = QStringLiteral("%1 did not take the alert \"%2\": %3")
                               .arg(l.channel->label(), queued.message.subject(), why);
    qCWarning(lcAlerts).noquote() << reason;
    Q_EMIT failed(l.id, queued.ticket, queued.message, reason);
}

} // namespace avld
