#include "diagnosis/reportfile.h"
#include "diagnosis/shiftreport.h"
#include "diagnosisfixtures.h"
#include "reportpdf/qtpdfprinter.h"
#include "reportpdf/uptimechartpainter.h"
#include "reportreading.h"
#include "requirefixture.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);

// 8 h in hours: healthy, two down, half healthy, healthy.
EncoderHistorySpan shiftSpan() {
    EncoderHistorySpan span;
    span.encoderId = QStringLiteral("site:https://enc.example.org/");
    span.from = kStart;
    span.to = kStart.addSecs(8 * 3600);
    const int healthy[] = {10, 10, 0, 0, 5, 10, 10, 10};
    for (int hour = 0; hour < 8; ++hour) {
        HistoryPoint p;
        p.start = kStart.addSecs(hour * 3600);
        p.widthMs = 3'600'000;
        p.probes = 10;
        p.healthy = healthy[hour];
        p.failed = 10 - healthy[hour];
        p.healthyShare = healthy[hour] / 10.0;
        span.points.append(p);
    }
    span.uptime = EncoderHistorySpan::uptimeOf(span.points);
    return span;
}

QString pdfText(const QString& path) {
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    const Run text = run(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    // Words, not layout: the PDF wraps lines where it likes.
    // NFKC: the PDF sets "ffl" and friends as ligatures, which pdftotext returns as one character.
    return QString::fromUtf8(text.out).normalized(QString::NormalizationForm_KC).simplified();
}

} // namespace

// The reports printed to PDF by the programs with Qt Gui (avld_report_pdf: the desktop program, its window),
// read back by poppler as a reader's viewer would; and the chart drawn with QPainter from the same layout as
// the HTML's SVG.
class TestReportPdf : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(!pdfPrinter());
        installQtPdfPrinter();
        QVERIFY(pdfPrinter());
        QVERIFY(checkReportName(QStringLiteral("report.pdf")).ok());
    }

    void chartPainterDrawsTheLayout() {
        const UptimeChart chart = layOutUptimeChart(shiftSpan(), QStringLiteral("enc.example.org"));
        const QImage image = paintUptimeChart(chart);
        QCOMPARE(image.size(), chart.size);
        QCOMPARE(chart.bars.size(), 8);
        for (const UptimeChart::Bar& bar : chart.bars)
            QCOMPARE(Rgb(image.pixel(bar.rect.center())), bar.colour);
        QCOMPARE(Rgb(image.pixel(chart.size.width() - 1, 17)), UptimeChart::kBackground);
        // The texts are drawn: dark pixels in the title's line.
        int dark = 0;
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 200; ++x)
                dark += qGray(image.pixel(x, y)) < 128;
        QVERIFY2(dark > 20, qPrintable(QString::number(dark)));
    }

    void diagnosisPdfReadsBack() {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftotext.isEmpty() || pdftoppm.isEmpty())
            AVLD_FIXTURE_MISSING("poppler-utils is not installed (scripts/install-deps.sh installs it)");
        Diagnosis d = diagnose(seedInput(SeedState::EncoderDown));
        EncoderHistorySpan day = shiftSpan();
        day.encoderId = QStringLiteral("site:http://192.0.2.1:8091/") + kStandinPrefix + QLatin1Char('/');
        d.input.lastDay = {day};
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        const Result<qint64> written = writeReport(d, path);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(!bytes.contains(kStandinPrefix.toUtf8()));

        const QString flat = pdfText(path);
        const QString firstWords = d.summary.section(QLatin1Char(' '), 0, 5);
        QVERIFY2(flat.contains(firstWords),
                 qPrintable(firstWords + QStringLiteral(" not in: ") + flat.left(600)));
        QVERIFY(flat.contains(QStringLiteral("encoder-down")));
        QVERIFY(flat.contains(QStringLiteral("Uptime, last 24 h")));

        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        const Run pictures =
            run(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path, prefix});
        QVERIFY2(pictures.exitCode == 0, pictures.err.constData());
        const QStringList pages =
            QDir(m_dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
        QVERIFY(!pages.isEmpty());
        QVERIFY2(drawnPicture(m_dir.filePath(pages.first())), "the first page is blank");
        keepPicture(m_dir.filePath(pages.first()), QStringLiteral("diagnosis-report-pdf"));
    }

    void shiftReportPdf() {
        ShiftReport report;
        report.siteName = QStringLiteral("Example TV");
        report.siteUrl = QUrl(QStringLiteral("https://tv.example.org/"));
        report.from = kStart;
        report.to = kStart.addSecs(8 * 3600);
        report.spans = {shiftSpan()};
        const QString path = m_dir.filePath(QStringLiteral("shift.pdf"));
        const Result<qint64> pdf = writeShiftReport(report, path);
        QVERIFY2(pdf.ok(), pdf.ok() ? "" : qPrintable(pdf.error().toString()));
        QVERIFY(*pdf > 1000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(bytes.contains("/Subtype /Image"), "the chart is missing");
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            AVLD_FIXTURE_MISSING("poppler-utils is not installed (scripts/install-deps.sh installs it)");
        QVERIFY2(pdfText(path).contains(QStringLiteral("Shift report")), qPrintable(pdfText(path).left(300)));
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
