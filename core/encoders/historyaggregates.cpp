#include "historyaggregates.h"

#include "historysql.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <functional>

namespace avld::history {

namespace {

// Both SELECTs below produce these nine columns after their first one, so one reader adds either.
struct Totals {
    qint64 probes = 0;
    qint64 healthy = 0;
    qint64 degraded = 0;
    qint64 failed = 0;
    qint64 latencyCount = 0;
    qint64 latencySum = 0;
    qint64 latencyMax = -1;
    qint64 functionalCount = 0;
    qint64 functionalSum = 0;

    Totals& operator+=(const Totals& other) {
        probes += other.probes;
        healthy += other.healthy;
        degraded += other.degraded;
        failed += other.failed;
        latencyCount += other.latencyCount;
        latencySum += other.latencySum;
        latencyMax = std::max(latencyMax, other.latencyMax);
        functionalCount += other.functionalCount;
        functionalSum += other.functionalSum;
        return *this;
    }

    void add(const QSqlQuery& query, int first) {
        probes += query.value(first).toLongLong();
        healthy += query.value(first + 1).toLongLong();
        degraded += query.value(first + 2).toLongLong();
        failed += query.value(first + 3).toLongLong();
        latencyCount += query.value(first + 4).toLongLong();
        latencySum += query.value(first + 5).toLongLong();
        const QVariant max = query.value(first + 6);
        if (!max.isNull())
            latencyMax = std::max(latencyMax, max.toLongLong());
        functionalCount += query.value(first + 7).toLongLong();
        functionalSum += query.value(first + 8).toLongLong();
    }
};

qint64 mean(qint64 sum, qint64 count) {
    return count > 0 ? (sum + count / 2) / count : -1;
}

// `bucket` is an SQL expression grouping the rows; the totals follow it.
QString rawTotalsSql(const QString& bucket) {
    return QStringLiteral(
               "SELECT %1, count(*), total(health = %2), total(health = %3), total(health = %4),"
               " total(total_ms >= 0), total(CASE WHEN total_ms >= 0 THEN total_ms END),"
               " max(CASE WHEN total_ms >= 0 THEN total_ms END),"
               " total(functional_ms >= 0), total(CASE WHEN functional_ms >= 0 THEN functional_ms END)"
               " FROM probes WHERE encoder_id = ? AND at_ms BETWEEN ? AND ? GROUP BY 1")
        .arg(bucket)
        .arg(kHealthyCode)
        .arg(kDegradedCode)
        .arg(kFailedCode);
}

QString rollupTotalsSql(const QString& bucket) {
    return QStringLiteral("SELECT %1, total(probes), total(healthy), total(degraded), total(failed),"
                          " total(latency_count), total(latency_sum_ms), max(nullif(latency_max_ms, -1)),"
                          " total(functional_count), total(functional_sum_ms)"
                          " FROM rollups WHERE encoder_id = ? AND start_ms BETWEEN ? AND ? GROUP BY 1")
        .arg(bucket);
}

// Runs both SELECTs and hands every row (bucket key, then totals) to `take`.
template <typename Take>
Status forEachTotalsRow(const QSqlDatabase& db, const QString& bucketRaw, const QString& bucketRollup,
                        const QString& encoderId, qint64 beginMs, qint64 endMs, Take take) {
    for (const QString& sql : {rawTotalsSql(bucketRaw), rollupTotalsSql(bucketRollup)}) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqlError(QStringLiteral("history-read"), QStringLiteral("reading the history"),
                            query.lastError());
        query.bindValue(0, encoderId);
        query.bindValue(1, beginMs);
        query.bindValue(2, endMs);
        if (const Status failed = run(query, QStringLiteral("reading the history")); !failed.ok())
            return failed;
        while (query.next())
            take(query);
    }
    return {};
}

} // namespace

Result<UptimeStats> queryUptime(const QSqlDatabase& db, const QString& encoderId, qint64 beginMs,
                                qint64 endMs) {
    const Result<QList<UptimeStats>> stats = queryUptimes(db, encoderId, {beginMs}, endMs);
    if (!stats)
        return stats.error();
    return stats.value().first();
}

