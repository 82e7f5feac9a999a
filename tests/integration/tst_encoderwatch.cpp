#include "encoders/encoderhistory.h"
#include "encoders/encoderwatch.h"
#include "fakeencoder.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace avld;
using namespace avld::test;

// EncoderWatch with real parts: the monitor, its HTTP client and its SQLite history on the watch's thread,
// fake encoders on this one. What the GUI needs: snapshots on its own thread, state changes after the
// hysteresis, removal, chart series, a quick stop, and a GUI thread that is never held up.
class EncoderWatchTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static EncoderTarget target(const FakeEncoder& encoder, const QString& id, int intervalMs = 400) {
        EncoderTarget t;
        t.id = id;
        t.name = id;
        t.url = encoder.url();
        t.intervalMs = intervalMs;
        t.retryIntervalMs = 200;
        return t;
    }

    static EncoderMonitor::Options options(int failuresToConfirm = 2) {
        EncoderMonitor::Options o;
        o.hysteresis = {.failuresToConfirm = failuresToConfirm, .successesToRecover = 1};
        o.tickMs = 50;
        o.probe.reachTimeoutMs = 2000;
        o.probe.statusTimeoutMs = 2000;
        return o;
    }

    static std::optional<EncoderSnapshot> find(const QList<EncoderSnapshot>& list, const QString& id) {
        for (const EncoderSnapshot& s : list)
            if (s.target.id == id)
                return s;
        return std::nullopt;
    }

    static bool stateIs(const EncoderWatch& watch, const QString& id, EncoderState state) {
        const std::optional<EncoderSnapshot> s = watch.snapshot(id);
        return s && s->state == state;
    }

    // Raw probes two to nine days old, enough for a compaction of a second or more.
    static void fillOldHistory(const QString& path, const QString& id, int rows) {
        EncoderHistory history(path, Clock::system());
        QVERIFY(history.open().ok());
        QList<ProbeRecord> records;
        records.reserve(rows);
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-9);
        const qint64 stepMs = 7LL * 24 * 3600 * 1000 / rows;
        for (int i = 0; i < rows; ++i) {
            ProbeRecord r;
            r.encoderId = id;
            r.at = start.addMSecs(i * stepMs);
            r.health = i % 10 == 0 ? ProbeHealth::Failed : ProbeHealth::Healthy;
            r.reason = QStringLiteral("filler");
            r.httpStatus = 200;
            r.phases = {
                .dnsMs = 0, .connectMs = 1, .tlsMs = -1, .firstByteMs = 20 + i % 30, .totalMs = 25 + i % 40};
            records.append(r);
        }
        QVERIFY(history.append(records).ok());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void snapshotsArriveOnTheGuiThread() {
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        EncoderWatch watch;
        QThread* gui = QThread::currentThread();
        bool offThread = false;
        int deliveries = 0;
        connect(&watch, &EncoderWatch::snapshotsChanged, this, [&](const QList<EncoderSnapshot>&) {
            offThread = offThread || QThread::currentThread() != gui;
            ++deliveries;
        });
        watch.start({target(encoder, QStringLiteral("a"))}, {}, options(), {});
        QVERIFY(watch.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
        const EncoderSnapshot s = *watch.snapshot(QStringLiteral("a"));
        QVERIFY(s.last.has_value());
        QCOMPARE(s.last->record.httpStatus, 200);
        QVERIFY(s.last->record.phases.totalMs >= 0);
        QVERIFY(!offThread);
        QVERIFY(deliveries >= 1);
        QVERIFY(!s.uptime.has_value()); // no history
    }

    void snapshotsAreCoalesced() {
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        QList<EncoderTarget> targets;
        for (int i = 0; i < 8; ++i)
            targets.append(target(encoder, QStringLiteral("e%1").arg(i), 100));
        EncoderWatch watch;
        QSignalSpy spy(&watch, &EncoderWatch::snapshotsChanged);
        watch.start(targets, {}, options(), {});
        QTest::qWait(2000); // 8 encoders every 100 ms: about 160 probes
        QVERIFY2(spy.count() <= 2 * 4 + 2, qPrintable(QString::number(spy.count())));
        QVERIFY(spy.count() >= 4);
    }

    void goingDownChangesStateAfterTheHysteresis() {
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        EncoderWatch watch;
        QSignalSpy changes(&watch, &EncoderWatch::stateChanged);
        QSignalSpy alerts(&watch, &EncoderWatch::alert);
        watch.start({target(encoder, QStringLiteral("a"))}, {}, options(3), {});
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
        changes.clear();

        encoder.setMode(FakeEncoder::Mode::Down);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Pending), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Offline), 10000);
        QCOMPARE(changes.count(), 2); // Online -> Pending, then settled Pending -> Offline (from Online)
        const auto settled = changes.at(1).at(0).value<EncoderStateChange>();
        QCOMPARE(settled.from, EncoderState::Online);
        QCOMPARE(settled.to, EncoderState::Offline);
        QVERIFY(settled.alerting);
        QTRY_COMPARE(alerts.count(), 1);
        QVERIFY(watch.snapshot(QStringLiteral("a"))->reason.size() > 10);

        encoder.setMode(FakeEncoder::Mode::Working);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
    }

    void addAndRemoveTargets() {
        FakeEncoder one;
        FakeEncoder two;
        QVERIFY(one.listen());
        QVERIFY(two.listen());
        EncoderWatch watch;
        watch.start({target(one, QStringLiteral("one"))}, {}, options(), {});
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("one"), EncoderState::Online), 10000);
        watch.addTarget(target(two, QStringLiteral("two"), 60'000));
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("two"), EncoderState::Online), 10000);
        QCOMPARE(watch.snapshots().size(), 2);

        watch.removeTarget(QStringLiteral("one"));
        QTRY_COMPARE_WITH_TIMEOUT(watch.snapshots().size(), 1, 5000);
        QCOMPARE(watch.snapshots().first().target.id, QStringLiteral("two"));
        const int served = one.requestCount(QStringLiteral("objects/getImage.php"));
        QTest::qWait(1000);
        QCOMPARE(one.requestCount(QStringLiteral("objects/getImage.php")), served); // no longer probed
    }

    // Name and interval changes keep the state; a new URL keeps the id (and the history) and moves the
    // probes.
    void updateTargetKeepsTheIdAndMovesTheProbes() {
        FakeEncoder one;
        FakeEncoder two;
        QVERIFY(one.listen());
        QVERIFY(two.listen());
        const QString path = m_dir.filePath(QStringLiteral("update.sqlite"));
        EncoderWatch watch;
        QSignalSpy series(&watch, &EncoderWatch::seriesReady);
        watch.start({target(one, QStringLiteral("a"), 200)}, {}, options(), path);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);

        EncoderTarget renamed = watch.snapshot(QStringLiteral("a"))->target;
        renamed.name = QStringLiteral("renamed");
        renamed.intervalMs = 60'000;
        watch.updateTarget(renamed);
        QTRY_COMPARE_WITH_TIMEOUT(watch.snapshot(QStringLiteral("a"))->target.name, QStringLiteral("renamed"),
                                  5000);
        QCOMPARE(watch.snapshot(QStringLiteral("a"))->target.intervalMs, 60'000);
        QCOMPARE(watch.snapshot(QStringLiteral("a"))->state, EncoderState::Online);
        QTest::qWait(300); // a probe in flight may still land
        const int served = one.requestCount(QStringLiteral("objects/getImage.php"));
        QTest::qWait(800); // four of the old intervals
        QCOMPARE(one.requestCount(QStringLiteral("objects/getImage.php")), served);

        EncoderTarget moved = renamed;
        moved.url = two.url();
        watch.updateTarget(moved);
        QTRY_VERIFY_WITH_TIMEOUT(two.requestCount(QStringLiteral("objects/getImage.php")) >= 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
        QCOMPARE(watch.snapshot(QStringLiteral("a"))->target.url, two.url());
        QCOMPARE(watch.snapshots().size(), 1);
        QCOMPARE(one.requestCount(QStringLiteral("objects/getImage.php")), served);

        // One history under the id: the probes of both addresses.
        watch.requestSeries(QStringLiteral("a"), HistoryWindow::LastHour);
        QTRY_COMPARE_WITH_TIMEOUT(series.count(), 1, 5000);
        int probes = 0;
        for (const HistoryPoint& p : series.at(0).at(0).value<EncoderSeries>().points)
            probes += p.probes;
        QVERIFY2(probes >= served + 1, qPrintable(QStringLiteral("%1 of %2").arg(probes).arg(served + 1)));

        watch.updateTarget(target(one, QStringLiteral("gone"))); // no such id: ignored
        QTest::qWait(300);
        QCOMPARE(watch.snapshots().size(), 1);
    }

    void seriesComeBack() {
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        const QString path = m_dir.filePath(QStringLiteral("series.sqlite"));
        fillOldHistory(path, QStringLiteral("a"), 2000);
        EncoderWatch watch;
        QSignalSpy series(&watch, &EncoderWatch::seriesReady);
        QSignalSpy problems(&watch, &EncoderWatch::historyProblem);
        watch.start({target(encoder, QStringLiteral("a"), 200)}, {}, options(), path);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
        QTest::qWait(1000);

        watch.requestSeries(QStringLiteral("a"), HistoryWindow::LastHour);
        QTRY_COMPARE_WITH_TIMEOUT(series.count(), 1, 5000);
        const auto hour = series.at(0).at(0).value<EncoderSeries>();
        QCOMPARE(hour.encoderId, QStringLiteral("a"));
        QCOMPARE(hour.window, HistoryWindow::LastHour);
        QVERIFY(!hour.points.isEmpty());
        int probes = 0;
        for (const HistoryPoint& p : hour.points)
            probes += p.probes;
        QVERIFY2(probes >= 3, qPrintable(QString::number(probes)));
        QCOMPARE(hour.points.last().healthyShare, 1.0);
        QVERIFY(hour.points.last().meanTotalMs >= 0);

        watch.requestSeries(QStringLiteral("a"), HistoryWindow::LastWeek);
        QTRY_COMPARE_WITH_TIMEOUT(series.count(), 2, 5000);
        const auto week = series.at(1).at(0).value<EncoderSeries>();
        QVERIFY2(week.points.size() > 50, qPrintable(QString::number(week.points.size()))); // old rows too
        QVERIFY(week.points.size() <= historyWindowPoints(HistoryWindow::LastWeek) + 1);
        QCOMPARE(problems.count(), 0);
        QTRY_VERIFY(watch.snapshot(QStringLiteral("a"))->uptime.has_value());
    }

    void unusableHistoryIsReported() {
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        const QString path = m_dir.filePath(QStringLiteral("not-a-db.sqlite"));
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        EncoderWatch watch;
        QSignalSpy problems(&watch, &EncoderWatch::historyProblem);
        watch.start({target(encoder, QStringLiteral("a"))}, {}, options(), path);
        QTRY_COMPARE(problems.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
    }

    void stopDuringProbesReturnsQuickly() {
        FakeEncoder hole({.mode = FakeEncoder::Mode::BlackHole});
        QVERIFY(hole.listen());
        QList<EncoderTarget> targets;
        for (int i = 0; i < 6; ++i)
            targets.append(target(hole, QStringLiteral("h%1").arg(i)));
        EncoderWatch watch;
        EncoderMonitor::Options o = options();
        o.probe.reachTimeoutMs = 30'000;
        watch.start(targets, {}, o, m_dir.filePath(QStringLiteral("stop.sqlite")));
        QTRY_VERIFY_WITH_TIMEOUT(hole.requestCount(QStringLiteral("objects/getImage.php")) >= 6, 10000);
        QElapsedTimer timer;
        timer.start();
        watch.stop();
        QVERIFY2(timer.elapsed() < 300, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!watch.isRunning());
        watch.probeNow(); // ignored once stopped
        watch.stop();     // twice is fine

        // And it starts again.
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        watch.start({target(encoder, QStringLiteral("a"))}, {}, options(), {});
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(watch, QStringLiteral("a"), EncoderState::Online), 10000);
    }

    void guiThreadIsNeverBlocked() {
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        const QString path = m_dir.filePath(QStringLiteral("big.sqlite"));
        fillOldHistory(path, QStringLiteral("a"), 150'000);
        fillOldHistory(path, QStringLiteral("b"), 150'000);

        qint64 worstGapMs = 0;
        QElapsedTimer sinceTick;
        QTimer watchdog;
        watchdog.setInterval(5);
        connect(&watchdog, &QTimer::timeout, this,
                [&] { worstGapMs = std::max(worstGapMs, sinceTick.restart()); });
        sinceTick.start();
        watchdog.start();

        EncoderWatch watch;
        QSignalSpy compacted(&watch, &EncoderWatch::compactionFinished);
        // start() compacts (folding ~300 000 rows), then compactNow() runs once more beside the probes.
        QElapsedTimer busy;
        busy.start();
        watch.start({target(encoder, QStringLiteral("a"), 100), target(encoder, QStringLiteral("b"), 100)},
                    {}, options(), path);
        watch.requestSeries(QStringLiteral("a"), HistoryWindow::LastWeek);
        watch.compactNow();
        QVERIFY(QTest::qWaitFor([&] { return compacted.count() == 1; }, 60000));
        const qint64 workerBusyMs = busy.elapsed();
        QVERIFY2(compacted.at(0).at(0).toBool(), qPrintable(compacted.at(0).at(1).toString()));
        QVERIFY(QTest::qWaitFor([&] { return stateIs(watch, QStringLiteral("b"), EncoderState::Online); },
                                10000));
        watch.stop();
        watchdog.stop();
        qInfo("worker busy %lld ms with the history; worst GUI gap %lld ms", workerBusyMs, worstGapMs);
        QVERIFY2(workerBusyMs > 300, "the compaction was too small to prove anything");
        QVERIFY2(worstGapMs <= 50, qPrintable(QString::number(worstGapMs)));
    }
};

QTEST_GUILESS_MAIN(EncoderWatchTest)
#include "tst_encoderwatch.moc"
