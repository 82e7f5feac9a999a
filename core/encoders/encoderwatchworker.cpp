#include "encoderwatchworker.h"

#include "encoderhistory.h"
#include "net/timedhttpclient.h"

namespace avld {

EncoderWatchWorker::EncoderWatchWorker(const Clock& clock)
    : m_clock(clock)
    , m_coalesce(new QTimer(this)) {
    m_coalesce->setSingleShot(true);
    connect(m_coalesce, &QTimer::timeout, this, &EncoderWatchWorker::emitSnapshots);
}

// The monitor goes first (it refers to the client and the history); pending requests are dropped.
EncoderWatchWorker::~EncoderWatchWorker() {
    m_monitor.reset();
    m_history.reset();
    m_http.reset();
}

void EncoderWatchWorker::start(const QList<EncoderTarget>& targets, const QList<QUrl>& streams,
                               const EncoderMonitor::Options& options, const QString& historyPath,
                               const QStringList& olderHistoryPaths) {
    m_http = std::make_unique<TimedHttpClient>(32);
    if (!historyPath.isEmpty()) {
        m_history = std::make_unique<EncoderHistory>(historyPath, m_clock);
        if (const Status failed = m_history->open(); !failed.ok()) {
            Q_EMIT historyProblem(failed.error().toString());
            m_history.reset();
        }
    }
    for (const QString& older : olderHistoryPaths)
        if (m_history)
            if (const Status merged = m_history->absorb(older); !merged.ok())
                Q_EMIT historyProblem(merged.error().toString());
    m_monitor = std::make_unique<EncoderMonitor>(*m_http, m_clock, m_history.get(), options);
    connect(m_monitor.get(), &EncoderMonitor::probed, this, &EncoderWatchWorker::scheduleSnapshots);
    connect(m_monitor.get(), &EncoderMonitor::stateChanged, this, [this](const EncoderStateChange& change) {
        Q_EMIT stateChanged(change);
        scheduleSnapshots();
    });
    connect(m_monitor.get(), &EncoderMonitor::alert, this, &EncoderWatchWorker::alert);
    connect(m_monitor.get(), &EncoderMonitor::workstationOfflineChanged, this,
            &EncoderWatchWorker::workstationOfflineChanged);
    m_monitor->setTargets(targets);
    m_monitor->setSampleStreams(streams);
    m_monitor->start();
    emitSnapshots();
}

void EncoderWatchWorker::addTarget(const EncoderTarget& target) {
    if (!m_monitor)
        return;
    m_monitor->addTarget(target);
    m_monitor->probeNow(target.id);
    emitSnapshots();
}

void EncoderWatchWorker::removeTarget(const QString& id) {
    if (m_monitor && m_monitor->removeTarget(id))
        emitSnapshots();
}

void EncoderWatchWorker::updateTarget(const EncoderTarget& target) {
    if (!m_monitor)
        return;
    const std::optional<EncoderTarget> before = m_monitor->updateTarget(target);
    if (!before)
        return; // removed meanwhile
    if (before->url != target.url)
        m_monitor->probeNow(target.id); // nothing is known about the new address yet
    emitSnapshots();
}

void EncoderWatchWorker::probeNow(const QString& id) {
    if (m_monitor)
        m_monitor->probeNow(id);
}

void EncoderWatchWorker::setSampleStreams(const QList<QUrl>& streams) {
    if (m_monitor)
        m_monitor->setSampleStreams(streams);
}

void EncoderWatchWorker::requestSeries(const QString& id, HistoryWindow window) {
    EncoderSeries series{.encoderId = id, .window = window, .from = {}, .to = m_clock.now(), .points = {}};
    series.from = series.to.addMSecs(-historyWindowMs(window));
    if (m_history)
        series.points = m_history->series(id, series.from, series.to, historyWindowPoints(window));
    Q_EMIT seriesReady(series);
}

void EncoderWatchWorker::requestHistory(const QDateTime& from, const QDateTime& to, int maxPoints, int tag) {
    Q_EMIT historyReady(m_history ? m_history->spans(from, to, maxPoints) : QList<EncoderHistorySpan>{}, tag);
}

void EncoderWatchWorker::compactNow() {
    if (!m_history) {
        Q_EMIT compactionFinished(false, QStringLiteral("no history is kept"));
        return;
    }
    const Status failed = m_history->compact();
    Q_EMIT compactionFinished(failed.ok(), failed.ok() ? QString() : failed.error().toString());
}

// The first change of a quiet spell goes out at once; later ones wait for the gap to pass.
void EncoderWatchWorker::scheduleSnapshots() {
    if (m_coalesce->isActive())
        return;
    const qint64 elapsed = m_sinceLastEmit.isValid() ? m_sinceLastEmit.elapsed() : kSnapshotGapMs;
    if (elapsed >= kSnapshotGapMs)
        emitSnapshots();
    else
        m_coalesce->start(int(kSnapshotGapMs - elapsed));
}

void EncoderWatchWorker::emitSnapshots() {
    m_coalesce->stop();
    m_sinceLastEmit.start();
    Q_EMIT snapshotsChanged(m_monitor ? m_monitor->snapshot() : QList<EncoderSnapshot>{});
}

} // namespace avld
