#include "generator/generatormetrics.h"
#include "generator/standinmetricsreader.h"

#include <QTest>

using namespace avld;

// A remote stand-in's /metrics read back into the numbers the window shows: the same as the stand-in's own
// counters (round trip through GeneratorMetrics' exposition), and nothing but a clear error from an answer
// that is not a stand-in's.
class TestStandInMetricsReader : public QObject {
    Q_OBJECT
private:
    static GeneratorMetrics busyMetrics() {
        GeneratorMetrics metrics;
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 3);
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("image"), 40);
        metrics.countRequest(QStringLiteral("webp"), QStringLiteral("empty"), 1600);
        metrics.countRequest(QStringLiteral("none"), QStringLiteral("forbidden"), 0);
        metrics.countRequest(QStringLiteral("none"), QStringLiteral("probe"), 0);
        metrics.countRequest(QStringLiteral("jpg"), QStringLiteral("overloaded"), 0);
        metrics.countCacheHit();
        metrics.countCacheMiss();
        metrics.countCacheMiss();
        metrics.countGrab(true);
        metrics.countGrab(false, QStringLiteral("timeout"));
        metrics.countGrab(false, QStringLiteral("http-404"));
        return metrics;
    }

private Q_SLOTS:
    void readsBackWhatTheStandInCounts() {
        const GeneratorMetrics metrics = busyMetrics();
        GeneratorMetrics::Gauges gauges;
        gauges.streamsTracked = 6;
        gauges.cacheBytes = 1'280'000;
        gauges.pendingRequests = 2;
        gauges.grabsRunning = 1;
        gauges.grabsQueued = 3;
        gauges.slowStreams = 1;
        gauges.uptimeSeconds = 7260;

        StandInStats stats;
        stats.presence.instance = QStringLiteral("1a2b3c4d"); // from /healthz: kept
        LatencyHistogram latency;
        const Status read = StandInMetricsReader::read(metrics.exposition(gauges), stats, latency);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));

        const StandInStats own = metrics.stats();
        QCOMPARE(stats.requests, own.requests);
        QCOMPARE(stats.images, own.images);
        QCOMPARE(stats.empty, own.empty);
        QCOMPARE(stats.refused, own.refused);
        QCOMPARE(stats.overloaded, own.overloaded);
        QCOMPARE(stats.cacheHits, own.cacheHits);
        QCOMPARE(stats.cacheMisses, own.cacheMisses);
        QCOMPARE(stats.grabs, own.grabs);
        QCOMPARE(stats.grabFailures, own.grabFailures);
        QCOMPARE(stats.grabFailuresByReason, own.grabFailuresByReason);
        QCOMPARE(stats.streamsTracked, 6);
        QCOMPARE(stats.cacheBytes, 1'280'000);
        QCOMPARE(stats.pendingRequests, 2);
        QCOMPARE(stats.grabsRunning, 1);
        QCOMPARE(stats.grabsQueued, 3);
        QCOMPARE(stats.slowStreams, 1);
        QCOMPARE(stats.uptimeMs, 7'260'000);
        QCOMPARE(stats.presence.instance, QStringLiteral("1a2b3c4d"));

        const LatencyHistogram own_latency = metrics.latency();
        QCOMPARE(latency.bounds, own_latency.bounds);
        QCOMPARE(latency.cumulative, own_latency.cumulative);
        QCOMPARE(latency.quantileMs(0.5), own_latency.quantileMs(0.5));
    }

    // Lines it does not know, comments, timestamps, escaped labels and broken lines among good ones: the good
    // ones are read, the rest skipped.
    void skipsWhatItDoesNotKnow() {
        const QByteArray body =
            "# HELP something else\n"
            "go_goroutines 12\n"
            "avld_generator_requests_total{format=\"jpg\",outcome=\"image\"} 5 1700000000\n"
            "avld_generator_requests_total{format=\"jpg\" outcome=\"image\"} 99\n"
            "avld_generator_requests_total{format=\"jpg\",outcome=\"image\" 7\n"
            "avld_generator_grab_failures_total{reason=\"a\\\"b\\\\c\"} 2\n"
            "avld_generator_grabs_total NaN\n"
            "avld_generator_grabs_total -4\n"
            "avld_generator_cache_hits_total 1e400\n"
            "avld_generator_uptime_seconds 10\n";
        StandInStats stats;
        LatencyHistogram latency;
        QVERIFY(StandInMetricsReader::read(body, stats, latency).ok());
        QCOMPARE(stats.requests, 5);
        QCOMPARE(stats.images, 5);
        QCOMPARE(stats.grabFailures, 2);
        QCOMPARE(stats.grabFailuresByReason.size(), 1);
        QCOMPARE(stats.grabs, 0);     // NaN skipped, a negative count is none
        QCOMPARE(stats.cacheHits, 0); // out of range: skipped
        QCOMPARE(stats.uptimeMs, 10'000);
    }

    void refusesWhatIsNotAStandIn_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not-standin-metrics");
        QTest::newRow("a login page") << QByteArray("<!DOCTYPE html><html><body>Login</body></html>")
                                      << QStringLiteral("not-standin-metrics");
        QTest::newRow("another exporter")
            << QByteArray("# TYPE up gauge\nup 1\nnode_load1 0.5\n") << QStringLiteral("not-standin-metrics");
        QTest::newRow("JSON") << QByteArray("{\"status\":\"ok\"}") << QStringLiteral("not-standin-metrics");
        QTest::newRow("too large") << QByteArray(StandInMetricsReader::MaxBodyBytes + 1, 'a')
                                   << QStringLiteral("metrics-too-large");
    }

    void refusesWhatIsNotAStandIn() {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        StandInStats stats;
        stats.requests = 42; // an earlier sample: left as it was
        LatencyHistogram latency;
        const Status read = StandInMetricsReader::read(body, stats, latency);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, code);
        QVERIFY(!read.error().hint.isEmpty());
        QCOMPARE(stats.requests, 42);
    }
};

QTEST_APPLESS_MAIN(TestStandInMetricsReader)
#include "tst_standinmetricsreader.moc"
