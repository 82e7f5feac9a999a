#pragma once

#include "proberecord.h"
#include "result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

class QSqlError;
class QSqlQuery;

// Small pieces shared by the history's schema, query and compaction code.
namespace avld::history {

inline constexpr qint64 kFiveMinutesMs = 5 * 60 * 1000;
inline constexpr qint64 kHourMs = 60 * 60 * 1000;

// The stored codes of ProbeHealth (column probes.health). Stored data depends on them: never renumber.
inline constexpr int kHealthyCode = 0;
inline constexpr int kDegradedCode = 1;
inline constexpr int kFailedCode = 2;
int healthCode(ProbeHealth health);
ProbeHealth healthFromCode(int code);

// Times are stored as UTC milliseconds since the epoch.
qint64 toMs(const QDateTime& time);
QDateTime fromMs(qint64 ms);

// SQLite's primary result code (SQLITE_FULL, SQLITE_NOTADB, …) of a failed statement, -1 when unknown.
int sqliteCode(const QSqlError& error);

// An Error for a failed statement: `what` (may be empty) says what was being done, SQLite's text follows; the
// hint comes from SQLite's code.
Error sqlError(const QString& code, const QString& what, const QSqlError& error);

// The rollups' columns in table order, and the clause that adds a row's totals to a bucket that already
// exists (compaction folds into buckets; a merged file brings its own).
extern const char* const kRollupColumns;
extern const char* const kMergeTotals;

// Prepares and runs `sql` without bound values.
Status run(const QSqlDatabase& db, const QString& sql, const QString& what);
// Runs an already prepared (and bound) query.
Status run(QSqlQuery& query, const QString& what);

// BEGIN IMMEDIATE … COMMIT, rolled back when it goes out of scope uncommitted. IMMEDIATE takes the write lock
// at once, so a reader elsewhere cannot make the commit fail half way.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin();
    Status commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace avld::history
