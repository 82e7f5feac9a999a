#include "diagnosis/htmlreport.h"
#include "diagnosis/pdfprinter.h"
#include "diagnosis/reportfile.h"
#include "diagnosisfixtures.h"
#include "reportreading.h"
#include "requirefixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::SeedState)

namespace {

QStringList chromiumArguments(const QString& profileDir) {
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    return {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
            QStringLiteral("--no-first-run"), QStringLiteral("--user-data-dir=") + profileDir};
}

// A day of one encoder's history: healthy, then down for the last quarter.
EncoderHistorySpan daySpan(const QString& encoderId, const QDateTime& to) {
    EncoderHistorySpan span;
    span.encoderId = encoderId;
    span.from = to.addSecs(-24 * 3600);
    span.to = to;
    for (int hour = 0; hour < 24; ++hour) {
        HistoryPoint p;
        p.start = span.from.addSecs(hour * 3600);
        p.widthMs = 3'600'000;
        p.probes = 4;
        p.healthy = hour < 18 ? 4 : 0;
        p.failed = p.probes - p.healthy;
        p.healthyShare = p.healthy / 4.0;
        span.points.append(p);
    }
    span.uptime = EncoderHistorySpan::uptimeOf(span.points);
    return span;
}

// The texts of the SVG charts embedded in `html`; fails the test when one is not well-formed XML.
QStringList chartTexts(const QString& html) {
    QStringList texts;
    static const QRegularExpression chart(QStringLiteral("src=\"data:image/svg\\+xml;base64,([^\"]+)\""));
    for (const QRegularExpressionMatch& m : chart.globalMatch(html)) {
        QXmlStreamReader xml(QByteArray::fromBase64(m.captured(1).toLatin1()));
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QStringLiteral("text"))
                texts << xml.readElementText();
        }
        if (xml.hasError())
            return {QStringLiteral("not well-formed: ") + xml.errorString()};
    }
    return texts;
}

} // namespace

