#pragma once

#include "alert.h"
#include "quiethours.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimeZone>

namespace avld {

class Clock;

struct AlertPolicy {
    qint64 remindEveryMs = 60 * 60'000; // while still raised; 0: never
    // A condition raised again within this long of its resolution is announced only once it has held for
    // this long (a flapping encoder tells its story once); 0: at once.
    qint64 flapWindowMs = 5 * 60'000;
    QuietHours quietHours{};
    bool criticalDuringQuietHours = true; // false: critical alerts wait for the summary too
};

// One lifecycle for every alert, whatever its source and wherever it is sent:
//   raised (announced at once, or after flapWindowMs when it flaps) -> reminded every remindEveryMs while
//   still raised -> resolved (announced only if its raise was).
// Raising a raised key again updates its text and picture; a change of severity is announced as a new raise.
// Snoozed keys (or all, with the empty key) send nothing until the snooze ends; if still raised then, a
// reminder says so at once. A resolution during the snooze is not sent.
// During quiet hours, warnings (and critical alerts, unless criticalDuringQuietHours) are held; when the
// quiet hours end, one summary lists them and what is still raised. Reminders are not held: the summary
// says what is still raised.
// Time comes from the clock; tick() (called by a timer, or by tests after moving a mock clock) sends what
// fell due.
class AlertLifecycle : public QObject {
    Q_OBJECT
public:
    struct Active {
        Alert alert{};
        QDateTime since{};
        bool announced = false; // its raise was sent (or held for the summary)
        QDateTime snoozedUntil{};
    };

    AlertLifecycle(const Clock& clock, AlertPolicy policy = {}, QObject* parent = nullptr);

    void setPolicy(const AlertPolicy& policy);
    const AlertPolicy& policy() const { return m_policy; }
    // Where quiet hours are read; the system's local time zone by default.
    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }

    // The condition holds (again, or still).
    void raise(const Alert& alert);
    // The condition no longer holds; `why` and `details` (when given) replace the alert's text and details in
    // the message ("online again: …").
    void resolve(const QString& key, const QString& why = {}, const QJsonObject& details = {});
    // No message about `key` (empty: about anything) before `until`.
    // Forgets every raised alert without a message: their source is no longer watched (another site opened).
    void withdrawAll();
    void snooze(const QString& key, const QDateTime& until);
    void unsnooze(const QString& key);
    QDateTime snoozedUntil(const QString& key) const;

    QList<Active> active() const;
    bool inQuietHours() const;
    int heldCount() const { return int(m_held.size()); }

    // Sends what fell due: flap-delayed raises, reminders, the end of snoozes and of quiet hours.
    void tick();

Q_SIGNALS:
    void message(const avld::AlertMessage& message);
    // The raised alerts or the snoozes changed (for the window).
    void changed();

private:
    void emitOrHold(AlertMessage message);
    AlertMessage make(AlertEvent event, const Active& active) const;
    bool isSnoozed(const QString& key) const;
    // The held messages as one summary; false when none was held.
    bool sendSummary();
    void remindAfterSnooze(const QString& key);

    const Clock& m_clock;
    AlertPolicy m_policy;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QHash<QString, Active> m_active;
    QHash<QString, QDateTime> m_lastSent;   // key -> its last raise or reminder sent
    QHash<QString, QDateTime> m_resolvedAt; // key -> when it was last resolved
    QHash<QString, QDateTime> m_snoozes;    // key ("" for all) -> until
    QList<AlertMessage> m_held;             // during quiet hours
    bool m_wasQuiet = false;
};

} // namespace avld
