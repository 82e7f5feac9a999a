#include "historycompaction.h"

#include "historyreads.h"
#include "historysql.h"
#include "logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace avld::history {

namespace {

const QString kWhat = QStringLiteral("compacting the history");

qint64 floorTo(qint64 ms, qint64 step) {
    return ms >= 0 ? ms / step * step : -((-ms + step - 1) / step) * step;
}

// Folds the raw rows matching `where` into 5-minute rollups. Grouped by bucket only: `where` names one
// encoder.
QString foldRawSql(const QString& where) {
    return QStringLiteral("INSERT INTO rollups (%1) SELECT encoder_id, %2, at_ms / %2 * %2, count(*),"
                          " sum(health = %3), sum(health = %4), sum(health = %5),"
                          " sum(total_ms >= 0), coalesce(sum(CASE WHEN total_ms >= 0 THEN total_ms END), 0),"
                          " coalesce(max(CASE WHEN total_ms >= 0 THEN total_ms END), -1),"
                          " sum(functional_ms >= 0), coalesce(sum(CASE WHEN functional_ms >= 0 THEN "
                          "functional_ms END), 0)"
                          " FROM probes WHERE %6 GROUP BY at_ms / %2%7")
        .arg(QLatin1StringView(kRollupColumns))
        .arg(kFiveMinutesMs)
        .arg(kHealthyCode)
        .arg(kDegradedCode)
        .arg(kFailedCode)
        .arg(where, QLatin1StringView(kMergeTotals));
}

const QString kOldestBeyondCap =
    QStringLiteral("id IN (SELECT id FROM probes WHERE encoder_id = ? ORDER BY at_ms, id LIMIT ?)");

// One encoder at a time, so that every statement walks that encoder's stretch of an index instead of the
// whole table. The statements are prepared once and bound per encoder.
class Compactor {
public:
    Compactor(const QSqlDatabase& db, qint64 nowMs, const CompactionPolicy& policy)
        : m_rawBefore(floorTo(nowMs - policy.rawKeepMs, kFiveMinutesMs))
        , m_fiveMinuteBefore(floorTo(nowMs - policy.fiveMinuteKeepMs, kHourMs))
        , m_keepFrom(nowMs - policy.keepMs)
        , m_cap(policy.maxRawRowsPerEncoder)
        , m_foldAged(db)
        , m_deleteAged(db)
        , m_count(db)
        , m_foldOldest(db)
        , m_deleteOldest(db)
        , m_foldFiveMinute(db)
        , m_deleteFiveMinute(db)
        , m_expireProbes(db)
        , m_expireRollups(db) {}

    Status prepare() {
        const std::pair<QSqlQuery*, QString> statements[] = {
            {&m_foldAged, foldRawSql(QStringLiteral("encoder_id = ? AND at_ms < ?"))},
            {&m_deleteAged, QStringLiteral("DELETE FROM probes WHERE encoder_id = ? AND at_ms < ?")},
            {&m_count, QStringLiteral("SELECT count(*) FROM probes WHERE encoder_id = ?")},
            {&m_foldOldest, foldRawSql(kOldestBeyondCap)},
            {&m_deleteOldest, QStringLiteral("DELETE FROM probes WHERE ") + kOldestBeyondCap},
            {&m_foldFiveMinute,
             QStringLiteral(
                 "INSERT INTO rollups (%1) SELECT encoder_id, %2, start_ms / %2 * %2, sum(probes),"
                 " sum(healthy), sum(degraded), sum(failed), sum(latency_count), sum(latency_sum_ms),"
                 " max(latency_max_ms), sum(functional_count), sum(functional_sum_ms) FROM rollups"
                 " WHERE encoder_id = ? AND resolution_ms = %3 AND start_ms < ?"
                 " GROUP BY start_ms / %2%4")
                 .arg(QLatin1StringView(kRollupColumns))
                 .arg(kHourMs)
                 .arg(kFiveMinutesMs)
                 .arg(QLatin1StringView(kMergeTotals))},
            {&m_deleteFiveMinute,
             QStringLiteral(
                 "DELETE FROM rollups WHERE encoder_id = ? AND resolution_ms = %1 AND start_ms < ?")
                 .arg(kFiveMinutesMs)},
            {&m_expireProbes, QStringLiteral("DELETE FROM probes WHERE encoder_id = ? AND at_ms < ?")},
            {&m_expireRollups, QStringLiteral("DELETE FROM rollups WHERE encoder_id = ? AND start_ms < ?")},
        };
        for (const auto& [query, sql] : statements) {
            if (!query->prepare(sql))
                return sqlError(QStringLiteral("history-compact"), kWhat, query->lastError());
        }
        return {};
    }

