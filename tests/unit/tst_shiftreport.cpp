#include "diagnosis/shiftreport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);

StateChangeRow change(int minute, const char* from, const char* to) {
    return {QStringLiteral("site:https://enc.example.org/"), kStart.addSecs(minute * 60),
            QString::fromLatin1(from), QString::fromLatin1(to), QStringLiteral("connection refused")};
}

// A shift of 8 hours in 10-minute buckets; `pattern` has one letter per bucket: 'u' healthy, 'd' failed,
// 'g' degraded, '.' no probe.
EncoderHistorySpan span(const QString& pattern, QList<StateChangeRow> changes = {}) {
    EncoderHistorySpan s;
    s.encoderId = QStringLiteral("site:https://enc.example.org/");
    s.from = kStart;
    s.to = kStart.addSecs(8 * 3600);
    s.changes = std::move(changes);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == QLatin1Char('.'))
            continue;
        HistoryPoint p;
        p.start = kStart.addSecs(i * 600);
        p.widthMs = 600'000;
        p.probes = 10;
        p.healthy = pattern[i] == QLatin1Char('u') ? 10 : 0;
        p.failed = pattern[i] == QLatin1Char('d') ? 10 : 0;
        p.degraded = pattern[i] == QLatin1Char('g') ? 10 : 0;
        p.healthyShare = p.healthy / 10.0;
        s.points.append(p);
    }
    s.uptime = EncoderHistorySpan::uptimeOf(s.points);
    return s;
}

} // namespace

// A shift's outages from the encoders' state changes, and the report an admin hands over (its HTML; the PDF:
// tst_reportpdf).
class TestShiftReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outages_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QList<int>>("minutes"); // each outage's length
        QTest::addColumn<bool>("lastOngoing");
        QTest::addColumn<QString>("lastState");
        QTest::newRow("none") << QStringLiteral("uuuuuu") << QList<int>{} << false << QString();
        QTest::newRow("one of 40 min")
            << QStringLiteral("uuddddu") << QList<int>{40} << false << QStringLiteral("offline");
        QTest::newRow("down from the start")
            << QStringLiteral("ddduu") << QList<int>{30} << false << QStringLiteral("offline");
        QTest::newRow("still down at the end")
            << QStringLiteral("uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudddd") << QList<int>{40} << true
            << QStringLiteral("offline");
        // Probes every 30 minutes (diagnose from cron): the gaps do not cut the outage in pieces.
        QTest::newRow("sparse probes bridge the gaps")
            << QStringLiteral("u..d..d..d..u") << QList<int>{90} << false << QStringLiteral("offline");
        QTest::newRow("degraded, then back")
            << QStringLiteral("uggu") << QList<int>{20} << false << QStringLiteral("degraded");
        QTest::newRow("two") << QStringLiteral("udduuddd.u") << QList<int>{20, 40} << false
                             << QStringLiteral("offline");
    }
    void outages() {
        QFETCH(QString, pattern);
        QFETCH(QList<int>, minutes);
        QFETCH(bool, lastOngoing);
        QFETCH(QString, lastState);
        const QList<Outage> found = outagesOf(span(pattern));
        QCOMPARE(found.size(), minutes.size());
        for (qsizetype i = 0; i < found.size(); ++i)
            QCOMPARE(found[i].durationMs(), minutes[i] * 60'000LL);
        if (!found.isEmpty()) {
            QCOMPARE(found.last().ongoing, lastOngoing);
            QCOMPARE(found.last().state, lastState);
        }
    }

    // The watch's settled change gives the outage its reason.
    void reasonFromTheWatch() {
        const QList<Outage> found =
            outagesOf(span(QStringLiteral("uudddu"), {change(25, "online", "offline")}));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().reason, QStringLiteral("connection refused"));
    }

    void summaryAndReport() {
        ShiftReport report;
        report.siteName = QStringLiteral("Example TV");
        report.siteUrl = QUrl(QStringLiteral("https://tv.example.org/"));
        report.from = kStart;
        report.to = kStart.addSecs(8 * 3600);
        // 48 buckets: 4 down (40 min) of 48.
        report.spans = {span(QStringLiteral("uuuuuudddduuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"))};
        const QString summary = report.summary();
        QVERIFY2(summary.contains(QStringLiteral("91.7 %")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 outage, the longest 40 min")), qPrintable(summary));
        const QString html = QString::fromUtf8(renderShiftReportHtml(report));
        QVERIFY(html.contains(summary.toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("data:image/svg+xml;base64,")));

        QTemporaryDir dir;
        const Result<qint64> written = writeShiftReport(report, dir.filePath(QStringLiteral("shift.html")));
        QVERIFY(written.ok());
        QCOMPARE(*written, renderShiftReportHtml(report).size());
        // No PDF printer here (the headless program's case; the PDF: tst_reportpdf): refused, nothing
        // written.
        const Result<qint64> pdf = writeShiftReport(report, dir.filePath(QStringLiteral("shift.pdf")));
        QVERIFY(!pdf.ok());
        QCOMPARE(pdf.error().code, QStringLiteral("pdf-unavailable"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("shift.pdf"))));
    }

    // Nothing watched the site's encoder: the report says so instead of claiming 100 %.
    void emptyHistorySaysSo() {
        ShiftReport report;
        report.from = kStart;
        report.to = kStart.addSecs(3600);
        QVERIFY(report.summary().contains(QStringLiteral("no probe")));
    }

    // The site's encoder was the stand-in: its secret prefix is in the history's id, never in the report.
    void secretPrefixMasked() {
        ShiftReport report;
        report.from = kStart;
        report.to = kStart.addSecs(8 * 3600);
        EncoderHistorySpan s = span(QStringLiteral("uuu"));
        s.encoderId = QStringLiteral("site:http://192.0.2.1:8091/k7Hq2mZ9pX4wL8sN/");
        report.spans = {s};
        QVERIFY(!renderShiftReportHtml(report).contains("k7Hq2mZ9pX4wL8sN"));
        QVERIFY(!report.summary().contains(QStringLiteral("k7Hq2mZ9pX4wL8sN")));
    }
};

// No QGuiApplication: the HTML shift report is what the headless program writes.
QTEST_GUILESS_MAIN(TestShiftReport)
#include "tst_shiftreport.moc"
