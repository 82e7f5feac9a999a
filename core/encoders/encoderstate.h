#pragma once

#include "proberecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace avld {

// What the monitor says about an encoder. Pending is shown but is not a verdict: a worse result has been seen
// and is waiting for confirmation.
enum class EncoderState { Unknown, Online, Degraded, Pending, Offline };

// "unknown", "online", "degraded", "pending", "offline": stable, used in the history and in settings.
QString encoderStateName(EncoderState state);
// The same word in the language the application loaded, for people; encoderStateName() stays English for the
// JSON, the history and the command line.
QString encoderStateText(EncoderState state);
std::optional<EncoderState> encoderStateFromName(QStringView name);

struct Hysteresis {
    int failuresToConfirm = 3;  // N: consecutive worse results, counting the first, before going down
    int successesToRecover = 2; // M: consecutive better results before going up
    // Flapping: this many settled changes (not counting the first verdict after Unknown) within
    // flapWindowMs make the last of them one "flapping" alert; the changes after it alert nobody until the
    // state has held for flapWindowMs, which one "no longer flapping" alert says. 0 turns it off.
    int flapChanges = 4;
    qint64 flapWindowMs = 15 * 60'000;
};

struct EncoderStateChange {
    QString encoderId{};
    EncoderState from = EncoderState::Unknown;
    EncoderState to = EncoderState::Unknown;
    QString reason{};
    QDateTime at{};            // the result (or, for a reminder, the moment) that caused it
    QDateTime previousSince{}; // since when `from` held
    bool alerting = false;     // worth telling a person (a settled transition or a reminder)
    bool reminder = false;     // repeats the current verdict; from == to
    // The encoder is flapping: set on the alert that says so and on the changes it silences (alerting false).
    bool flapping = false;
    bool flappingEnded = false; // the alert that it holds one state again (from == to)
};

// The state of one encoder, fed one probe result at a time. Pure: time comes from the results' `at` (and the
// `now` given to reminderDue), so it needs no clock.
//
// Each result maps to a level: Healthy -> Online, Degraded -> Degraded, Failed -> Offline (worst).
// The settled state is Unknown, Online, Degraded or Offline; Pending is shown on top of a settled state.
// - Unknown: Healthy -> Online at once (alerting). Degraded or Failed -> Pending, confirmed like any other.
// - Worse than the settled state: -> Pending (non-alerting change), remembering the settled state. After N
//   consecutive worse results (the first included) the state settles on the level of the latest one
//   (Degraded or Offline): an alerting change from the remembered settled state, never from Pending.
//   N = 1 settles at once without passing through Pending.
// - While Pending, a result as good as the remembered state returns to it with a non-alerting change and
//   keeps its `since` (it never went down). One better than the remembered state also returns to it and
//   counts as the first step of a recovery. From Unknown, a Healthy result settles Online (alerting).
// - Better than the settled state: M consecutive better results move up to the level of the latest one
//   (alerting). Until then the state stays put and isConfirming() is true; a result that is not better resets
//   the count.
// - A result at the settled level keeps the state and its `since`, and refreshes the reason.
// - A settled state's `since` is the `at` of the result that settled it; Pending's, that of its first.
// So a flapping encoder (H,F,H,F,… with N >= 2) stays where it was and never alerts.
// Alerting changes name settled states only (from is never Pending); non-alerting ones enter or leave
// Pending. The monitor may choose not to notify about Unknown -> Online, which every start produces.
class EncoderStateMachine {
public:
    explicit EncoderStateMachine(QString encoderId, Hysteresis hysteresis = {});

    std::optional<EncoderStateChange> feed(const ProbeRecord& record);

    const QString& encoderId() const { return m_encoderId; }
    Hysteresis hysteresis() const { return m_hysteresis; }
    // What to show: Pending while a worse result waits for confirmation.
    EncoderState state() const { return m_pending ? EncoderState::Pending : m_settled; }
    // The last verdict (never Pending); while Pending, the state it came from.
    EncoderState settledState() const { return m_settled; }
    // The sentence of the latest result that supports state().
    const QString& reason() const { return m_pending ? m_pendingReason : m_settledReason; }
    // When state() was entered.
    const QDateTime& since() const { return m_pending ? m_pendingSince : m_settledSince; }

    bool isPending() const { return m_pending; }
    // Better results are being counted toward a recovery; the state has not moved yet.
    bool isConfirming() const { return !m_pending && m_count > 0; }
    // Consecutive results counted so far toward confirming (Pending) or recovering (isConfirming()), of
    // confirmationsNeeded(); both 0 otherwise.
    int confirmationCount() const { return m_count; }
    int confirmationsNeeded() const;
    // Where the state would go if the current count completes, from the latest counted result; Unknown when
    // nothing is being counted.
    EncoderState confirmationTarget() const { return m_count > 0 ? m_target : EncoderState::Unknown; }

    // The retry interval while Pending or confirming a recovery (so a verdict comes quickly), else the
    // interval.
    int nextProbeDelayMs(int intervalMs, int retryIntervalMs) const;

    // A reminder (alerting, reminder = true, from == to) when the settled state is Degraded or Offline and
    // the last alert about it (its settled transition or the previous reminder) is at least
    // reminderIntervalMs before `now`; it is then marked sent. reminderIntervalMs <= 0 turns reminders off.
    std::optional<EncoderStateChange> reminderDue(const QDateTime& now, qint64 reminderIntervalMs);

    bool isFlapping() const { return m_flapping; }

private:
    EncoderStateChange change(EncoderState from, EncoderState to, const ProbeRecord& record, bool alerting,
                              const QDateTime& previousSince) const;
    EncoderStateChange settle(EncoderState to, const ProbeRecord& record);
    std::optional<EncoderStateChange> feedPending(const ProbeRecord& record, EncoderState level);
    std::optional<EncoderStateChange> feedSettled(const ProbeRecord& record, EncoderState level);
    // Counts settled changes and turns a burst of them into one flapping alert (see Hysteresis).
    std::optional<EncoderStateChange> watchFlapping(std::optional<EncoderStateChange> change,
                                                    const QDateTime& at);

    QString m_encoderId;
    Hysteresis m_hysteresis;
    EncoderState m_settled = EncoderState::Unknown;
    QDateTime m_settledSince;
    bool m_pending = false;
    QDateTime m_pendingSince;
    int m_count = 0; // worse results while pending, better ones while confirming a recovery
    EncoderState m_target = EncoderState::Unknown;
    QString m_settledReason;
    QString m_pendingReason;
    QDateTime m_lastAlertAt;
    QList<QDateTime> m_settledChanges; // within the flap window
    bool m_flapping = false;
};

} // namespace avld
