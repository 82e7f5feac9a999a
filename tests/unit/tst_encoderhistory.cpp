#include "asnobody.h"
#include "childprocess.h"
#include "encoders/encoderhistory.h"
#include "encoders/historyaggregates.h"
#include "mockclock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace avld;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

// Fails with the error's text when a Status holds one.
#define QVERIFY_OK(status)                                                                                   \
    do {                                                                                                     \
        const Status failed_ = (status);                                                                     \
        QVERIFY2(failed_.ok(), failed_.ok() ? "" : qPrintable(failed_.error().toString()));                  \
    } while (false)

const QString kWriterVariable = QStringLiteral("AVLD_HISTORY_WRITER");

ProbeRecord probe(const QString& encoderId, const QDateTime& at, ProbeHealth health, qint64 totalMs = 120,
                  qint64 functionalMs = -1) {
    return ProbeRecord{.encoderId = encoderId,
                       .at = at,
                       .health = health,
                       .reason = QStringLiteral("probe at %1").arg(at.toString(Qt::ISODateWithMs)),
                       .phases = PhaseTimings{.totalMs = totalMs},
                       .functionalMs = functionalMs};
}

void verifySame(const ProbeRecord& actual, const ProbeRecord& expected) {
    QCOMPARE(actual.encoderId, expected.encoderId);
    QCOMPARE(actual.at, expected.at);
    QCOMPARE(actual.at.timeSpec(), Qt::UTC);
    QCOMPARE(actual.health, expected.health);
    QCOMPARE(actual.reason, expected.reason);
    QCOMPARE(actual.errorCode, expected.errorCode);
    QCOMPARE(actual.httpStatus, expected.httpStatus);
    QCOMPARE(actual.phases.dnsMs, expected.phases.dnsMs);
    QCOMPARE(actual.phases.connectMs, expected.phases.connectMs);
    QCOMPARE(actual.phases.tlsMs, expected.phases.tlsMs);
    QCOMPARE(actual.phases.firstByteMs, expected.phases.firstByteMs);
    QCOMPARE(actual.phases.totalMs, expected.phases.totalMs);
    QCOMPARE(actual.functionalMs, expected.functionalMs);
    QCOMPARE(actual.frameClass, expected.frameClass);
    QCOMPARE(actual.imageBytes, expected.imageBytes);
}

void verifySame(const UptimeStats& actual, const UptimeStats& expected) {
    QCOMPARE(actual.probes, expected.probes);
    QCOMPARE(actual.healthy, expected.healthy);
    QCOMPARE(actual.degraded, expected.degraded);
    QCOMPARE(actual.failed, expected.failed);
    QCOMPARE(actual.uptimePercent, expected.uptimePercent);
    QCOMPARE(actual.meanTotalMs, expected.meanTotalMs);
    QCOMPARE(actual.maxTotalMs, expected.maxTotalMs);
}

void verifySame(const QList<HistoryPoint>& actual, const QList<HistoryPoint>& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].start, expected[i].start);
        QCOMPARE(actual[i].widthMs, expected[i].widthMs);
        QCOMPARE(actual[i].probes, expected[i].probes);
        QCOMPARE(actual[i].healthy, expected[i].healthy);
        QCOMPARE(actual[i].degraded, expected[i].degraded);
        QCOMPARE(actual[i].failed, expected[i].failed);
        QCOMPARE(actual[i].healthyShare, expected[i].healthyShare);
        QCOMPARE(actual[i].meanTotalMs, expected[i].meanTotalMs);
        QCOMPARE(actual[i].maxTotalMs, expected[i].maxTotalMs);
        QCOMPARE(actual[i].meanFunctionalMs, expected[i].meanFunctionalMs);
    }
}

qint64 roundedMean(qint64 sum, qint64 count) {
    return count > 0 ? (sum + count / 2) / count : -1;
}

// The uptime of the records in [from, to], computed here the plain way.
UptimeStats expectedUptime(const QList<ProbeRecord>& records, const QString& encoderId, const QDateTime& from,
                           const QDateTime& to) {
    UptimeStats stats;
    qint64 sum = 0;
    qint64 completed = 0;
    for (const ProbeRecord& r : records) {
        if (r.encoderId != encoderId || r.at < from || r.at > to)
            continue;
        ++stats.probes;
        stats.healthy += r.health == ProbeHealth::Healthy;
        stats.degraded += r.health == ProbeHealth::Degraded;
        stats.failed += r.health == ProbeHealth::Failed;
        if (r.phases.totalMs >= 0) {
            sum += r.phases.totalMs;
            ++completed;
            stats.maxTotalMs = std::max(stats.maxTotalMs, r.phases.totalMs);
        }
    }
    stats.uptimePercent = stats.probes > 0 ? 100.0 * stats.healthy / stats.probes : -1;
    stats.meanTotalMs = roundedMean(sum, completed);
    return stats;
}

