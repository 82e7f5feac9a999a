#include "historyschema.h"

#include "historysql.h"
#include "logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace avld::history {

namespace {

// probes: one row per probe round, kept 48 h (CompactionPolicy). health: see historysql.h. -1 = not measured.
// rollups: probes folded per encoder into 5-minute and 1-hour buckets (resolution_ms); latency_* count only
// probes whose request completed, functional_* only those that ran getImage.
const char* const kCreateStatements[] = {
    R"(CREATE TABLE probes (
        id INTEGER PRIMARY KEY,
        encoder_id TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        health INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        error_code TEXT NOT NULL DEFAULT '',
        http_status INTEGER NOT NULL DEFAULT 0,
        dns_ms INTEGER NOT NULL DEFAULT -1,
        connect_ms INTEGER NOT NULL DEFAULT -1,
        tls_ms INTEGER NOT NULL DEFAULT -1,
        first_byte_ms INTEGER NOT NULL DEFAULT -1,
        total_ms INTEGER NOT NULL DEFAULT -1,
        functional_ms INTEGER NOT NULL DEFAULT -1,
        frame_class TEXT NOT NULL DEFAULT '',
        image_bytes INTEGER NOT NULL DEFAULT -1))",
    // Covers uptime, series and compaction, which then never read the rows themselves: an encoder's rows are
    // spread over the whole file, interleaved with every other encoder's.
    "CREATE INDEX probes_by_encoder_time ON probes (encoder_id, at_ms, health, total_ms, functional_ms)",
    R"(CREATE TABLE rollups (
        encoder_id TEXT NOT NULL,
        resolution_ms INTEGER NOT NULL,
        start_ms INTEGER NOT NULL,
        probes INTEGER NOT NULL,
        healthy INTEGER NOT NULL,
        degraded INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        latency_count INTEGER NOT NULL,
        latency_sum_ms INTEGER NOT NULL,
        latency_max_ms INTEGER NOT NULL,
        functional_count INTEGER NOT NULL,
        functional_sum_ms INTEGER NOT NULL,
        PRIMARY KEY (encoder_id, resolution_ms, start_ms)) WITHOUT ROWID)",
    R"(CREATE TABLE state_changes (
        id INTEGER PRIMARY KEY,
        encoder_id TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX state_changes_by_encoder_time ON state_changes (encoder_id, at_ms)",
};

Error kindOf(const QSqlError& error, const QString& what) {
    QString kind = QStringLiteral("sql");
    switch (sqliteCode(error)) {
    case 26: // SQLITE_NOTADB
        kind = QStringLiteral("not-a-database");
        break;
    case 8:  // SQLITE_READONLY
    case 14: // SQLITE_CANTOPEN
        kind = QStringLiteral("read-only");
        break;
    default:
        break;
    }
    return sqlError(kind, what, error);
}

Result<QString> pragma(const QSqlDatabase& db, const QString& statement) {
    QSqlQuery query(db);
    if (!query.exec(statement))
        return kindOf(query.lastError(), {});
    return query.next() ? query.value(0).toString() : QString();
}

Status createSchema(const QSqlDatabase& db) {
    QStringList statements{QStringLiteral("BEGIN IMMEDIATE")};
    for (const char* statement : kCreateStatements)
        statements << QString::fromLatin1(statement);
    statements << QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion) << QStringLiteral("COMMIT");

    QSqlQuery query(db);
    for (const QString& statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            const Error failed = kindOf(query.lastError(), QStringLiteral("creating the tables"));
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return failed;
        }
    }
    return {};
}

} // namespace

Status prepareHistoryDatabase(const QSqlDatabase& db) {
    // The first statement reads the file: a file that is not a database fails here.
    const Result<QString> journal = pragma(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    if (journal.value().compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcEncoders) << "history: SQLite kept journal mode" << journal.value() << "instead of WAL";
    if (const Result<QString> sync = pragma(db, QStringLiteral("PRAGMA synchronous = NORMAL")); !sync)
        return sync.error();
    // 16 MiB instead of 2: an encoder's index stretch for the uptime windows then stays in memory.
    if (const Result<QString> cache = pragma(db, QStringLiteral("PRAGMA cache_size = -16384")); !cache)
        return cache.error();

    const Result<QString> version = pragma(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const int found = version.value().toInt();
    if (found > kSchemaVersion) {
        return Error{.code = QStringLiteral("newer-schema"),
                     .message =
                         QStringLiteral("it was written by a newer version of this tool (schema %1, this "
                                        "one reads up to %2)")
                             .arg(found)
                             .arg(kSchemaVersion),
                     .hint = {}};
    }
    if (found == kSchemaVersion)
        return {};
    return createSchema(db);
}

} // namespace avld::history
