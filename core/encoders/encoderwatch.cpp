#include "encoderwatch.h"

#include "encoderwatchworker.h"
#include "logging.h"
#include "maskedurl.h"

#include <QMetaObject>

namespace avld {

namespace {

void registerWatchTypes() {
    qRegisterMetaType<EncoderSnapshot>("avld::EncoderSnapshot");
    qRegisterMetaType<QList<EncoderSnapshot>>("QList<avld::EncoderSnapshot>");
    qRegisterMetaType<EncoderStateChange>("avld::EncoderStateChange");
    qRegisterMetaType<EncoderTarget>("avld::EncoderTarget");
    qRegisterMetaType<EncoderSeries>("avld::EncoderSeries");
    qRegisterMetaType<QList<EncoderHistorySpan>>("QList<avld::EncoderHistorySpan>");
    qRegisterMetaType<EncoderProbeReport>("avld::EncoderProbeReport");
}

} // namespace

EncoderWatch::EncoderWatch(QObject* parent, const Clock& clock)
    : QObject(parent)
    , m_clock(clock) {
    registerWatchTypes();
    m_thread.setObjectName(QStringLiteral("avld-encoder-watch"));
}

EncoderWatch::~EncoderWatch() {
    stop();
}

template <typename F> void EncoderWatch::onWorker(F&& call) {
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, std::forward<F>(call), Qt::QueuedConnection);
}

void EncoderWatch::start(const QList<EncoderTarget>& targets, const QList<QUrl>& sampleStreams,
                         const EncoderMonitor::Options& options, const QString& historyPath,
                         const QStringList& olderHistoryPaths) {
    stop();
    auto* worker = new EncoderWatchWorker(m_clock);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    const int generation = ++m_generation;
    connect(worker, &EncoderWatchWorker::snapshotsChanged, this,
            [this, generation](const QList<EncoderSnapshot>& snapshots) {
                if (!m_worker || generation != m_generation)
                    return; // sent before a stop()
                m_snapshots = snapshots;
                Q_EMIT snapshotsChanged(m_snapshots);
            });
    connect(worker, &EncoderWatchWorker::stateChanged, this, &EncoderWatch::stateChanged);
    connect(worker, &EncoderWatchWorker::alert, this, &EncoderWatch::alert);
    connect(worker, &EncoderWatchWorker::workstationOfflineChanged, this,
            &EncoderWatch::workstationOfflineChanged);
    connect(worker, &EncoderWatchWorker::seriesReady, this, &EncoderWatch::seriesReady);
    connect(worker, &EncoderWatchWorker::historyReady, this, &EncoderWatch::historyReady);
    connect(worker, &EncoderWatchWorker::historyProblem, this, &EncoderWatch::historyProblem);
    connect(worker, &EncoderWatchWorker::compactionFinished, this, &EncoderWatch::compactionFinished);
    m_thread.start();
    onWorker([worker, targets, sampleStreams, options, historyPath, olderHistoryPaths] {
        worker->start(targets, sampleStreams, options, historyPath, olderHistoryPaths);
    });
}

void EncoderWatch::stop() {
    if (!m_worker)
        return;
    EncoderWatchWorker* worker = m_worker;
    m_worker = nullptr;
    // Deleted on its own thread (its client, history and monitor were made there), then the loop ends.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            delete worker;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

// The admin's own changes go to the log beside what the watch saw (URLs masked: a stand-in's holds its
// secret).
void EncoderWatch::addTarget(const EncoderTarget& target) {
    qCInfo(lcEncoders).noquote() << "watching encoder" << target.name << maskedUrl(target.url);
    onWorker([w = m_worker, target] { w->addTarget(target); });
}

void EncoderWatch::removeTarget(const QString& id) {
    // Ids are "site:URL" for the site's own encoder, a UUID for the ones the admin added.
    const qsizetype url = id.indexOf(QStringLiteral("://"));
    qCInfo(lcEncoders).noquote() << "no longer watching encoder"
                                 << (url < 0 ? id
                                             : maskedUrl(QUrl(id.mid(id.indexOf(QLatin1Char(':')) + 1))));
    onWorker([w = m_worker, id] { w->removeTarget(id); });
}

void EncoderWatch::updateTarget(const EncoderTarget& target) {
    qCInfo(lcEncoders).noquote() << "encoder edited:" << target.name << maskedUrl(target.url) << "every"
                                 << target.intervalMs / 1000 << "s";
    onWorker([w = m_worker, target] { w->updateTarget(target); });
}

void EncoderWatch::probeNow(const QString& id) {
    onWorker([w = m_worker, id] { w->probeNow(id); });
}

void EncoderWatch::setSampleStreams(const QList<QUrl>& streams) {
    onWorker([w = m_worker, streams] { w->setSampleStreams(streams); });
}

void EncoderWatch::requestSeries(const QString& id, HistoryWindow window) {
    onWorker([w = m_worker, id, window] { w->requestSeries(id, window); });
}

void EncoderWatch::requestHistory(const QDateTime& from, const QDateTime& to, int maxPoints, int tag) {
    if (!m_worker) {
        // Answered later all the same, as the worker would.
        QMetaObject::invokeMethod(
            this, [this, tag] { Q_EMIT historyReady({}, tag); }, Qt::QueuedConnection);
        return;
    }
    onWorker([w = m_worker, from, to, maxPoints, tag] { w->requestHistory(from, to, maxPoints, tag); });
}

void EncoderWatch::compactNow() {
    onWorker([w = m_worker] { w->compactNow(); });
}

std::optional<EncoderSnapshot> EncoderWatch::snapshot(const QString& id) const {
    for (const EncoderSnapshot& s : m_snapshots)
        if (s.target.id == id)
            return s;
    return std::nullopt;
}

} // namespace avld
