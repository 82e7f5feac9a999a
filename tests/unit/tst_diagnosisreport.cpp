#include "diagnosis/htmlreport.h"
#include "diagnosis/pdfreport.h"
#include "diagnosisfixtures.h"
#include "requirefixture.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::SeedState)

namespace {

// Many pixels that are neither white nor one flat colour: something was drawn.
bool drawn(const QImage& image) {
    if (image.isNull())
        return false;
    int inked = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 4)
        for (int x = 0; x < rgb.width(); x += 4)
            inked += qGray(rgb.pixel(x, y)) < 200;
    return inked > 200;
}

// Kept beside the GUI screenshots ($AVLD_SCREENSHOT_DIR), for a person to look at.
void keepPicture(const QString& path, const QString& name) {
    const QString dir = qEnvironmentVariable("AVLD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString target = QDir(dir).filePath(name + QStringLiteral(".png"));
    QFile::remove(target);
    QFile::copy(path, target);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program, const QStringList& arguments, int timeoutMs = 90'000) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList chromiumArguments(const QString& profileDir) {
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    return {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
            QStringLiteral("--no-first-run"), QStringLiteral("--user-data-dir=") + profileDir};
}

} // namespace

// The report as a reader gets it: the HTML opened in a real browser with no network, the PDF rendered to
// pictures and text by poppler; the summary is there, the pictures are not blank, no secret is anywhere.
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
        const QImage picture(shot);
        QVERIFY2(drawn(picture), "the browser drew an empty page");
        keepPicture(shot, QStringLiteral("diagnosis-report-html"));
    }

    void pdfByQtReadsBack() {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftotext.isEmpty() || pdftoppm.isEmpty())
            AVLD_FIXTURE_MISSING("poppler-utils is not installed (scripts/install-deps.sh installs it)");
        const Diagnosis d = diagnose(seedInput(SeedState::EncoderDown));
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        const Result<qint64> written = writeReport(d, path);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(!bytes.contains(kStandinPrefix.toUtf8()));

        const Run text = run(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        // Words, not layout: the PDF wraps lines where it likes.
        // NFKC: the PDF sets "ffl" and friends as ligatures, which pdftotext returns as one character.
        const QString flat = QString::fromUtf8(text.out).normalized(QString::NormalizationForm_KC).simplified();
        const QString firstWords = d.summary.section(QLatin1Char(' '), 0, 5);
        QVERIFY2(flat.contains(firstWords), qPrintable(firstWords + QStringLiteral(" not in: ") + flat.left(600)));
        QVERIFY(flat.contains(QStringLiteral("encoder-down")));

        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        const Run pictures =
            run(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path, prefix});
        QVERIFY2(pictures.exitCode == 0, pictures.err.constData());
        const QStringList pages =
            QDir(m_dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
        QVERIFY(!pages.isEmpty());
        QVERIFY2(drawn(QImage(m_dir.filePath(pages.first()))), "the first page is blank");
        keepPicture(m_dir.filePath(pages.first()), QStringLiteral("diagnosis-report-pdf"));
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
};

QTEST_MAIN(TestDiagnosisReport)
#include "tst_diagnosisreport.moc"