// The HTML report as a reader gets it: opened in a real browser with no network; the summary is there, the
// pictures are not blank, no secret is anywhere. Without Qt Gui, as the headless program writes it (the PDF:
// tst_reportpdf).
class TestDiagnosisReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void htmlIsSelfContained_data() {
        QTest::addColumn<SeedState>("state");
        QTest::newRow("encoder down") << SeedState::EncoderDown;
        QTest::newRow("stand-in serving") << SeedState::StandinServing;
        QTest::newRow("card after a switch") << SeedState::CardAfterSwitch;
        QTest::newRow("site unreachable") << SeedState::SiteUnreachable;
    }
    void htmlIsSelfContained() {
        QFETCH(SeedState, state);
        const Diagnosis d = diagnose(seedInput(state));
        const QString html = QString::fromUtf8(renderHtmlReport(d));
        QVERIFY(html.contains(d.summary.toHtmlEscaped()));
        for (const Finding& f : d.findings)
            QVERIFY2(html.contains(f.sentence.toHtmlEscaped()), qPrintable(f.id));
        // Nothing is fetched when it is opened: no external picture, style sheet, script or font.
        static const QRegularExpression external(
            QStringLiteral(
                "(src|href)\\s*=\\s*[\"']?(https?:|//)|url\\(\\s*[\"']?(https?:|//)|<script|@import"),
            QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!external.match(html).hasMatch(), qPrintable(external.match(html).captured(0)));
        QVERIFY(!html.contains(kStandinPrefix));
        QVERIFY(!html.contains(kPasswordHash));
        if (state != SeedState::SiteUnreachable)
            QVERIFY(html.contains(QStringLiteral("src=\"data:image/jpeg;base64,")));
    }

    void htmlInHeadlessChromium() {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty())
            AVLD_FIXTURE_MISSING("chromium is not installed (scripts/install-deps.sh installs it)");
        const Diagnosis d = diagnose(seedInput(SeedState::EncoderDown));
        const QString path = m_dir.filePath(QStringLiteral("report.html"));
        QVERIFY(writeReport(d, path).ok());
        const QString url = QUrl::fromLocalFile(path).toString();

        // What the browser makes of the page: the summary is in the rendered document.
        const Run dom = run(chromium, chromiumArguments(m_dir.filePath(QStringLiteral("profile-dom")))
                                          << QStringLiteral("--dump-dom") << url);
        QVERIFY2(dom.exitCode == 0, dom.err.constData());
        QVERIFY(QString::fromUtf8(dom.out).contains(d.summary.toHtmlEscaped()));

        const QString shot = m_dir.filePath(QStringLiteral("report.png"));
        const Run screenshot = run(chromium, chromiumArguments(m_dir.filePath(QStringLiteral("profile-shot")))
                                                 << QStringLiteral("--window-size=1100,1600")
                                                 << QStringLiteral("--screenshot=") + shot << url);
        QVERIFY2(screenshot.exitCode == 0, screenshot.err.constData());
        QVERIFY2(drawnPicture(shot), "the browser drew an empty page");
        keepPicture(shot, QStringLiteral("diagnosis-report-html"));
    }

    void reportNameMustSayTheFormat() {
        const Diagnosis d = diagnose(seedInput(SeedState::EncoderDown));
        const Result<qint64> written = writeReport(d, m_dir.filePath(QStringLiteral("report.txt")));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, QStringLiteral("bad-report-name"));
        const Result<qint64> unwritable = writeReport(d, QStringLiteral("/proc/no-such-dir/report.html"));
        QVERIFY(!unwritable.ok());
        QCOMPARE(unwritable.error().code, QStringLiteral("write-failed"));
    }

    // The uptime charts are SVG in the page: well-formed whatever the encoder's name holds, escaped, and the
    // name's secrets redacted as everywhere else.
    void chartsAreEscapedSvg() {
        Diagnosis d = diagnose(seedInput(SeedState::EncoderDown));
        const QString hostile = QStringLiteral("<script>alert(1)</script> & \"x\" ]]> \x01\x1b[31m");
        d.input.lastDay = {
            daySpan(hostile, d.input.now),
            daySpan(QStringLiteral("site:http://192.0.2.1:8091/") + kStandinPrefix + QLatin1Char('/'),
                    d.input.now)};
        const QString html = QString::fromUtf8(renderHtmlReport(d));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(kStandinPrefix));
        const QStringList texts = chartTexts(html);
        QVERIFY2(!texts.isEmpty() && !texts.first().startsWith(QStringLiteral("not well-formed")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        // XML cannot hold the control characters: they come back as U+FFFD, the rest as it was.
        QString expected = hostile;
        expected.replace(QChar(0x01), QChar(0xfffd)).replace(QChar(0x1b), QChar(0xfffd));
        QVERIFY2(texts.contains(expected), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("75.0 % healthy of 96 probes")));
        for (const QString& t : texts)
            QVERIFY2(!t.contains(kStandinPrefix), qPrintable(t));
    }

    // Without a PDF printer (the headless program), a .pdf is refused before anything is written.
    void pdfRefusedWithoutAPrinter() {
        QVERIFY(!pdfPrinter());
        const QString path = m_dir.filePath(QStringLiteral("refused.pdf"));
        const Status name = checkReportName(path);
        QVERIFY(!name.ok());
        QCOMPARE(name.error().code, QStringLiteral("pdf-unavailable"));
        QVERIFY2(name.error().toString().contains(QStringLiteral("FILE.html")),
                 qPrintable(name.error().toString()));
        const Result<qint64> written = writeReport(diagnose(seedInput(SeedState::EncoderDown)), path);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, QStringLiteral("pdf-unavailable"));
        QVERIFY(!QFile::exists(path));
    }
};

// No QGuiApplication: the HTML report is what the headless program writes.
QTEST_GUILESS_MAIN(TestDiagnosisReport)
#include "tst_diagnosisreport.moc"
