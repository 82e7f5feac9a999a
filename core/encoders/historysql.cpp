#include "historysql.h"

#include "logging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace avld::history {

const char* const kRollupColumns = "encoder_id, resolution_ms, start_ms, probes, healthy, degraded, failed,"
                                   " latency_count, latency_sum_ms, latency_max_ms, functional_count,"
                                   " functional_sum_ms";

const char* const kMergeTotals = " ON CONFLICT (encoder_id, resolution_ms, start_ms) DO UPDATE SET"
                                 " probes = probes + excluded.probes,"
                                 " healthy = healthy + excluded.healthy,"
                                 " degraded = degraded + excluded.degraded,"
                                 " failed = failed + excluded.failed,"
                                 " latency_count = latency_count + excluded.latency_count,"
                                 " latency_sum_ms = latency_sum_ms + excluded.latency_sum_ms,"
                                 " latency_max_ms = max(latency_max_ms, excluded.latency_max_ms),"
                                 " functional_count = functional_count + excluded.functional_count,"
                                 " functional_sum_ms = functional_sum_ms + excluded.functional_sum_ms";

int healthCode(ProbeHealth health) {
    switch (health) {
    case ProbeHealth::Healthy:
        return kHealthyCode;
    case ProbeHealth::Degraded:
        return kDegradedCode;
    case ProbeHealth::Failed:
        break;
    }
    return kFailedCode;
}

ProbeHealth healthFromCode(int code) {
    switch (code) {
    case kHealthyCode:
        return ProbeHealth::Healthy;
    case kDegradedCode:
        return ProbeHealth::Degraded;
    default:
        return ProbeHealth::Failed;
    }
}

qint64 toMs(const QDateTime& time) {
    return time.toMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

int sqliteCode(const QSqlError& error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1; // the low byte of an extended code is the primary one
}

namespace {

QString hintFor(int code) {
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QStringLiteral("Another program holds the history locked; close it and try again.");
    case 8: // SQLITE_READONLY
        return QStringLiteral("Make the history file and its folder writable by this user.");
    case 10: // SQLITE_IOERR
        return QStringLiteral("Reading or writing the disk failed; check the disk and its free space.");
    case 11: // SQLITE_CORRUPT
        return QStringLiteral("The file is damaged; move it away and a new history will be started.");
    case 13: // SQLITE_FULL
        return QStringLiteral("The disk is full; free some space.");
    case 14: // SQLITE_CANTOPEN
        return QStringLiteral("Check that the folder exists and is writable by this user, or choose another "
                              "history path.");
    case 26: // SQLITE_NOTADB
        return QStringLiteral("The file is not an SQLite database; move it away or choose another history "
                              "path, and a new history will be created.");
    default:
        return {};
    }
}

} // namespace

Error sqlError(const QString& code, const QString& what, const QSqlError& error) {
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.driverText();
    QString message =
        what.isEmpty() || detail.isEmpty() ? what + detail : what + QStringLiteral(": ") + detail;
    return Error{.code = code, .message = message, .hint = hintFor(sqliteCode(error))};
}

Status run(const QSqlDatabase& db, const QString& sql, const QString& what) {
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("history-sql"), what, query.lastError());
    return run(query, what);
}

Status run(QSqlQuery& query, const QString& what) {
    if (!query.exec())
        return sqlError(QStringLiteral("history-sql"), what, query.lastError());
    return {};
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)) {}

Transaction::~Transaction() {
    if (!m_active)
        return;
    if (const Status failed = run(m_db, QStringLiteral("ROLLBACK"), QStringLiteral("rolling back"));
        !failed.ok())
        qCWarning(lcEncoders).noquote() << failed.error().toString();
}

Status Transaction::begin() {
    if (const Status failed =
            run(m_db, QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("starting a transaction"));
        !failed.ok())
        return failed;
    m_active = true;
    return {};
}

Status Transaction::commit() {
    if (const Status failed = run(m_db, QStringLiteral("COMMIT"), QStringLiteral("committing")); !failed.ok())
        return failed;
    m_active = false;
    return {};
}

} // namespace avld::history
