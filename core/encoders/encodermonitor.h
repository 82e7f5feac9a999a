#pragma once

#include "encoderprobe.h"
#include "encoderstate.h"
#include "encodertarget.h"
#include "historytypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace avld {

class Clock;
class EncoderHistory;
class TimedHttpClient;

// What the monitor knows about one encoder right now.
struct EncoderSnapshot {
    EncoderTarget target{};
    EncoderState state = EncoderState::Unknown;
    QString reason{};
    QDateTime since{};
    std::optional<EncoderProbeReport> last{};
    std::optional<UptimeWindows> uptime{}; // when a history is kept; up to a minute old
};

// Watches encoders: probes each at its interval (its retry interval while a change is being confirmed),
// feeds the results through a state machine with hysteresis, keeps the history, and raises alerts.
//
// Time: probes fall due by the injected clock; a timer calls tick() every `tickMs` (tests may turn it off and
// call tick() themselves after moving a mock clock).
//
// No alert storm: when every remote encoder fails with a network-level error (DNS, unreachable, timeout) and
// the connectivity check (the site's URL) fails too, the monitor says "this workstation seems offline" once
// and holds back the per-encoder alerts until it is back; the encoders' states still change.
class EncoderMonitor : public QObject {
    Q_OBJECT
public:
    struct Options {
        Hysteresis hysteresis{};
        qint64 reminderIntervalMs = 60LL * 60 * 1000; // 0: no reminders
        int maxConcurrentProbes = 16;
        int tickMs = 500;
        bool autoTick = true;
        EncoderProbeOptions probe{};
        QUrl connectivityCheckUrl{}; // usually the site; empty: trust the encoders' failures alone
    };

    EncoderMonitor(TimedHttpClient& http, const Clock& clock, EncoderHistory* history, Options options,
                   QObject* parent = nullptr);
    ~EncoderMonitor() override;

    // Keeps the state of targets whose id is still present.
    void setTargets(const QList<EncoderTarget>& targets);
    void addTarget(const EncoderTarget& target);
    bool removeTarget(const QString& id);
    // Replaces the target with the same id in place and returns the one it replaced (nullopt: none). The
    // history stays under the id. The new interval counts from the last probe's start; a new URL takes effect
    // at the next probe, which is not brought forward, and makes it another encoder: the state goes back to
    // Unknown, the last report is forgotten and a probe of the old URL still running is ignored when it
    // answers.
    std::optional<EncoderTarget> updateTarget(const EncoderTarget& target);
    // HLS URLs of lives of the site, used in turn for the functional probe.
    void setSampleStreams(const QList<QUrl>& streams);

    void start();
    void stop();
    // Makes every encoder (or one) due now.
    void probeNow(const QString& id = {});
    // Starts the probes that are due. Called by the timer; public for tests.
    void tick();

    QList<EncoderSnapshot> snapshot() const;
    std::optional<EncoderSnapshot> snapshot(const QString& id) const;
    bool workstationSeemsOffline() const { return m_workstationOffline; }
    int probesInFlight() const { return m_inFlight; }

Q_SIGNALS:
    void probed(const avld::EncoderProbeReport& report);
    // Every change, Pending included (see EncoderStateChange::alerting).
    void stateChanged(const avld::EncoderStateChange& change);
    // What to tell a person: settled transitions and reminders, except the first Unknown -> Online and
    // those held back while the workstation seems offline.
    void alert(const avld::EncoderStateChange& change, const avld::EncoderTarget& target);
    void workstationOfflineChanged(bool offline, const QString& reason);
    // No probe is in flight and none is due.
    void idle();

private:
    struct Watched;
    Watched* find(const QString& id);
    void startProbe(Watched& watched);
    void onReport(const QString& id, int generation, const EncoderProbeReport& report);
    void deliver(Watched& watched, const EncoderStateChange& change);
    void reviewConnectivity();
    // Folds old history into rollups (bounded size): at start, then every 10 minutes.
    void compactHistory();
    QUrl nextSampleStream();

    TimedHttpClient& m_http;
    const Clock& m_clock;
    EncoderHistory* m_history;
    Options m_options;
    EncoderProbe m_probe;
    QTimer m_timer;
    std::vector<std::unique_ptr<Watched>> m_watched;
    QList<QUrl> m_streams;
    int m_nextStream = 0;
    int m_inFlight = 0;
    bool m_workstationOffline = false;
    bool m_connectivityCheckRunning = false;
    QList<EncoderStateChange> m_heldAlerts;
    qint64 m_lastCompactionMs = 0;
    mutable QHash<QString, std::pair<qint64, UptimeWindows>> m_uptimeCache; // id -> (computed at, windows)
};

} // namespace avld
