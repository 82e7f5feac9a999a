#include "generator/generatormetrics.h"

#include <QTest>

#include <cmath>

using namespace avld;

// The stand-in's counters: what /metrics prints and what the GUI samples as values must be the same numbers,
// and the latency quantiles the Generator page shows must follow Prometheus' histogram_quantile.
class TestGeneratorMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statsCountEachOutcome() {
        GeneratorMetrics metrics;
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 3);
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 7);
        metrics.countRequest(QStringLiteral("webp"), QStringLiteral("empty"), 1600);
        metrics.countRequest(QStringLiteral("none"), QStringLiteral("forbidden"), 0);
        metrics.countRequest(QStringLiteral("none"), QStringLiteral("probe"), 0);
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("overloaded"), 0);
        metrics.countCacheHit();
        metrics.countCacheMiss();
        metrics.countCacheMiss();
        metrics.countGrab(true);
        metrics.countGrab(false, QStringLiteral("timeout"));
        metrics.countGrab(false, QStringLiteral("Timeout"));
        const StandInStats stats = metrics.stats();
        QCOMPARE(stats.requests, 6);
        QCOMPARE(stats.images, 2);
        QCOMPARE(stats.empty, 1);
        QCOMPARE(stats.refused, 1);
        QCOMPARE(stats.overloaded, 1);
        QCOMPARE(stats.cacheHits, 1);
        QCOMPARE(stats.cacheMisses, 2);
        QCOMPARE(stats.grabs, 3);
        QCOMPARE(stats.grabFailures, 2);
        QCOMPARE(stats.grabFailuresByReason.value(QStringLiteral("timeout")), 2);

        const QByteArray text = metrics.exposition({});
        QVERIFY(text.contains("avld_generator_grab_failures_total{reason=\"timeout\"} 2\n"));
        QVERIFY(text.contains("avld_generator_cache_misses_total 2\n"));
        QVERIFY(text.contains("avld_generator_request_duration_seconds_count 6\n"));
    }

    void latencyIsCumulativeLikeTheExposition() {
        GeneratorMetrics metrics;
        for (qint64 ms : {1, 2, 8, 20, 20, 400, 3000})
            metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), ms);
        const LatencyHistogram latency = metrics.latency();
        QCOMPARE(latency.bounds.size(), latency.cumulative.size());
        QVERIFY(std::isinf(latency.bounds.last()));
        QCOMPARE(latency.count(), 7);
        const QByteArray text = metrics.exposition({});
        for (qsizetype i = 0; i + 1 < latency.bounds.size(); ++i) {
            const QByteArray line = "avld_generator_request_duration_seconds_bucket{le=\"" +
                                    QByteArray::number(latency.bounds.at(i)) + "\"} " +
                                    QByteArray::number(latency.cumulative.at(i)) + '\n';
            QVERIFY2(text.contains(line), line.constData());
        }
    }

    void quantiles_data() {
        QTest::addColumn<QList<qint64>>("durationsMs");
        QTest::addColumn<double>("q");
        QTest::addColumn<double>("expectedMs");
        // Bounds 5, 10, 25, 50 … ms: interpolated inside the bucket the rank falls in.
        QTest::newRow("none") << QList<qint64>{} << 0.5 << -1.0;
        QTest::newRow("all in the first bucket") << QList<qint64>{1, 2, 3, 4} << 0.5 << 2.5;
        QTest::newRow("second bucket") << QList<qint64>{6, 7, 8, 9} << 0.5 << 7.5;
        QTest::newRow("p99 of a slow tail") << QList<qint64>{1, 1, 1, 400} << 0.99 << 490.0;
        QTest::newRow("beyond the last bound") << QList<qint64>{9000} << 0.5 << 5000.0;
    }

    void quantiles() {
        QFETCH(QList<qint64>, durationsMs);
        QFETCH(double, q);
        QFETCH(double, expectedMs);
        GeneratorMetrics metrics;
        for (qint64 ms : durationsMs)
            metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), ms);
        QVERIFY2(qAbs(metrics.latency().quantileMs(q) - expectedMs) < 0.01,
                 qPrintable(QString::number(metrics.latency().quantileMs(q))));
    }

    void sinceGivesTheRequestsOfTheLastSample() {
        GeneratorMetrics metrics;
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 400);
        const LatencyHistogram before = metrics.latency();
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 2);
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 3);
        const LatencyHistogram recent = metrics.latency().since(before);
        QCOMPARE(recent.count(), 2);
        QVERIFY(recent.quantileMs(0.99) <= 5.0);
    }
};

QTEST_GUILESS_MAIN(TestGeneratorMetrics)
#include "tst_generatormetrics.moc"
