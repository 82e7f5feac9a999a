#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace avld::history {

// Copies every probe, rollup and state change of the history file at `otherPath` into `db`, in one
// transaction: a bucket both files have gets the sum of their totals. `otherPath` must already have this
// schema version (open it with EncoderHistory first). Nothing changes in `db` when it fails.
Status mergeHistoryFile(const QSqlDatabase& db, const QString& otherPath);

} // namespace avld::history