    Status compact(const QString& encoderId, CompactionCounts& counts) {
        const Result<qint64> aged = foldThenDelete(m_foldAged, m_deleteAged, {encoderId, m_rawBefore});
        if (!aged)
            return aged.error();
        counts.rawFolded += aged.value();

        if (m_cap > 0) {
            if (const Status failed = run(m_count, {encoderId}); !failed.ok())
                return failed;
            const qint64 excess = m_count.next() ? m_count.value(0).toLongLong() - m_cap : 0;
            m_count.finish();
            if (excess > 0) {
                const Result<qint64> oldest =
                    foldThenDelete(m_foldOldest, m_deleteOldest, {encoderId, excess});
                if (!oldest)
                    return oldest.error();
                counts.rawFolded += oldest.value();
            }
        }

        const Result<qint64> hourly =
            foldThenDelete(m_foldFiveMinute, m_deleteFiveMinute, {encoderId, m_fiveMinuteBefore});
        if (!hourly)
            return hourly.error();
        counts.fiveMinuteFolded += hourly.value();

        for (QSqlQuery* expire : {&m_expireProbes, &m_expireRollups}) {
            if (const Status failed = run(*expire, {encoderId, m_keepFrom}); !failed.ok())
                return failed;
            counts.expired += expire->numRowsAffected();
        }
        return {};
    }

    qint64 keepFrom() const { return m_keepFrom; }

private:
    static Status run(QSqlQuery& query, const QVariantList& values) {
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec())
            return sqlError(QStringLiteral("history-compact"), kWhat, query.lastError());
        return {};
    }

    // Both statements select the same rows: nothing else writes in between (one transaction).
    static Result<qint64> foldThenDelete(QSqlQuery& fold, QSqlQuery& remove, const QVariantList& values) {
        if (const Status failed = run(fold, values); !failed.ok())
            return failed.error();
        if (const Status failed = run(remove, values); !failed.ok())
            return failed.error();
        return qint64(remove.numRowsAffected());
    }

    qint64 m_rawBefore;
    qint64 m_fiveMinuteBefore;
    qint64 m_keepFrom;
    int m_cap;
    QSqlQuery m_foldAged;
    QSqlQuery m_deleteAged;
    QSqlQuery m_count;
    QSqlQuery m_foldOldest;
    QSqlQuery m_deleteOldest;
    QSqlQuery m_foldFiveMinute;
    QSqlQuery m_deleteFiveMinute;
    QSqlQuery m_expireProbes;
    QSqlQuery m_expireRollups;
};

} // namespace

Result<CompactionCounts> compactHistory(const QSqlDatabase& db, qint64 nowMs,
                                        const CompactionPolicy& policy) {
    Transaction transaction(db);
    if (const Status failed = transaction.begin(); !failed.ok())
        return failed.error();
    const Result<QStringList> encoderIds = queryEncoderIds(db);
    if (!encoderIds)
        return encoderIds.error();

    CompactionCounts counts;
    {
        Compactor compactor(db, nowMs, policy);
        if (const Status failed = compactor.prepare(); !failed.ok())
            return failed.error();
        for (const QString& encoderId : encoderIds.value()) {
            if (const Status failed = compactor.compact(encoderId, counts); !failed.ok())
                return failed.error();
        }
        QSqlQuery expire(db);
        if (!expire.prepare(QStringLiteral("DELETE FROM state_changes WHERE at_ms < ?")))
            return sqlError(QStringLiteral("history-compact"), kWhat, expire.lastError());
        expire.bindValue(0, compactor.keepFrom());
        if (!expire.exec())
            return sqlError(QStringLiteral("history-compact"), kWhat, expire.lastError());
        counts.expired += expire.numRowsAffected();
    } // the statements are finished before COMMIT

    if (const Status failed = transaction.commit(); !failed.ok())
        return failed.error();
    qCDebug(lcEncoders) << "history compacted:" << counts.rawFolded << "raw rows and"
                        << counts.fiveMinuteFolded << "5-minute rollups folded," << counts.expired
                        << "expired rows deleted";
    return counts;
}

} // namespace avld::history
