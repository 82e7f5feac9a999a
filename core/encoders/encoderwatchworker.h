#pragma once

#include "encodermonitor.h"
#include "encoderseries.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace avld {

class EncoderHistory;
class TimedHttpClient;

// The part of EncoderWatch that lives on its worker thread: owns the HTTP client, the history and the
// monitor, all created in that thread, and reports back with signals only (queued to the GUI thread).
// Snapshots are coalesced: at most one every kSnapshotGapMs, the first of a burst at once.
class EncoderWatchWorker : public QObject {
    Q_OBJECT
public:
    static constexpr int kSnapshotGapMs = 250;

    explicit EncoderWatchWorker(const Clock& clock);
    ~EncoderWatchWorker() override;

    // Everything below runs on the worker thread.
    void start(const QList<EncoderTarget>& targets, const QList<QUrl>& streams,
               const EncoderMonitor::Options& options, const QString& historyPath,
               const QStringList& olderHistoryPaths = {});
    void addTarget(const EncoderTarget& target);
    void removeTarget(const QString& id);
    void updateTarget(const EncoderTarget& target);
    void probeNow(const QString& id);
    void setSampleStreams(const QList<QUrl>& streams);
    void requestSeries(const QString& id, HistoryWindow window);
    void requestHistory(const QDateTime& from, const QDateTime& to, int maxPoints, int tag);
    void compactNow();

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
    void scheduleSnapshots();
    void emitSnapshots();

    const Clock& m_clock;
    std::unique_ptr<TimedHttpClient> m_http;
    std::unique_ptr<EncoderHistory> m_history;
    std::unique_ptr<EncoderMonitor> m_monitor;
    QTimer* m_coalesce; // a child, so that it moves to the worker thread with us
    QElapsedTimer m_sinceLastEmit;
};

} // namespace avld