// Probes of `encoderId` every `stepMs` from `newest` back over `spanMs` (both ends included), with a health,
// latency and functional time that depend on the position.
QList<ProbeRecord> pattern(const QString& encoderId, const QDateTime& newest, qint64 spanMs, qint64 stepMs,
                           int salt = 0) {
    QList<ProbeRecord> records;
    for (qint64 k = spanMs / stepMs; k >= 0; --k) {
        const qint64 n = k + salt;
        const ProbeHealth health = n % 10 == 0   ? ProbeHealth::Failed
                                   : n % 10 == 5 ? ProbeHealth::Degraded
                                                 : ProbeHealth::Healthy;
        records << probe(encoderId, newest.addMSecs(-k * stepMs), health,
                         health == ProbeHealth::Failed ? -1 : 40 + (n * 37) % 400,
                         n % 3 == 0 ? -1 : 300 + n % 50);
    }
    return records;
}

qint64 pragmaInteger(const QString& path, const QString& pragma) {
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-pragma"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA ") + pragma) && query.next())
                value = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-pragma"));
    return value;
}

// The child side of crashDuringWrite(): appends batches until killed, printing each committed index.
int runWriter(const QString& path) {
    EncoderHistory history(path, Clock::system());
    if (const Status failed = history.open(); !failed.ok()) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(failed.error().toString()));
        return 2;
    }
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const std::optional<ProbeRecord> last = history.latest(QStringLiteral("crash"));
    qint64 next = last ? base.msecsTo(last->at) / 1000 + 1 : 0;
    const QString padding(300, u'x'); // makes each transaction span several pages
    for (int round = 0;; ++round) {
        QList<ProbeRecord> batch;
        for (int i = 0; i < 1 + round % 16; ++i, ++next) {
            ProbeRecord record = probe(QStringLiteral("crash"), base.addSecs(next), ProbeHealth::Healthy);
            record.reason = QStringLiteral("row %1 ").arg(next) + padding;
            batch << record;
        }
        if (const Status failed = history.append(batch); !failed.ok()) {
            std::fprintf(stderr, "writer: %s\n", qPrintable(failed.error().toString()));
            return 3;
        }
        std::printf("committed %lld\n", next - 1);
        std::fflush(stdout);
    }
}

} // namespace

class EncoderHistoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        // A connection left open or a name used twice shows up as a QSqlDatabase warning.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QSqlDatabase")));
        QVERIFY(m_dir.isValid());
    }

    void roundTripEveryField() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("roundtrip.sqlite")), clock);
        QVERIFY_OK(history.open());

        const ProbeRecord full{
            .encoderId = QStringLiteral("encoder1.example"),
            .at = QDateTime(QDate(2026, 1, 1), QTime(11, 59, 58, 123), Qt::UTC),
            .health = ProbeHealth::Degraded,
            .reason = QStringLiteral("getImage answered the placeholder in 2 412 ms — «é»"),
            .errorCode = QStringLiteral("slow"),
            .httpStatus = 200,
            .phases =
                PhaseTimings{.dnsMs = 3, .connectMs = 11, .tlsMs = 27, .firstByteMs = 1900, .totalMs = 2412},
            .functionalMs = 2411,
            .frameClass = QStringLiteral("encoder-placeholder"),
            .imageBytes = 70807};
        const ProbeRecord bare{.encoderId = QStringLiteral("encoder1.example"),
                               .at = full.at.addMSecs(1),
                               .health = ProbeHealth::Failed};
        const ProbeRecord healthy =
            probe(QStringLiteral("encoder1.example"), full.at.addMSecs(2), ProbeHealth::Healthy, 0, 0);
        QVERIFY_OK(history.append(full));
        QVERIFY_OK(history.append(QList<ProbeRecord>{bare, healthy}));

        const QList<ProbeRecord> read = history.records(full.encoderId, full.at, full.at.addSecs(1));
        QCOMPARE(read.size(), 3);
        verifySame(read[0], full);
        verifySame(read[1], bare);
        verifySame(read[2], healthy);
        const std::optional<ProbeRecord> newest = history.latest(full.encoderId);
        QVERIFY(newest);
        verifySame(*newest, healthy);
        QVERIFY(!history.latest(QStringLiteral("nobody")));
    }

    void persistsAcrossInstances() {
        test::MockClock clock;
        const QString path = m_dir.filePath(QStringLiteral("sub/dir/persist.sqlite")); // folders are created
        const QList<ProbeRecord> written =
            pattern(QStringLiteral("a"), clock.now(), 10 * kMinuteMs, kMinuteMs);
        {
            EncoderHistory history(path, clock);
            QVERIFY_OK(history.open());
            QVERIFY(history.isOpen());
            QVERIFY_OK(history.append(written));
            QVERIFY_OK(history.appendStateChange(QStringLiteral("a"), QStringLiteral("online"),
                                                 QStringLiteral("offline"), QStringLiteral("refused"),
                                                 clock.now()));
            history.close();
            QVERIFY(!history.isOpen());
            QVERIFY_OK(history.open()); // the same instance opens again
            QCOMPARE(history.records(QStringLiteral("a"), clock.now().addDays(-1), clock.now()).size(),
                     written.size());
        }
        QCOMPARE(pragmaInteger(path, QStringLiteral("user_version")), 1);

        EncoderHistory reopened(path, clock);
        QVERIFY_OK(reopened.open());
        const QList<ProbeRecord> read =
            reopened.records(QStringLiteral("a"), clock.now().addDays(-1), clock.now());
        QCOMPARE(read.size(), written.size());
        for (qsizetype i = 0; i < read.size(); ++i)
            verifySame(read[i], written[i]);
        const QList<StateChangeRow> changes =
            reopened.stateChanges(QStringLiteral("a"), clock.now().addDays(-1), clock.now());
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].encoderId, QStringLiteral("a"));
        QCOMPARE(changes[0].at, clock.now());
        QCOMPARE(changes[0].from, QStringLiteral("online"));
        QCOMPARE(changes[0].to, QStringLiteral("offline"));
        QCOMPARE(changes[0].reason, QStringLiteral("refused"));
        QVERIFY_OK(reopened.checkIntegrity());
    }

    void walAndSchemaVersion() {
        test::MockClock clock;
        const QString path = m_dir.filePath(QStringLiteral("wal.sqlite"));
        EncoderHistory history(path, clock);
        QVERIFY_OK(history.open());
        QVERIFY_OK(history.append(probe(QStringLiteral("a"), clock.now(), ProbeHealth::Healthy)));
        QVERIFY(QFile::exists(path + QStringLiteral("-wal"))); // journal_mode=WAL is a property of the file
        QCOMPARE(pragmaInteger(path, QStringLiteral("user_version")), 1);
    }

    void twoInstancesAtOnce() {
        test::MockClock clock;
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        EncoderHistory writer(path, clock);
        EncoderHistory reader(path, clock);
        QVERIFY_OK(writer.open());
        QVERIFY_OK(reader.open());
        QVERIFY_OK(writer.append(probe(QStringLiteral("a"), clock.now(), ProbeHealth::Healthy)));
        QVERIFY(reader.latest(QStringLiteral("a")));
    }

    void recordsRangeAndOrder() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("range.sqlite")), clock);
        QVERIFY_OK(history.open());
        const QDateTime t = clock.now();
        // Appended out of order; another encoder in between.
        for (int s : {30, 10, 20, 0, 40})
            QVERIFY_OK(history.append(probe(QStringLiteral("a"), t.addSecs(s), ProbeHealth::Healthy)));
        QVERIFY_OK(history.append(probe(QStringLiteral("b"), t.addSecs(20), ProbeHealth::Failed)));

        const QList<ProbeRecord> read = history.records(QStringLiteral("a"), t.addSecs(10), t.addSecs(30));
        QCOMPARE(read.size(), 3); // both ends included
        QCOMPARE(read[0].at, t.addSecs(10));
        QCOMPARE(read[1].at, t.addSecs(20));
        QCOMPARE(read[2].at, t.addSecs(30));
        QCOMPARE(history.latest(QStringLiteral("a"))->at, t.addSecs(40));
        QVERIFY(history.records(QStringLiteral("a"), t.addSecs(41), t.addSecs(100)).isEmpty());

        QVERIFY_OK(history.appendStateChange(QStringLiteral("c"), QStringLiteral("unknown"),
                                             QStringLiteral("online"), {}, t));
        QCOMPARE(history.encoderIds(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(history.stateChanges(QStringLiteral("c"), t, t).size(), 1);
        QVERIFY(history.stateChanges(QStringLiteral("c"), t.addMSecs(1), t.addDays(1)).isEmpty());
    }

    void uptimeOverEachWindow() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("uptime.sqlite")), clock);
        QVERIFY_OK(history.open());
        const QList<ProbeRecord> records =
            pattern(QStringLiteral("a"), clock.now(), 31 * kDayMs, 10 * kMinuteMs);
        QVERIFY_OK(history.append(records));

        // The last hour by hand: probes at now, -10 min, …, -60 min (k = 0..6): k = 0 failed, k = 5 degraded.
        const UptimeWindows windows = history.uptimeWindows(QStringLiteral("a"));
        QCOMPARE(windows.lastHour.probes, 7);
        QCOMPARE(windows.lastHour.healthy, 5);
        QCOMPARE(windows.lastHour.degraded, 1);
        QCOMPARE(windows.lastHour.failed, 1);
        QCOMPARE(windows.lastHour.uptimePercent, 100.0 * 5 / 7);
        // Completed probes k = 1..6: 40 + 37k % 400 = 77, 114, 151, 188, 225, 262 -> mean 169.5 rounds up.
        QCOMPARE(windows.lastHour.meanTotalMs, 170);
        QCOMPARE(windows.lastHour.maxTotalMs, 262);

        const QDateTime now = clock.now();
        verifySame(windows.lastHour,
                   expectedUptime(records, QStringLiteral("a"), now.addMSecs(-kHourMs), now));
        verifySame(windows.lastDay, expectedUptime(records, QStringLiteral("a"), now.addDays(-1), now));
        verifySame(windows.lastWeek, expectedUptime(records, QStringLiteral("a"), now.addDays(-7), now));
        verifySame(windows.lastMonth, expectedUptime(records, QStringLiteral("a"), now.addDays(-30), now));
        QCOMPARE(windows.lastDay.probes, 145);
        QCOMPARE(windows.lastMonth.probes, 30 * 144 + 1);

        // Time moves: half an hour later the last hour holds the probes from -30 min to now.
        clock.advanceMs(30 * kMinuteMs);
        const UptimeStats later = history.uptime(QStringLiteral("a"), kHourMs);
        QCOMPARE(later.probes, 4);
        verifySame(later,
                   expectedUptime(records, QStringLiteral("a"), clock.now().addMSecs(-kHourMs), clock.now()));

        const UptimeStats none = history.uptime(QStringLiteral("nobody"), kDayMs);
        QCOMPARE(none.probes, 0);
        QCOMPARE(none.uptimePercent, -1.0);
        QCOMPARE(none.meanTotalMs, -1);
        QCOMPARE(none.maxTotalMs, -1);
    }

    void seriesBucketing() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("series.sqlite")), clock);
        QVERIFY_OK(history.open());
        const QDateTime now = clock.now(); // 12:00 UTC
        // Three probes in one 15-minute bucket, by hand.
        const QDateTime t = now.addSecs(-20 * 60); // 11:40, in the bucket of 11:30
        QVERIFY_OK(history.append(
            QList<ProbeRecord>{probe(QStringLiteral("b"), t, ProbeHealth::Healthy, 100, 400),
                               probe(QStringLiteral("b"), t.addSecs(60), ProbeHealth::Degraded, 200, -1),
                               probe(QStringLiteral("b"), t.addSecs(120), ProbeHealth::Failed, -1, 601)}));
        // 1 h into at most 6 points: 10-minute buckets would need 7 (both ends), so 15 minutes.
        QCOMPARE(
            history::seriesBucketWidthMs(now.addSecs(-3600).toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), 6),
            15 * kMinuteMs);
        const QList<HistoryPoint> points = history.series(QStringLiteral("b"), now.addSecs(-3600), now, 6);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points[0].start, QDateTime(QDate(2026, 1, 1), QTime(11, 30), Qt::UTC));
        QCOMPARE(points[0].widthMs, 15 * kMinuteMs);
        QCOMPARE(points[0].probes, 3);
        QCOMPARE(points[0].healthy, 1);
        QCOMPARE(points[0].degraded, 1);
        QCOMPARE(points[0].failed, 1);
        QCOMPARE(points[0].healthyShare, 1.0 / 3);
        QCOMPARE(points[0].meanTotalMs, 150);
        QCOMPARE(points[0].maxTotalMs, 200);
        QCOMPARE(points[0].meanFunctionalMs, 501); // (400 + 601) / 2 rounded

        // A day of probes every minute: buckets are aligned, bounded in number and add up to the uptime.
        const QList<ProbeRecord> records = pattern(QStringLiteral("a"), now, kDayMs, kMinuteMs);
        QVERIFY_OK(history.append(records));
        for (int maxPoints : {1, 7, 48, 100, 1000, 5000}) {
            const QDateTime from = now.addMSecs(-kDayMs + 17'000); // not aligned on purpose
            const QList<HistoryPoint> series = history.series(QStringLiteral("a"), from, now, maxPoints);
            QVERIFY2(!series.isEmpty() && series.size() <= maxPoints, qPrintable(QString::number(maxPoints)));
            int probes = 0;
            for (qsizetype i = 0; i < series.size(); ++i) {
                const HistoryPoint& p = series[i];
                QCOMPARE(p.start.toMSecsSinceEpoch() % p.widthMs, 0);
                QCOMPARE(p.widthMs, series[0].widthMs);
                if (i > 0)
                    QVERIFY(p.start > series[i - 1].start);
                const UptimeStats inBucket =
                    expectedUptime(records, QStringLiteral("a"), std::max(from, p.start),
                                   std::min(now, p.start.addMSecs(p.widthMs - 1)));
                QCOMPARE(p.probes, inBucket.probes);
                QCOMPARE(p.healthy, inBucket.healthy);
                QCOMPARE(p.meanTotalMs, inBucket.meanTotalMs);
                QCOMPARE(p.maxTotalMs, inBucket.maxTotalMs);
                probes += p.probes;
            }
            QCOMPARE(probes, expectedUptime(records, QStringLiteral("a"), from, now).probes);
        }
        QCOMPARE(history.series(QStringLiteral("a"), now.addDays(-1), now, 1).size(), 1);
        QVERIFY(history.series(QStringLiteral("a"), now.addDays(-1), now, 0).isEmpty());
        QVERIFY(history.series(QStringLiteral("a"), now, now.addDays(-1), 10).isEmpty());
        QVERIFY(history.series(QStringLiteral("a"), now.addDays(-9), now.addDays(-8), 10).isEmpty());
    }

    void compactKeepsCounts() {
        test::MockClock clock; // 12:00 UTC: every window below starts on an hour
        EncoderHistory history(m_dir.filePath(QStringLiteral("compact.sqlite")), clock);
        QVERIFY_OK(history.open());
        const QDateTime now = clock.now();
        const QString a = QStringLiteral("a");
        const QString b = QStringLiteral("b");
        QVERIFY_OK(history.append(pattern(a, now, 31 * kDayMs, 2 * kMinuteMs)));
        QVERIFY_OK(history.append(pattern(b, now, 31 * kDayMs, 2 * kMinuteMs, 3)));
        QVERIFY_OK(history.append(probe(a, now.addDays(-95), ProbeHealth::Healthy))); // expires
        const QString online = QStringLiteral("online");
        const QString offline = QStringLiteral("offline");
        QVERIFY_OK(history.appendStateChange(a, online, offline, {}, now.addDays(-100))); // expires
        QVERIFY_OK(history.appendStateChange(a, offline, online, {}, now.addDays(-1)));

        const auto snapshot = [&] {
            QList<UptimeStats> uptimes;
            for (const QString& id : {a, b}) {
                const UptimeWindows w = history.uptimeWindows(id);
                uptimes << w.lastHour << w.lastDay << w.lastWeek << w.lastMonth
                        << history.uptime(id, 20 * kDayMs);
            }
            QList<QList<HistoryPoint>> series{history.series(a, now.addDays(-30), now, 100),
                                              history.series(b, now.addDays(-7), now, 50),
                                              history.series(a, now.addDays(-3), now.addDays(-1), 48)};
            return std::make_pair(uptimes, series);
        };
        const auto before = snapshot();
        // Older spans at a fine width come back at the rollups' width, with the same total.
        const auto probesIn = [](const QList<HistoryPoint>& points) {
            int n = 0;
            for (const HistoryPoint& p : points)
                n += p.probes;
            return n;
        };
        const QList<HistoryPoint> fineBefore =
            history.series(a, now.addDays(-21), now.addDays(-20).addMSecs(-1), 1000);
        QCOMPARE(fineBefore.size(), 720);

        QVERIFY_OK(history.compact());
        const auto after = snapshot();
        QCOMPARE(after.first.size(), before.first.size());
        for (qsizetype i = 0; i < before.first.size(); ++i)
            verifySame(after.first[i], before.first[i]);
        for (qsizetype i = 0; i < before.second.size(); ++i)
            verifySame(after.second[i], before.second[i]);
        const QList<HistoryPoint> fineAfter =
            history.series(a, now.addDays(-21), now.addDays(-20).addMSecs(-1), 1000);
        QCOMPARE(fineAfter.size(), 24);
        QCOMPARE(probesIn(fineAfter), probesIn(fineBefore));

        // Raw rows for the last 48 h (1441 a encoder), 5-minute rollups for the 12 days before, hourly ones
        // for the 17 days before those; nothing older than 90 days.
        HistoryRowCounts rows = history.rowCounts();
        QCOMPARE(rows.raw, 2 * 1441);
        QCOMPARE(rows.fiveMinute, 2 * 12 * 288);
        QCOMPARE(rows.hourly, 2 * 17 * 24);
        QCOMPARE(rows.stateChanges, 1);
        QVERIFY(history.records(a, now.addDays(-100), now.addMSecs(-48 * kHourMs - 1)).isEmpty());
        QCOMPARE(history.encoderIds(), (QStringList{a, b}));

        // Compacting again changes nothing.
        QVERIFY_OK(history.compact());
        const HistoryRowCounts again = history.rowCounts();
        QCOMPARE(again.raw, rows.raw);
        QCOMPARE(again.fiveMinute, rows.fiveMinute);
        QCOMPARE(again.hourly, rows.hourly);
        const auto twice = snapshot();
        for (qsizetype i = 0; i < before.first.size(); ++i)
            verifySame(twice.first[i], before.first[i]);

        // Only rollups left for an encoder: it is still listed.
        clock.advanceMs(3 * kDayMs);
        QVERIFY_OK(history.compact());
        QCOMPARE(history.records(a, now.addDays(-100), clock.now()).size(), 0);
        QCOMPARE(history.encoderIds(), (QStringList{a, b}));
        QVERIFY_OK(history.checkIntegrity());
    }

    // One site's history kept in two files (an older version's name): the older one's rows join, buckets
    // both have add up, and the older file goes. One that is not a history stays, and nothing changes.
    void absorbTakesInAnOlderFile() {
        test::MockClock clock;
        const QDateTime now = clock.now();
        const QString a = QStringLiteral("a");
        const QString olderPath = m_dir.filePath(QStringLiteral("absorb-older.sqlite"));
        {
            EncoderHistory older(olderPath, clock);
            QVERIFY_OK(older.open());
            QVERIFY_OK(older.append(pattern(a, now, 4 * kDayMs, 2 * kMinuteMs, 7)));
            QVERIFY_OK(older.append(probe(QStringLiteral("b"), now.addSecs(-60), ProbeHealth::Healthy)));
            QVERIFY_OK(older.appendStateChange(a, QStringLiteral("online"), QStringLiteral("offline"), {},
                                               now.addDays(-1)));
            QVERIFY_OK(older.compact()); // rollups in the same buckets as the newer file's
        }
        EncoderHistory history(m_dir.filePath(QStringLiteral("absorb.sqlite")), clock);
        QVERIFY_OK(history.open());
        QVERIFY_OK(history.append(pattern(a, now, 4 * kDayMs, 2 * kMinuteMs)));
        QVERIFY_OK(history.compact());
        const UptimeStats before = history.uptime(a, 4 * kDayMs);
        UptimeStats olderUptime;
        {
            EncoderHistory older(olderPath, clock);
            QVERIFY_OK(older.open());
            olderUptime = older.uptime(a, 4 * kDayMs);
        }
        QVERIFY(olderUptime.probes > 0 && before.probes > 0);

        QVERIFY_OK(history.absorb(olderPath));
        QVERIFY(!QFile::exists(olderPath));
        const UptimeStats after = history.uptime(a, 4 * kDayMs);
        QCOMPARE(after.probes, before.probes + olderUptime.probes);
        QVERIFY(history.encoderIds().contains(QStringLiteral("b")));
        QCOMPARE(history.stateChanges(a, now.addDays(-2), now).size(), 1);
        QVERIFY_OK(history.checkIntegrity());

        QVERIFY_OK(history.absorb(m_dir.filePath(QStringLiteral("never-written.sqlite"))));
        const QString notAHistory = m_dir.filePath(QStringLiteral("absorb-text.sqlite"));
        {
            QFile text(notAHistory);
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write(QByteArray(4096, 'x'));
        }
        const Status refused = history.absorb(notAHistory);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("history-merge"));
        QVERIFY(QFile::exists(notAHistory));
        QCOMPARE(history.uptime(a, 4 * kDayMs).probes, after.probes);
    }

    void compactCapsRawRowsPerEncoder() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("cap.sqlite")), clock);
        QVERIFY_OK(history.open());
        history.setCompactionPolicy(CompactionPolicy{.maxRawRowsPerEncoder = 100});
        const QList<ProbeRecord> records = pattern(QStringLiteral("a"), clock.now(), 249 * 10'000, 10'000);
        QCOMPARE(records.size(), 250);
        QVERIFY_OK(history.append(records));
        QVERIFY_OK(history.append(pattern(QStringLiteral("b"), clock.now(), 9 * 10'000, 10'000)));
        const UptimeStats before = history.uptime(QStringLiteral("a"), kDayMs);

        QVERIFY_OK(history.compact());
        const QList<ProbeRecord> kept =
            history.records(QStringLiteral("a"), clock.now().addDays(-1), clock.now());
        QCOMPARE(kept.size(), 100);
        QCOMPARE(kept.first().at, records[150].at); // the newest are kept
        QCOMPARE(history.records(QStringLiteral("b"), clock.now().addDays(-1), clock.now()).size(), 10);
        QVERIFY(history.rowCounts().fiveMinute > 0);
        verifySame(history.uptime(QStringLiteral("a"), kDayMs), before);
    }

    void compactBoundsRowsOverMonths() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("months.sqlite")), clock);
        QVERIFY_OK(history.open());
        // 100 days of a probe every 10 minutes, compacted once a day as the monitor would.
        QList<ProbeRecord> all;
        for (int day = 0; day < 100; ++day) {
            QList<ProbeRecord> batch;
            for (int i = 0; i < 144; ++i) {
                clock.advanceMs(10 * kMinuteMs);
                const ProbeHealth health =
                    (day * 144 + i) % 7 == 0 ? ProbeHealth::Failed : ProbeHealth::Healthy;
                batch << probe(QStringLiteral("a"), clock.now(), health,
                               health == ProbeHealth::Failed ? -1 : 90);
            }
            QVERIFY_OK(history.append(batch));
            all << batch;
            QVERIFY_OK(history.compact());
        }
        const HistoryRowCounts rows = history.rowCounts();
        QVERIFY2(rows.raw <= 2 * 144 + 1, qPrintable(QString::number(rows.raw)));
        QVERIFY2(rows.fiveMinute <= 13 * 144, qPrintable(QString::number(rows.fiveMinute)));
        QVERIFY2(rows.hourly <= 77 * 24, qPrintable(QString::number(rows.hourly)));
        const QDateTime now = clock.now();
        QCOMPARE(history.series(QStringLiteral("a"), now.addDays(-200), now.addDays(-91), 1000).size(), 0);
        // The clock started on the hour and moved in 10-minute steps, so 30 days back is a bucket boundary.
        verifySame(history.uptime(QStringLiteral("a"), 30 * kDayMs),
                   expectedUptime(all, QStringLiteral("a"), now.addDays(-30), now));
    }

    void badPath_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("not a database") << "not a database";
        QTest::newRow("parent is a file") << "parent is a file";
        QTest::newRow("a folder") << "a folder";
        QTest::newRow("newer schema") << "newer schema";
        QTest::newRow("read-only folder") << "read-only folder";
        QTest::newRow("read-only history") << "read-only history";
        QTest::newRow("history in a read-only folder") << "history in a read-only folder";
        QTest::newRow("empty path") << "empty path";
    }

    void badPath() {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("history.sqlite"));
        if (kind == QLatin1StringView("not a database")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("this is a text file, not a history\n").repeated(200));
        } else if (kind == QLatin1StringView("parent is a file")) {
            QFile file(dir.filePath(QStringLiteral("plain.txt")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            path = dir.filePath(QStringLiteral("plain.txt/history.sqlite"));
        } else if (kind == QLatin1StringView("a folder")) {
            path = dir.path();
        } else if (kind == QLatin1StringView("newer schema")) {
            QCOMPARE(pragmaInteger(path, QStringLiteral("user_version = 99")), -1);
            QCOMPARE(pragmaInteger(path, QStringLiteral("user_version")), 99);
        } else if (kind == QLatin1StringView("read-only folder")) {
            const QString folder = dir.filePath(QStringLiteral("locked"));
            QVERIFY(QDir().mkdir(folder));
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
            path = folder + QStringLiteral("/history.sqlite");
        } else if (kind == QLatin1StringView("read-only history") ||
                   kind == QLatin1StringView("history in a read-only folder")) {
            const QString folder = dir.filePath(QStringLiteral("locked"));
            path = folder + QStringLiteral("/history.sqlite");
            {
                const test::MockClock clock;
                EncoderHistory good(path, clock);
                QVERIFY_OK(good.open());
            }
            const bool file = kind == QLatin1StringView("read-only history");
            QVERIFY(QFile::setPermissions(file ? path : folder,
                                          file ? QFile::ReadOwner : QFile::ReadOwner | QFile::ExeOwner));
        } else {
            path.clear();
        }

        // Root ignores permission bits (CI runs as root): the read-only cases are tried as nobody.
        std::optional<test::AsNobody> unprivileged;
        if (kind.contains(QLatin1StringView("read-only"))) {
            const QString folder = QFileInfo(path).absolutePath();
            unprivileged.emplace(QStringList{dir.path(), folder});
            QVERIFY2(unprivileged->error().isEmpty(), qPrintable(unprivileged->error()));
        }
        test::MockClock clock;
        EncoderHistory history(path, clock);
        const Status failed = history.open();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("history-open"));
        QVERIFY2(failed.error().message.contains(QDir::toNativeSeparators(path)),
                 qPrintable(failed.error().message));
        QVERIFY(!failed.error().hint.isEmpty());
        qInfo().noquote() << failed.error().toString();
        QVERIFY(!history.isOpen());

        // Nothing works, nothing crashes.
        const Status write = history.append(probe(QStringLiteral("a"), clock.now(), ProbeHealth::Healthy));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code, QStringLiteral("history-write"));
        QVERIFY(!history.appendStateChange(QStringLiteral("a"), {}, {}, {}, clock.now()).ok());
        QVERIFY(history.records(QStringLiteral("a"), clock.now().addDays(-1), clock.now()).isEmpty());
        QVERIFY(!history.latest(QStringLiteral("a")));
        QVERIFY(history.encoderIds().isEmpty());
        QCOMPARE(history.uptime(QStringLiteral("a"), kDayMs).probes, 0);
        QVERIFY(history.series(QStringLiteral("a"), clock.now().addDays(-1), clock.now(), 10).isEmpty());
        QCOMPARE(history.compact().error().code, QStringLiteral("history-compact"));
        QVERIFY(!history.checkIntegrity().ok());
        unprivileged.reset();
        // So that QTemporaryDir can clean up.
        if (kind.contains(QLatin1StringView("read-only")))
            QFile::setPermissions(QFileInfo(path).absolutePath(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    // A writer killed with SIGKILL at an arbitrary moment, five times over the same file: each time the file
    // is intact and holds every batch the writer reported as committed. Runs in the unit suite, in a few
    // seconds.
    void crashDuringWrite() {
        const QString path = m_dir.filePath(QStringLiteral("crash.sqlite"));
        qint64 reported = -1;
        for (int round = 0; round < 5; ++round) {
            QProcess writer;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(kWriterVariable, path);
            writer.setProcessEnvironment(environment);
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            test::killChildWithParent(writer);
            writer.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(writer.waitForStarted(5000));

            // Kill it once it has committed some more batches, after a random fraction of a transaction
            // (a busy wait of up to 1 ms), so that the kill lands at a different point of a write each time.
            QByteArray output;
            const int wanted = 20 + round * 100;
            QElapsedTimer timer;
            timer.start();
            while (output.count('\n') < wanted && timer.elapsed() < 8000 &&
                   writer.state() == QProcess::Running) {
                writer.waitForReadyRead(100);
                output += writer.readAllStandardOutput();
            }
            QCOMPARE(writer.state(), QProcess::Running);
            const qint64 jitterNs = QRandomGenerator::global()->bounded(1'000'000);
            QElapsedTimer jitter;
            jitter.start();
            while (jitter.nsecsElapsed() < jitterNs) {
            }
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(5000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            output += writer.readAllStandardOutput();

            // Only whole lines were reported; a line cut by the kill does not count.
            const QList<QByteArray> lines = output.left(output.lastIndexOf('\n') + 1).split('\n');
            for (const QByteArray& line : lines) {
                if (line.startsWith("committed "))
                    reported = std::max(reported, line.mid(10).toLongLong());
            }
            QVERIFY2(reported >= wanted, writer.readAllStandardError().constData());

            test::MockClock clock;
            EncoderHistory history(path, clock);
            QVERIFY_OK(history.open());
            QVERIFY_OK(history.checkIntegrity());
            const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
            const QList<ProbeRecord> rows =
                history.records(QStringLiteral("crash"), base, base.addSecs(reported + 1'000'000));
            QSet<qint64> present;
            for (const ProbeRecord& row : rows)
                present.insert(base.msecsTo(row.at) / 1000);
            QVERIFY2(rows.size() >= reported + 1,
                     qPrintable(QStringLiteral("%1 rows, %2 reported").arg(rows.size()).arg(reported + 1)));
            for (qint64 i = 0; i <= reported; ++i)
                QVERIFY2(present.contains(i), qPrintable(QString::number(i)));
            QCOMPARE(qint64(present.size()), qint64(rows.size())); // and nothing twice
            qInfo("round %d: %lld rows committed and found, %lld on disk", round, reported + 1,
                  qint64(rows.size()));
        }
    }

    // How fast appends are, for the record: the monitor needs 200 encoders every 10 s (20 a second).
    void appendRate() {
        test::MockClock clock;
        EncoderHistory history(m_dir.filePath(QStringLiteral("rate.sqlite")), clock);
        QVERIFY_OK(history.open());
        constexpr int count = 2000;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            const Status failed = history.append(probe(QStringLiteral("encoder-%1").arg(i % 200),
                                                       clock.now().addMSecs(i * 50), ProbeHealth::Healthy));
            QVERIFY(failed.ok());
        }
        const qint64 singleMs = std::max<qint64>(1, timer.elapsed());

        QList<ProbeRecord> round;
        for (int i = 0; i < 200; ++i)
            round << probe(QStringLiteral("encoder-%1").arg(i), clock.now(), ProbeHealth::Healthy);
        timer.restart();
        for (int r = 0; r < 20; ++r)
            QVERIFY(history.append(round).ok());
        const qint64 roundsMs = std::max<qint64>(1, timer.elapsed());
        qInfo(
            "append: %lld single appends/s (one transaction each); rounds of 200 in one transaction: %.1f ms "
            "each, %lld records/s",
            count * 1000LL / singleMs, double(roundsMs) / 20, 20 * 200 * 1000LL / roundsMs);
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // crashDuringWrite() starts this same program as the writer it kills.
    if (const QString path = qEnvironmentVariable(qPrintable(kWriterVariable)); !path.isEmpty())
        return runWriter(path);
    EncoderHistoryTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_encoderhistory.moc"
