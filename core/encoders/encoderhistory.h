#pragma once

#include "clock.h"
#include "encoderseries.h"
#include "historytypes.h"
#include "proberecord.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSqlQuery;

namespace avld {

// Probe results and state changes of the encoders, in an SQLite file (WAL, so a crash mid-write loses at most
// the uncommitted transaction). Raw rows are kept for recent spans and folded into rollups by compact(),
// which the owner runs now and then; uptime() and series() read both. Each instance has its own connection
// and must be used from the thread that opened it. Times are stored in UTC to the millisecond.
class EncoderHistory {
public:
    EncoderHistory(QString databasePath, const Clock& clock);
    ~EncoderHistory();
    EncoderHistory(const EncoderHistory&) = delete;
    EncoderHistory& operator=(const EncoderHistory&) = delete;

    // Creates the folder, the file and the schema as needed. Fails with "history-open" (naming the path,
    // with a hint) when the file is not a database, the location is not writable, or a newer version of the
    // tool wrote it.
    Status open();
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    const QString& databasePath() const { return m_path; }

    // Takes in the history kept at `otherPath` (an older name for the same history) and removes that file:
    // its probes, rollups and state changes join this one's. Nothing to do when there is no such file.
    // Fails with "history-merge" and leaves both files as they were when the other file cannot be read.
    Status absorb(const QString& otherPath);
    // Removes a closed history file with its WAL and shared-memory files; false when the file is still there.
    static bool removeFiles(const QString& databasePath);

    // Each call is one transaction. Failures are "history-write".
    Status append(const ProbeRecord& record);
    Status append(const QList<ProbeRecord>& records);
    // States as encoderStateName() strings.
    Status appendStateChange(const QString& encoderId, const QString& from, const QString& to,
                             const QString& reason, const QDateTime& at);

    // Reads: ranges include both ends; results are oldest first. On a read failure they log a warning and
    // return nothing.
    QList<ProbeRecord> records(const QString& encoderId, const QDateTime& from, const QDateTime& to) const;
    std::optional<ProbeRecord> latest(const QString& encoderId) const;
    QList<StateChangeRow> stateChanges(const QString& encoderId, const QDateTime& from,
                                       const QDateTime& to) const;
    QStringList encoderIds() const; // every encoder with probes, rollups or state changes, sorted
    // Every encoder's points (at most maxPoints buckets), state changes and uptime over [from, to].
    QList<EncoderHistorySpan> spans(const QDateTime& from, const QDateTime& to, int maxPoints) const;

    // Over [now - windowMs, now], raw rows and rollups alike (a rollup counts where its bucket starts).
    UptimeStats uptime(const QString& encoderId, qint64 windowMs) const;
    UptimeWindows uptimeWindows(const QString& encoderId) const; // 1 h, 24 h, 7 d, 30 d
    // At most maxPoints non-empty buckets over [from, to], of the width history::seriesBucketWidthMs() picks.
    QList<HistoryPoint> series(const QString& encoderId, const QDateTime& from, const QDateTime& to,
                               int maxPoints) const;

    CompactionPolicy compactionPolicy() const { return m_policy; }
    void setCompactionPolicy(const CompactionPolicy& policy) { m_policy = policy; }
    // See history::compactHistory(). Failures are "history-compact"; nothing changes then.
    Status compact();

    // PRAGMA integrity_check; "history-corrupt" with SQLite's findings when it is not "ok".
    Status checkIntegrity() const;
    HistoryRowCounts rowCounts() const;

private:
    Error writeError(const Error& error) const;

    QString m_path;
    const Clock* m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_insertProbe; // prepared once: appends are the hot path
    CompactionPolicy m_policy;
};

} // namespace avld