Result<QList<UptimeStats>> queryUptimes(const QSqlDatabase& db, const QString& encoderId,
                                        const QList<qint64>& beginsMs, qint64 endMs) {
    if (beginsMs.isEmpty())
        return QList<UptimeStats>{};
    // Disjoint bands, newest first: band i holds what lies in window i but in no shorter one.
    QList<qint64> starts = beginsMs;
    std::sort(starts.begin(), starts.end(), std::greater<>());
    const auto band = [&](const char* column) {
        QString sql = QStringLiteral("CASE");
        for (qsizetype i = 0; i < starts.size(); ++i)
            sql +=
                QStringLiteral(" WHEN %1 >= %2 THEN %3").arg(QLatin1StringView(column)).arg(starts[i]).arg(i);
        return sql + QStringLiteral(" END");
    };
    QList<Totals> bands(starts.size());
    if (const Status failed =
            forEachTotalsRow(db, band("at_ms"), band("start_ms"), encoderId, starts.last(), endMs,
                             [&](const QSqlQuery& query) { bands[query.value(0).toInt()].add(query, 1); });
        !failed.ok())
        return failed.error();

    QList<UptimeStats> result;
    for (qint64 begin : beginsMs) {
        Totals totals;
        for (qsizetype i = 0; i <= starts.indexOf(begin); ++i)
            totals += bands[i];
        result << UptimeStats{.probes = int(totals.probes),
                              .healthy = int(totals.healthy),
                              .degraded = int(totals.degraded),
                              .failed = int(totals.failed),
                              .uptimePercent = totals.probes > 0
                                                   ? 100.0 * double(totals.healthy) / double(totals.probes)
                                                   : -1.0,
                              .meanTotalMs = mean(totals.latencySum, totals.latencyCount),
                              .maxTotalMs = totals.latencyMax};
    }
    return result;
}

qint64 seriesBucketWidthMs(qint64 beginMs, qint64 endMs, int maxPoints) {
    constexpr qint64 second = 1000;
    constexpr qint64 day = 24 * kHourMs;
    constexpr std::array<qint64, 18> ladder{
        second,      2 * second,  5 * second,     10 * second, 15 * second,  30 * second,
        60 * second, 2 * 60000,   kFiveMinutesMs, 10 * 60000,  15 * 60000,   30 * 60000,
        kHourMs,     2 * kHourMs, 3 * kHourMs,    6 * kHourMs, 12 * kHourMs, day,
    };
    const qint64 points = std::max(1, maxPoints);
    const auto fits = [&](qint64 width) { return endMs / width - beginMs / width + 1 <= points; };
    for (qint64 width : ladder) {
        if (fits(width))
            return width;
    }
    qint64 width = 2 * day;
    while (!fits(width))
        width *= 2;
    return width;
}

Result<QList<HistoryPoint>> querySeries(const QSqlDatabase& db, const QString& encoderId, qint64 beginMs,
                                        qint64 endMs, int maxPoints) {
    if (maxPoints <= 0 || endMs < beginMs)
        return QList<HistoryPoint>{};
    const qint64 width = seriesBucketWidthMs(beginMs, endMs, maxPoints);
    QMap<qint64, Totals> buckets;
    if (Status failed = forEachTotalsRow(
            db, QStringLiteral("at_ms / %1").arg(width), QStringLiteral("start_ms / %1").arg(width),
            encoderId, beginMs, endMs,
            [&](const QSqlQuery& query) { buckets[query.value(0).toLongLong()].add(query, 1); });
        !failed.ok())
        return failed.error();

    QList<HistoryPoint> points;
    points.reserve(buckets.size());
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const Totals& t = it.value();
        if (t.probes == 0)
            continue;
        points << HistoryPoint{.start = fromMs(it.key() * width),
                               .widthMs = width,
                               .probes = int(t.probes),
                               .healthy = int(t.healthy),
                               .degraded = int(t.degraded),
                               .failed = int(t.failed),
                               .healthyShare = double(t.healthy) / double(t.probes),
                               .meanTotalMs = mean(t.latencySum, t.latencyCount),
                               .maxTotalMs = t.latencyMax,
                               .meanFunctionalMs = mean(t.functionalSum, t.functionalCount)};
    }
    return points;
}

} // namespace avld::history
