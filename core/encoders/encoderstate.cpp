#include "encoderstate.h"

#include "logging.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <utility>

namespace avld {

namespace {

constexpr std::array<std::pair<EncoderState, const char*>, 5> kNames{{
    {EncoderState::Unknown, "unknown"},
    {EncoderState::Online, "online"},
    {EncoderState::Degraded, "degraded"},
    {EncoderState::Pending, "pending"},
    {EncoderState::Offline, "offline"},
}};

EncoderState levelOf(ProbeHealth health) {
    switch (health) {
    case ProbeHealth::Healthy:
        return EncoderState::Online;
    case ProbeHealth::Degraded:
        return EncoderState::Degraded;
    case ProbeHealth::Failed:
        break;
    }
    return EncoderState::Offline;
}

// Higher is worse. Only for the levels a result can map to.
int severity(EncoderState level) {
    switch (level) {
    case EncoderState::Online:
        return 0;
    case EncoderState::Degraded:
        return 1;
    case EncoderState::Offline:
        return 2;
    case EncoderState::Unknown:
    case EncoderState::Pending:
        break;
    }
    return -1;
}

} // namespace

QString encoderStateName(EncoderState state) {
    for (const auto& [value, name] : kNames) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

QString encoderStateText(EncoderState state) {
    switch (state) {
    case EncoderState::Online:
        return QCoreApplication::translate("avld::EncoderState", "online");
    case EncoderState::Degraded:
        return QCoreApplication::translate("avld::EncoderState", "degraded");
    case EncoderState::Pending:
        return QCoreApplication::translate("avld::EncoderState", "pending");
    case EncoderState::Offline:
        return QCoreApplication::translate("avld::EncoderState", "offline");
    case EncoderState::Unknown:
        break;
    }
    return QCoreApplication::translate("avld::EncoderState", "unknown");
}

std::optional<EncoderState> encoderStateFromName(QStringView name) {
    for (const auto& [value, text] : kNames) {
        if (name.compare(QLatin1StringView(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

EncoderStateMachine::EncoderStateMachine(QString encoderId, Hysteresis hysteresis)
    : m_encoderId(std::move(encoderId))
    , m_hysteresis{.failuresToConfirm = std::max(1, hysteresis.failuresToConfirm),
                   .successesToRecover = std::max(1, hysteresis.successesToRecover)} {}

int EncoderStateMachine::confirmationsNeeded() const {
    if (m_pending)
        return m_hysteresis.failuresToConfirm;
    return m_count > 0 ? m_hysteresis.successesToRecover : 0;
}

int EncoderStateMachine::nextProbeDelayMs(int intervalMs, int retryIntervalMs) const {
    return m_pending || isConfirming() ? retryIntervalMs : intervalMs;
}

std::optional<EncoderStateChange> EncoderStateMachine::feed(const ProbeRecord& record) {
    const EncoderState level = levelOf(record.health);
    std::optional<EncoderStateChange> result =
        watchFlapping(m_pending ? feedPending(record, level) : feedSettled(record, level), record.at);
    if (result) {
        qCDebug(lcEncoders).noquote()
            << m_encoderId << encoderStateName(result->from) << "->" << encoderStateName(result->to)
            << (result->alerting ? "(alert)" : "") << result->reason;
    }
    return result;
}

std::optional<EncoderStateChange> EncoderStateMachine::feedSettled(const ProbeRecord& record,
                                                                   EncoderState level) {
    const bool fromUnknown = m_settled == EncoderState::Unknown;
    if (fromUnknown && level == EncoderState::Online)
        return settle(level, record);
    if (!fromUnknown && severity(level) < severity(m_settled)) {
        m_count += 1;
        m_target = level;
        if (m_count < m_hysteresis.successesToRecover)
            return std::nullopt;
        return settle(level, record);
    }
    if (!fromUnknown && level == m_settled) {
        m_count = 0;
        m_settledReason = record.reason;
        return std::nullopt;
    }

    // Worse than the settled state (or anything but Healthy from Unknown).
    if (m_hysteresis.failuresToConfirm <= 1)
        return settle(level, record);
    m_pending = true;
    m_pendingSince = record.at;
    m_pendingReason = record.reason;
    m_count = 1;
    m_target = level;
    return change(m_settled, EncoderState::Pending, record, false, m_settledSince);
}

std::optional<EncoderStateChange> EncoderStateMachine::feedPending(const ProbeRecord& record,
                                                                   EncoderState level) {
    const bool fromUnknown = m_settled == EncoderState::Unknown;
    const bool worse = fromUnknown ? level != EncoderState::Online : severity(level) > severity(m_settled);
    if (worse) {
        m_count += 1;
        m_target = level;
        m_pendingReason = record.reason;
        if (m_count < m_hysteresis.failuresToConfirm)
            return std::nullopt;
        return settle(level, record);
    }
    if (fromUnknown)
        return settle(EncoderState::Online, record);

    // As good as the state it came from, or better: it never went down.
    const QDateTime pendingSince = m_pendingSince;
    m_pending = false;
    m_pendingReason.clear();
    m_count = 0;
    m_settledReason = record.reason;
    if (level != m_settled) {
        // Better still: this result is the first step of a recovery.
        m_count = 1;
        m_target = level;
        if (m_count >= m_hysteresis.successesToRecover)
            return settle(level, record);
    }
    return change(EncoderState::Pending, m_settled, record, false, pendingSince);
}

EncoderStateChange EncoderStateMachine::settle(EncoderState to, const ProbeRecord& record) {
    const EncoderStateChange result = change(m_settled, to, record, true, m_settledSince);
    m_settled = to;
    m_settledSince = record.at;
    m_settledReason = record.reason;
    m_pending = false;
    m_pendingSince = {};
    m_pendingReason.clear();
    m_count = 0;
    m_target = EncoderState::Unknown;
    m_lastAlertAt = record.at;
    return result;
}

EncoderStateChange EncoderStateMachine::change(EncoderState from, EncoderState to, const ProbeRecord& record,
                                               bool alerting, const QDateTime& previousSince) const {
    return EncoderStateChange{.encoderId = m_encoderId,
                              .from = from,
                              .to = to,
                              .reason = record.reason,
                              .at = record.at,
                              .previousSince = previousSince,
                              .alerting = alerting,
                              .reminder = false};
}

std::optional<EncoderStateChange> EncoderStateMachine::watchFlapping(std::optional<EncoderStateChange> change,
                                                                     const QDateTime& at) {
    const Hysteresis& h = m_hysteresis;
    if (h.flapChanges <= 0 || !at.isValid())
        return change;
    m_settledChanges.removeIf([&](const QDateTime& t) { return t.msecsTo(at) > h.flapWindowMs; });
    const bool settledChange = change && change->alerting && !change->reminder &&
                               change->from != EncoderState::Unknown && change->from != change->to;
    if (settledChange)
        m_settledChanges.append(at);
    if (m_flapping) {
        if (settledChange) { // silenced: the flapping alert said it
            change->alerting = false;
            change->flapping = true;
            return change;
        }
        if (!m_settledChanges.isEmpty() || m_pending || isConfirming())
            return change;
        m_flapping = false;
        m_lastAlertAt = at;
        return EncoderStateChange{.encoderId = m_encoderId,
                                  .from = m_settled,
                                  .to = m_settled,
                                  .reason = QStringLiteral("no longer flapping: %1 for %2 min — %3")
                                                .arg(encoderStateName(m_settled))
                                                .arg(m_settledSince.msecsTo(at) / 60'000)
                                                .arg(m_settledReason),
                                  .at = at,
                                  .previousSince = m_settledSince,
                                  .alerting = true,
                                  .reminder = false,
                                  .flapping = false,
                                  .flappingEnded = true};
    }
    if (settledChange && m_settledChanges.size() >= h.flapChanges) {
        m_flapping = true;
        change->flapping = true;
        change->reason =
            QStringLiteral("flapping: %1 changes in %2 min, now %3 (%4); no more alerts until it "
                           "holds one state for %5 min")
                .arg(m_settledChanges.size())
                .arg(qMax<qint64>(1, (m_settledChanges.first().msecsTo(at) + 59'999) / 60'000))
                .arg(encoderStateName(change->to), change->reason)
                .arg(h.flapWindowMs / 60'000);
    }
    return change;
}

std::optional<EncoderStateChange> EncoderStateMachine::reminderDue(const QDateTime& now,
                                                                   qint64 reminderIntervalMs) {
    if (reminderIntervalMs <= 0 || m_flapping)
        return std::nullopt;
    if (m_settled != EncoderState::Offline && m_settled != EncoderState::Degraded)
        return std::nullopt;
    if (m_lastAlertAt.isValid() && m_lastAlertAt.msecsTo(now) < reminderIntervalMs)
        return std::nullopt;
    m_lastAlertAt = now;
    return EncoderStateChange{.encoderId = m_encoderId,
                              .from = m_settled,
                              .to = m_settled,
                              .reason = m_settledReason,
                              .at = now,
                              .previousSince = m_settledSince,
                              .alerting = true,
                              .reminder = true,
                              .flapping = false,
                              .flappingEnded = false};
}

} // namespace avld
