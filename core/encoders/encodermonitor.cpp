#include "encodermonitor.h"

#include "clock.h"
#include "encoderhistory.h"
#include "logging.h"
#include "net/timedhttpclient.h"
#include "plural.h"

#include <QHostAddress>
#include <QPointer>

namespace avld {

struct EncoderMonitor::Watched {
    EncoderTarget target;
    EncoderStateMachine machine;
    std::optional<EncoderProbeReport> last;
    qint64 dueMs = 0;
    bool inFlight = false;
    qint64 startedMs = 0; // of the probe in flight: the interval counts from the start, so it does not drift
    bool downAlertHeld = false; // its "down" alert was held back while the workstation was offline
    int generation = 0;         // moves on with the URL: reports of probes started before are stale
};

namespace {

bool isRemote(const EncoderTarget& target) {
    const QHostAddress address(target.url.host());
    return !(target.url.host() == QStringLiteral("localhost") || (!address.isNull() && address.isLoopback()));
}

// Failures that a dead network produces for every host alike (a refused connection proves the path works).
bool isNetworkFailure(const ProbeRecord& record) {
    static const QStringList codes = {QStringLiteral("dns"), QStringLiteral("connect-failed"),
                                      QStringLiteral("timeout"), QStringLiteral("network")};
    return record.health == ProbeHealth::Failed && codes.contains(record.errorCode);
}

// Often enough that each run folds only minutes of probes (a run holds the database's write lock).
constexpr qint64 kCompactionIntervalMs = 10LL * 60 * 1000;
// Uptime over 30 days reads tens of thousands of rows per encoder: computed at most this often.
constexpr qint64 kUptimeCacheMs = 60'000;

bool isDown(EncoderState state) {
    return state == EncoderState::Offline || state == EncoderState::Degraded;
}

} // namespace

EncoderMonitor::EncoderMonitor(TimedHttpClient& http, const Clock& clock, EncoderHistory* history,
                               Options options, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_clock(clock)
    , m_history(history)
    , m_options(std::move(options))
    , m_probe(http, clock, m_options.probe) {
    m_lastCompactionMs = m_clock.monotonicMs();
    m_timer.setInterval(m_options.tickMs);
    connect(&m_timer, &QTimer::timeout, this, &EncoderMonitor::tick);
}

EncoderMonitor::~EncoderMonitor() = default;

EncoderMonitor::Watched* EncoderMonitor::find(const QString& id) {
    for (const auto& w : m_watched)
        if (w->target.id == id)
            return w.get();
    return nullptr;
}

void EncoderMonitor::setTargets(const QList<EncoderTarget>& targets) {
    std::vector<std::unique_ptr<Watched>> kept;
    for (const EncoderTarget& target : targets) {
        auto it = std::find_if(m_watched.begin(), m_watched.end(),
                               [&](const auto& w) { return w && w->target.id == target.id; });
        if (it != m_watched.end()) {
            (*it)->target = target;
            kept.push_back(std::move(*it));
        } else {
            kept.push_back(std::make_unique<Watched>(
                Watched{.target = target,
                        .machine = EncoderStateMachine(target.id, m_options.hysteresis),
                        .last = {},
                        .dueMs = m_clock.monotonicMs(),
                        .inFlight = false,
                        .downAlertHeld = false}));
        }
    }
    m_watched = std::move(kept);
}

void EncoderMonitor::addTarget(const EncoderTarget& target) {
    QList<EncoderTarget> targets;
    for (const auto& w : m_watched)
        if (w->target.id != target.id)
            targets.append(w->target);
    targets.append(target);
    setTargets(targets);
}

bool EncoderMonitor::removeTarget(const QString& id) {
    const auto before = m_watched.size();
    std::erase_if(m_watched, [&](const auto& w) { return w->target.id == id; });
    return m_watched.size() != before;
}

std::optional<EncoderTarget> EncoderMonitor::updateTarget(const EncoderTarget& target) {
    Watched* w = find(target.id);
    if (!w)
        return std::nullopt;
    EncoderTarget before = std::exchange(w->target, target);
    const bool moved = before.url != target.url;
    if (moved) {
        w->machine = EncoderStateMachine(target.id, m_options.hysteresis);
        w->last.reset();
        w->downAlertHeld = false;
        w->inFlight = false; // the old probe still counts in m_inFlight until it answers
        ++w->generation;
    } else if (w->last && !w->inFlight) {
        w->dueMs = w->startedMs + w->machine.nextProbeDelayMs(target.intervalMs, target.retryIntervalMs);
    }
    return before;
}

void EncoderMonitor::setSampleStreams(const QList<QUrl>& streams) {
    m_streams = streams;
    m_nextStream = 0;
}

QUrl EncoderMonitor::nextSampleStream() {
    if (m_streams.isEmpty())
        return {};
    const QUrl stream = m_streams.at(m_nextStream % m_streams.size());
    m_nextStream = (m_nextStream + 1) % m_streams.size();
    return stream;
}

void EncoderMonitor::start() {
    compactHistory();
    if (m_options.autoTick)
        m_timer.start();
    QTimer::singleShot(0, this, &EncoderMonitor::tick);
}

void EncoderMonitor::stop() {
    m_timer.stop();
}

void EncoderMonitor::probeNow(const QString& id) {
    for (const auto& w : m_watched)
        if (id.isEmpty() || w->target.id == id)
            w->dueMs = m_clock.monotonicMs();
    QTimer::singleShot(0, this, &EncoderMonitor::tick);
}

void EncoderMonitor::tick() {
    const qint64 now = m_clock.monotonicMs();
    // Longest-overdue first, so a burst of due probes is served fairly under the concurrency cap.
    std::vector<Watched*> due;
    for (const auto& w : m_watched)
        if (!w->inFlight && w->dueMs <= now)
            due.push_back(w.get());
    std::sort(due.begin(), due.end(), [](Watched* a, Watched* b) { return a->dueMs < b->dueMs; });
    for (Watched* w : due) {
        if (m_inFlight >= m_options.maxConcurrentProbes)
            break;
        startProbe(*w);
    }
    for (const auto& w : m_watched)
        if (auto reminder = w->machine.reminderDue(m_clock.now(), m_options.reminderIntervalMs))
            deliver(*w, *reminder);
    if (now - m_lastCompactionMs >= kCompactionIntervalMs)
        compactHistory();
}

void EncoderMonitor::compactHistory() {
    m_lastCompactionMs = m_clock.monotonicMs();
    if (m_history)
        if (const Status failed = m_history->compact(); !failed.ok())
            qCWarning(lcEncoders) << "history:" << failed.error().toString();
}

void EncoderMonitor::startProbe(Watched& watched) {
    watched.inFlight = true;
    watched.startedMs = m_clock.monotonicMs();
    ++m_inFlight;
    const QString id = watched.target.id;
    const int generation = watched.generation;
    QPointer<EncoderMonitor> self(this);
    m_probe.probe(watched.target, nextSampleStream(),
                  [this, self, id, generation](EncoderProbeReport report) {
                      if (!self)
                          return;
                      --m_inFlight;
                      onReport(id, generation, report);
                  });
}

void EncoderMonitor::onReport(const QString& id, int generation, const EncoderProbeReport& report) {
    Watched* watched = find(id);
    if (!watched)
        return; // removed while its probe ran
    if (watched->generation != generation) {
        QTimer::singleShot(0, this, &EncoderMonitor::tick); // of the old URL; its slot is free again
        return;
    }
    watched->inFlight = false;
    watched->last = report;
    qCDebug(lcEncoders) << id << report.record.reason;
    if (m_history)
        if (const Status failed = m_history->append(report.record); !failed.ok())
            qCWarning(lcEncoders) << "history:" << failed.error().toString();
    const std::optional<EncoderStateChange> change = watched->machine.feed(report.record);
    watched->dueMs = watched->startedMs + watched->machine.nextProbeDelayMs(watched->target.intervalMs,
                                                                            watched->target.retryIntervalMs);
    Q_EMIT probed(report);
    if (change) {
        if (m_history)
            if (const Status failed =
                    m_history->appendStateChange(id, encoderStateName(change->from),
                                                 encoderStateName(change->to), change->reason, change->at);
                !failed.ok())
                qCWarning(lcEncoders) << "history:" << failed.error().toString();
        Q_EMIT stateChanged(*change);
    }
    reviewConnectivity();
    if (change)
        if (Watched* still = find(id))
            deliver(*still, *change);

    const qint64 now = m_clock.monotonicMs();
    const bool anyDue = std::any_of(m_watched.begin(), m_watched.end(),
                                    [&](const auto& w) { return w->inFlight || w->dueMs <= now; });
    if (!anyDue && m_inFlight == 0)
        Q_EMIT idle();
    else if (m_inFlight < m_options.maxConcurrentProbes)
        QTimer::singleShot(0, this, &EncoderMonitor::tick); // a freed slot serves the next due probe now
}

void EncoderMonitor::deliver(Watched& watched, const EncoderStateChange& change) {
    if (!change.alerting)
        return;
    if (change.from == EncoderState::Unknown && change.to == EncoderState::Online)
        return; // every start produces it
    if (isDown(change.to) && isRemote(watched.target)) {
        if (m_workstationOffline) {
            watched.downAlertHeld = true;
            return;
        }
        if (m_connectivityCheckRunning) {
            m_heldAlerts.append(change); // until the connectivity check says whose fault it is
            return;
        }
    }
    if (change.to == EncoderState::Online && watched.downAlertHeld) {
        watched.downAlertHeld = false; // nobody was told it went down
        return;
    }
    qCInfo(lcEncoders) << watched.target.displayName() << encoderStateName(change.from) << "->"
                       << encoderStateName(change.to) << ":" << change.reason;
    Q_EMIT alert(change, watched.target);
}

void EncoderMonitor::reviewConnectivity() {
    int remote = 0;
    int networkFailures = 0;
    for (const auto& w : m_watched) {
        if (!isRemote(w->target) || !w->last)
            continue;
        ++remote;
        if (isNetworkFailure(w->last->record))
            ++networkFailures;
    }
    const bool suspicious =
        remote > 0 && networkFailures == remote && (remote >= 2 || !m_options.connectivityCheckUrl.isEmpty());
    if (!suspicious) {
        if (m_workstationOffline) {
            m_workstationOffline = false;
            Q_EMIT workstationOfflineChanged(false,
                                             QStringLiteral("the network is back: encoders answer again"));
        }
        return;
    }
    if (m_workstationOffline || m_connectivityCheckRunning)
        return;
    const QString reason =
        remote == 1 ? QStringLiteral("this workstation seems offline: its remote encoder cannot be reached")
                    : QStringLiteral("this workstation seems offline: none of its %1 remote encoders can be "
                                     "reached")
                          .arg(remote);
    if (m_options.connectivityCheckUrl.isEmpty()) {
        m_workstationOffline = true;
        Q_EMIT workstationOfflineChanged(true, reason);
        return;
    }
    // The site answering (any HTTP status) proves the network works and the encoders are really down.
    m_connectivityCheckRunning = true;
    TimedRequest request;
    request.url = m_options.connectivityCheckUrl;
    request.timeoutMs = 5000;
    request.maxBodyBytes = 256 * 1024;
    QPointer<EncoderMonitor> self(this);
    m_http.start(request, [this, self, reason](TimedOutcome outcome) {
        if (!self)
            return;
        m_connectivityCheckRunning = false;
        const QList<EncoderStateChange> held = std::exchange(m_heldAlerts, {});
        if (outcome.ok() || m_workstationOffline) {
            for (const EncoderStateChange& change : held)
                if (Watched* w = find(change.encoderId))
                    deliver(*w, change);
            return;
        }
        for (const EncoderStateChange& change : held)
            if (Watched* w = find(change.encoderId))
                w->downAlertHeld = true;
        m_workstationOffline = true;
        Q_EMIT workstationOfflineChanged(
            true, reason + QStringLiteral(", nor the site (%1)").arg(outcome.result.error().message));
    });
}

QList<EncoderSnapshot> EncoderMonitor::snapshot() const {
    QList<EncoderSnapshot> out;
    for (const auto& w : m_watched) {
        EncoderSnapshot s{.target = w->target,
                          .state = w->machine.state(),
                          .reason = w->machine.reason(),
                          .since = w->machine.since(),
                          .last = w->last,
                          .uptime = {}};
        if (m_history) {
            auto cached = m_uptimeCache.constFind(w->target.id);
            const qint64 now = m_clock.monotonicMs();
            if (cached == m_uptimeCache.constEnd() || now - cached->first >= kUptimeCacheMs)
                cached = m_uptimeCache.insert(w->target.id, {now, m_history->uptimeWindows(w->target.id)});
            s.uptime = cached->second;
        }
        out.append(s);
    }
    return out;
}

std::optional<EncoderSnapshot> EncoderMonitor::snapshot(const QString& id) const {
    for (const EncoderSnapshot& s : snapshot())
        if (s.target.id == id)
            return s;
    return std::nullopt;
}

} // namespace avld
