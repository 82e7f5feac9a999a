#include "alertlifecycle.h"

#include "clock.h"
#include "logging.h"

namespace avld {

AlertLifecycle::AlertLifecycle(const Clock& clock, AlertPolicy policy, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_policy(std::move(policy)) {
    m_wasQuiet = inQuietHours();
}

void AlertLifecycle::setPolicy(const AlertPolicy& policy) {
    m_policy = policy;
    tick();
}

bool AlertLifecycle::inQuietHours() const {
    return m_policy.quietHours.contains(m_clock.now(), m_zone);
}

AlertMessage AlertLifecycle::make(AlertEvent event, const Active& active) const {
    return {.event = event, .alert = active.alert, .at = m_clock.now(), .since = active.since};
}

bool AlertLifecycle::isSnoozed(const QString& key) const {
    const QDateTime now = m_clock.now();
    const QDateTime all = m_snoozes.value(QString());
    const QDateTime one = m_snoozes.value(key);
    return (all.isValid() && now < all) || (one.isValid() && now < one);
}

QDateTime AlertLifecycle::snoozedUntil(const QString& key) const {
    const QDateTime one = m_snoozes.value(key);
    const QDateTime all = key.isEmpty() ? QDateTime() : m_snoozes.value(QString());
    const QDateTime later = !one.isValid() ? all : !all.isValid() ? one : std::max(one, all);
    return later.isValid() && m_clock.now() < later ? later : QDateTime();
}

void AlertLifecycle::emitOrHold(AlertMessage message) {
    // Reminders count from the last raise or reminder, even one snoozed or held: a snooze or the quiet hours
    // do not make them pile up.
    if (message.event == AlertEvent::Raised || message.event == AlertEvent::Reminder)
        m_lastSent.insert(message.alert.key, message.at);
    if (isSnoozed(message.alert.key))
        return;
    const bool critical = message.alert.severity == AlertSeverity::Critical;
    if (inQuietHours() && (!critical || !m_policy.criticalDuringQuietHours)) {
        if (message.event != AlertEvent::Reminder)
            m_held.append(message);
        return;
    }
    Q_EMIT this->message(message);
}

void AlertLifecycle::raise(const Alert& alert) {
    const QDateTime now = m_clock.now();
    auto it = m_active.find(alert.key);
    if (it != m_active.end()) {
        const bool escalated = it->alert.severity != alert.severity;
        it->alert = alert;
        if (escalated && it->announced) {
            emitOrHold(make(AlertEvent::Raised, *it));
            Q_EMIT changed();
        }
        return;
    }
    Active active{.alert = alert, .since = now};
    const QDateTime resolvedAt = m_resolvedAt.value(alert.key);
    const bool flapping = resolvedAt.isValid() && resolvedAt.msecsTo(now) < m_policy.flapWindowMs;
    if (flapping) {
        qCInfo(lcAlerts) << "flapping, held until it holds:" << alert.key;
    } else {
        active.announced = true;
        emitOrHold(make(AlertEvent::Raised, active));
    }
    m_active.insert(alert.key, active);
    Q_EMIT changed();
}

void AlertLifecycle::resolve(const QString& key, const QString& why, const QJsonObject& details) {
    auto it = m_active.find(key);
    if (it == m_active.end())
        return;
    Active ended = *it;
    m_active.erase(it);
    m_resolvedAt.insert(key, m_clock.now());
    m_lastSent.remove(key);
    if (ended.announced) {
        if (!why.isEmpty())
            ended.alert.text = why;
        if (!details.isEmpty())
            ended.alert.details = details;
        emitOrHold(make(AlertEvent::Resolved, ended));
    }
    Q_EMIT changed();
}

void AlertLifecycle::withdrawAll() {
    if (m_active.isEmpty())
        return;
    m_active.clear();
    m_lastSent.clear();
    Q_EMIT changed();
}

void AlertLifecycle::snooze(const QString& key, const QDateTime& until) {
    m_snoozes.insert(key, until);
    Q_EMIT changed();
}

void AlertLifecycle::unsnooze(const QString& key) {
    if (m_snoozes.remove(key) == 0)
        return;
    remindAfterSnooze(key);
    Q_EMIT changed();
}

void AlertLifecycle::remindAfterSnooze(const QString& key) {
    // Still raised when its snooze ends: say so now rather than at the next reminder.
    for (Active& a : m_active)
        if ((key.isEmpty() || a.alert.key == key) && a.announced && !isSnoozed(a.alert.key))
            emitOrHold(make(AlertEvent::Reminder, a));
}

QList<AlertLifecycle::Active> AlertLifecycle::active() const {
    QList<Active> all;
    for (const Active& a : m_active) {
        Active shown = a;
        shown.snoozedUntil = snoozedUntil(a.alert.key);
        all.append(shown);
    }
    std::sort(all.begin(), all.end(), [](const Active& a, const Active& b) { return a.since < b.since; });
    return all;
}

void AlertLifecycle::tick() {
    const QDateTime now = m_clock.now();
    bool snoozesEnded = false;
    for (auto it = m_snoozes.begin(); it != m_snoozes.end();) {
        if (now < it.value()) {
            ++it;
            continue;
        }
        const QString key = it.key();
        it = m_snoozes.erase(it);
        snoozesEnded = true;
        remindAfterSnooze(key);
    }
    const bool quiet = inQuietHours();
    if (m_wasQuiet && !quiet && sendSummary())
        for (const Active& a : std::as_const(m_active))
            if (a.announced)
                m_lastSent.insert(a.alert.key, now); // the summary said it is still raised
    m_wasQuiet = quiet;
    for (Active& a : m_active) {
        if (!a.announced) {
            if (a.since.msecsTo(now) >= m_policy.flapWindowMs) {
                a.announced = true;
                emitOrHold(make(AlertEvent::Raised, a));
            }
            continue;
        }
        const QDateTime last = m_lastSent.value(a.alert.key, a.since);
        if (m_policy.remindEveryMs > 0 && last.msecsTo(now) >= m_policy.remindEveryMs)
            emitOrHold(make(AlertEvent::Reminder, a));
    }
    if (snoozesEnded)
        Q_EMIT changed();
}

bool AlertLifecycle::sendSummary() {
    if (m_held.isEmpty())
        return false;
    QStringList lines;
    for (const AlertMessage& held : std::as_const(m_held))
        lines.append(QStringLiteral("%1 UTC %2: %3")
                         .arg(held.at.toUTC().toString(QStringLiteral("HH:mm")), alertEventName(held.event),
                              held.alert.title));
    QStringList still;
    for (const Active& a : active()) // oldest first
        if (a.announced)
            still.append(QStringLiteral("- %1").arg(a.alert.title));
    QString text = lines.join(QLatin1Char('\n'));
    text += still.isEmpty() ? QStringLiteral("\n\nNothing is raised now.")
                            : QStringLiteral("\n\nStill raised:\n") + still.join(QLatin1Char('\n'));
    const qsizetype count = m_held.size();
    m_held.clear();
    AlertMessage summary{.event = AlertEvent::Summary,
                         .alert = {.key = QStringLiteral("summary"),
                                   .severity = AlertSeverity::Warning,
                                   .title = QStringLiteral("While quiet (%1): %2 alert message(s)")
                                                .arg(m_policy.quietHours.toString())
                                                .arg(count),
                                   .text = text},
                         .at = m_clock.now(),
                         .since = {}};
    Q_EMIT message(summary);
    return true;
}

} // namespace avld
