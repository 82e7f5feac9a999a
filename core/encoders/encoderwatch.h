#pragma once

#include "clock.h"
#include "encodermonitor.h"
#include "encoderseries.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>

namespace avld {

class EncoderWatchWorker;

// Hosts an EncoderMonitor (with its TimedHttpClient and EncoderHistory) on a worker thread of its own, for
// the GUI: nothing here waits for the network or the database. Lives on the thread that created it; every
// call returns at once and answers come back as signals on that thread. Snapshots come at most about four
// times a second (EncoderWatchWorker::kSnapshotGapMs) and the last ones are kept for snapshots().
class EncoderWatch : public QObject {
    Q_OBJECT
public:
    // `clock` must be safe to read from the worker thread (the system clock is).
    explicit EncoderWatch(QObject* parent = nullptr, const Clock& clock = Clock::system());
    ~EncoderWatch() override; // stops

    // Starts watching (a running watch is stopped first). `historyPath` empty: no history (no series, no
    // uptime); a history that cannot be opened is reported with historyProblem() and the watch runs without.
    // `olderHistoryPaths`: files an earlier version kept this history in, merged into it and removed (see
    // EncoderHistory::absorb()); one that cannot be merged is reported with historyProblem() and kept.
    void start(const QList<EncoderTarget>& targets, const QList<QUrl>& sampleStreams,
               const EncoderMonitor::Options& options, const QString& historyPath,
               const QStringList& olderHistoryPaths = {});
    // Ends the thread: probes in flight are dropped. Waits only for the worker's current step (a history
    // write or, at worst, a compaction under way).
    void stop();
    bool isRunning() const { return m_worker != nullptr; }

    // Probed at once after it is added.
    void addTarget(const EncoderTarget& target);
    void removeTarget(const QString& id);
    // Replaces the target with the same id (EncoderMonitor::updateTarget); probed at once if its URL changed.
    void updateTarget(const EncoderTarget& target);
    // Empty id: every encoder.
    void probeNow(const QString& id = {});
    void setSampleStreams(const QList<QUrl>& streams);
    // Answered by seriesReady().
    void requestSeries(const QString& id, HistoryWindow window);
    // Everything the history holds over [from, to] for every encoder it knows (watched now or before), at
    // most `maxPoints` buckets each; answered by historyReady() with the same `tag`, empty without a history.
    void requestHistory(const QDateTime& from, const QDateTime& to, int maxPoints, int tag);
    // Folds old history into rollups now (the monitor also does it every 10 minutes); compactionFinished().
    void compactNow();

    // The latest snapshots received (empty before the first).
    const QList<EncoderSnapshot>& snapshots() const { return m_snapshots; }
    std::optional<EncoderSnapshot> snapshot(const QString& id) const;

Q_SIGNALS:
    void snapshotsChanged(const QList<avld::EncoderSnapshot>& snapshots);
    void stateChanged(const avld::EncoderStateChange& change);
    void alert(const avld::EncoderStateChange& change, const avld::EncoderTarget& target);
    void workstationOfflineChanged(bool offline, const QString& reason);
    void seriesReady(const avld::EncoderSeries& series);
    void historyReady(const QList<avld::EncoderHistorySpan>& spans, int tag);
    void historyProblem(const QString& message);
    void compactionFinished(bool ok, const QString& message);

private:
    template <typename F> void onWorker(F&& call);

    const Clock& m_clock;
    QThread m_thread;
    EncoderWatchWorker* m_worker = nullptr; // deleted on its thread by stop()
    QList<EncoderSnapshot> m_snapshots;
    int m_generation = 0; // which start() a queued snapshot belongs to
};

} // namespace avld
