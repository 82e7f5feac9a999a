#include "diagnosis/shiftreport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace avld;

Q_DECLARE_METATYPE(avld::StateChangeRow)

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);

StateChangeRow change(int minute, const char* from, const char* to) {
    return {QStringLiteral("site:https://enc.example.org/"), kStart.addSecs(minute * 60),
            QString::fromLatin1(from), QString::fromLatin1(to), QStringLiteral("connection refused")};
}

EncoderHistorySpan span(QList<StateChangeRow> changes) {
    EncoderHistorySpan s;
    s.encoderId = QStringLiteral("site:https://enc.example.org/");
    s.from = kStart;
    s.to = kStart.addSecs(8 * 3600);
    s.changes = std::move(changes);
    HistoryPoint p;
    p.start = kStart;
    p.widthMs = 8LL * 3600 * 1000;
    p.probes = 480;
    p.healthy = 440;
    p.failed = 40;
    p.healthyShare = 440.0 / 480;
    s.points = {p};
    s.uptime = EncoderHistorySpan::uptimeOf(s.points);
    return s;
}

} // namespace

// A shift's outages from the encoders' state changes, and the report an admin hands over.
class TestShiftReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outages_data() {
        QTest::addColumn<QList<StateChangeRow>>("changes");
        QTest::addColumn<QList<int>>("minutes"); // each outage's length
        QTest::addColumn<bool>("lastOngoing");
        QTest::newRow("none") << QList<StateChangeRow>{} << QList<int>{} << false;
        QTest::newRow("one, through pending")
            << QList<StateChangeRow>{change(60, "online", "pending"), change(62, "pending", "offline"),
                                     change(103, "offline", "online")}
            << QList<int>{41} << false;
        QTest::newRow("down from before the shift")
            << QList<StateChangeRow>{change(30, "offline", "online")} << QList<int>{30} << false;
        QTest::newRow("still down at the end")
            << QList<StateChangeRow>{change(420, "online", "offline")} << QList<int>{60} << true;
        QTest::newRow("degraded then offline is one outage")
            << QList<StateChangeRow>{change(10, "online", "degraded"), change(20, "degraded", "offline"),
                                     change(50, "offline", "online")}
            << QList<int>{40} << false;
    }
    void outages() {
        QFETCH(QList<StateChangeRow>, changes);
        QFETCH(QList<int>, minutes);
        QFETCH(bool, lastOngoing);
        const QList<Outage> found = outagesOf(span(changes));
        QCOMPARE(found.size(), minutes.size());
        for (qsizetype i = 0; i < found.size(); ++i)
            QCOMPARE(found[i].durationMs(), minutes[i] * 60'000LL);
        if (!found.isEmpty())
            QCOMPARE(found.last().ongoing, lastOngoing);
    }

    void summaryAndReport() {
        ShiftReport report;
        report.siteName = QStringLiteral("Example TV");
        report.siteUrl = QUrl(QStringLiteral("https://tv.example.org/"));
        report.from = kStart;
        report.to = kStart.addSecs(8 * 3600);
        report.spans = {span({change(60, "online", "offline"), change(101, "offline", "online")})};
        const QString summary = report.summary();
        QVERIFY2(summary.contains(QStringLiteral("91.7 %")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 outage, the longest 41 min")), qPrintable(summary));
        const QString html = QString::fromUtf8(renderShiftReportHtml(report));
        QVERIFY(html.contains(summary.toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("data:image/png;base64,")));

        QTemporaryDir dir;
        const Result<qint64> pdf = writeShiftReport(report, dir.filePath(QStringLiteral("shift.pdf")));
        QVERIFY(pdf.ok());
        QVERIFY(*pdf > 1000);
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
        EncoderHistorySpan s = span({});
        s.encoderId = QStringLiteral("site:http://192.0.2.1:8091/k7Hq2mZ9pX4wL8sN/");
        report.spans = {s};
        QVERIFY(!renderShiftReportHtml(report).contains("k7Hq2mZ9pX4wL8sN"));
        QVERIFY(!report.summary().contains(QStringLiteral("k7Hq2mZ9pX4wL8sN")));
    }
};

QTEST_MAIN(TestShiftReport)
#include "tst_shiftreport.moc"
