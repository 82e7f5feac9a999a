#pragma once

#include "historytypes.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>

// Uptime and chart series over raw probe rows and rollups together. A rollup bucket counts where its start
// lies, so spans whose ends fall on bucket boundaries give the same counts before and after compaction.
namespace avld::history {

// Probes with beginMs <= time <= endMs.
Result<UptimeStats> queryUptime(const QSqlDatabase& db, const QString& encoderId, qint64 beginMs,
                                qint64 endMs);
// The same for several windows ending together, in one pass over the longest; in the order of beginsMs.
Result<QList<UptimeStats>> queryUptimes(const QSqlDatabase& db, const QString& encoderId,
                                        const QList<qint64>& beginsMs, qint64 endMs);

// The bucket width series() uses: the smallest "round" width (1 s … 12 h, then whole days) whose
// epoch-aligned buckets over [beginMs, endMs] number at most maxPoints.
qint64 seriesBucketWidthMs(qint64 beginMs, qint64 endMs, int maxPoints);

// Non-empty buckets over [beginMs, endMs], oldest first.
Result<QList<HistoryPoint>> querySeries(const QSqlDatabase& db, const QString& encoderId, qint64 beginMs,
                                        qint64 endMs, int maxPoints);

} // namespace avld::history
