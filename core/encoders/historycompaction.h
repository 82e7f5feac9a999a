#pragma once

#include "historytypes.h"
#include "result.h"

#include <QSqlDatabase>

namespace avld::history {

struct CompactionCounts {
    qint64 rawFolded = 0;        // raw rows folded into 5-minute rollups (by age or by the per-encoder cap)
    qint64 fiveMinuteFolded = 0; // 5-minute rollups folded into 1-hour rollups
    qint64 expired = 0;          // rows of any kind deleted for being older than the policy keeps
};

// Downsamples and trims the history in one transaction (all or nothing): raw rows older than rawKeepMs and
// the oldest beyond maxRawRowsPerEncoder into 5-minute rollups, 5-minute rollups older than fiveMinuteKeepMs
// into 1-hour rollups, and deletes what is older than keepMs. Age limits are rounded down to whole buckets,
// so a bucket is never split between raw rows and a rollup by age; rows folded into a bucket that already has
// a rollup are added to it.
Result<CompactionCounts> compactHistory(const QSqlDatabase& db, qint64 nowMs, const CompactionPolicy& policy);

} // namespace avld::history
