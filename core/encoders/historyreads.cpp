#include "historyreads.h"

#include "historysql.h"
#include "logging.h"
#include "proberow.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace avld::history {

namespace {

// Runs a read; nullopt (and a warning) when it fails.
std::optional<QSqlQuery> select(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {}) {
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const bool prepared = query.prepare(sql);
    for (int i = 0; prepared && i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!prepared || !query.exec()) {
        qCWarning(lcEncoders).noquote() << "history: reading failed:" << query.lastError().text();
        return std::nullopt;
    }
    return query;
}

} // namespace

QList<ProbeRecord> readProbes(const QSqlDatabase& db, const QString& encoderId, qint64 firstMs,
                              qint64 lastMs) {
    QList<ProbeRecord> result;
    std::optional<QSqlQuery> query =
        select(db,
               QStringLiteral(
                   "SELECT %1 FROM probes WHERE encoder_id = ? AND at_ms BETWEEN ? AND ? ORDER BY at_ms, id")
                   .arg(probeColumns()),
               {encoderId, firstMs, lastMs});
    while (query && query->next())
        result << readProbe(*query);
    return result;
}

std::optional<ProbeRecord> readLatestProbe(const QSqlDatabase& db, const QString& encoderId) {
    std::optional<QSqlQuery> query = select(
        db,
        QStringLiteral("SELECT %1 FROM probes WHERE encoder_id = ? ORDER BY at_ms DESC, id DESC LIMIT 1")
            .arg(probeColumns()),
        {encoderId});
    if (query && query->next())
        return readProbe(*query);
    return std::nullopt;
}

QList<StateChangeRow> readStateChanges(const QSqlDatabase& db, const QString& encoderId, qint64 firstMs,
                                       qint64 lastMs) {
    QList<StateChangeRow> result;
    std::optional<QSqlQuery> query =
        select(db,
               QStringLiteral("SELECT encoder_id, at_ms, from_state, to_state, reason FROM state_changes"
                              " WHERE encoder_id = ? AND at_ms BETWEEN ? AND ? ORDER BY at_ms, id"),
               {encoderId, firstMs, lastMs});
    while (query && query->next()) {
        result << StateChangeRow{.encoderId = query->value(0).toString(),
                                 .at = fromMs(query->value(1).toLongLong()),
                                 .from = query->value(2).toString(),
                                 .to = query->value(3).toString(),
                                 .reason = query->value(4).toString()};
    }
    return result;
}

Result<QStringList> queryEncoderIds(const QSqlDatabase& db) {
    // Hops through each table's index from one id to the next instead of reading every row.
    const auto distinct = [](const char* table) {
        return QStringLiteral("SELECT id FROM (WITH RECURSIVE ids(id) AS (SELECT min(encoder_id) FROM %1"
                              " UNION ALL SELECT (SELECT min(encoder_id) FROM %1 WHERE encoder_id > ids.id)"
                              " FROM ids WHERE ids.id IS NOT NULL) SELECT id FROM ids WHERE id IS NOT NULL)")
            .arg(QLatin1StringView(table));
    };
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("%1 UNION %2 UNION %3 ORDER BY 1")
                        .arg(distinct("probes"), distinct("rollups"), distinct("state_changes"))))
        return sqlError(QStringLiteral("history-read"), QStringLiteral("listing the encoders"),
                        query.lastError());
    QStringList result;
    while (query.next())
        result << query.value(0).toString();
    return result;
}

QStringList readEncoderIds(const QSqlDatabase& db) {
    if (!db.isOpen())
        return {};
    Result<QStringList> ids = queryEncoderIds(db);
    if (!ids) {
        qCWarning(lcEncoders).noquote() << "history:" << ids.error().toString();
        return {};
    }
    return std::move(ids).value();
}

HistoryRowCounts readRowCounts(const QSqlDatabase& db) {
    std::optional<QSqlQuery> query =
        select(db, QStringLiteral("SELECT (SELECT count(*) FROM probes),"
                                  " (SELECT count(*) FROM rollups WHERE resolution_ms = %1),"
                                  " (SELECT count(*) FROM rollups WHERE resolution_ms = %2),"
                                  " (SELECT count(*) FROM state_changes)")
                       .arg(kFiveMinutesMs)
                       .arg(kHourMs));
    if (!query || !query->next())
        return {};
    return HistoryRowCounts{.raw = query->value(0).toLongLong(),
                            .fiveMinute = query->value(1).toLongLong(),
                            .hourly = query->value(2).toLongLong(),
                            .stateChanges = query->value(3).toLongLong()};
}

QStringList readIntegrityFindings(const QSqlDatabase& db) {
    QStringList findings;
    std::optional<QSqlQuery> query = select(db, QStringLiteral("PRAGMA integrity_check"));
    while (query && query->next())
        findings << query->value(0).toString();
    return findings;
}

} // namespace avld::history
