#pragma once

#include "historytypes.h"
#include "proberecord.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// The history's plain reads. Ranges include both ends and results are oldest first. A read that fails logs a
// warning and returns nothing: callers show an empty chart rather than an error.
namespace avld::history {

QList<ProbeRecord> readProbes(const QSqlDatabase& db, const QString& encoderId, qint64 firstMs,
                              qint64 lastMs);
std::optional<ProbeRecord> readLatestProbe(const QSqlDatabase& db, const QString& encoderId);
QList<StateChangeRow> readStateChanges(const QSqlDatabase& db, const QString& encoderId, qint64 firstMs,
                                       qint64 lastMs);
QStringList readEncoderIds(const QSqlDatabase& db);
// The same, with the error for callers that must not go on without it.
Result<QStringList> queryEncoderIds(const QSqlDatabase& db);
HistoryRowCounts readRowCounts(const QSqlDatabase& db);
// The lines of PRAGMA integrity_check: just "ok" for a sound file; empty when the check could not run.
QStringList readIntegrityFindings(const QSqlDatabase& db);

} // namespace avld::history
