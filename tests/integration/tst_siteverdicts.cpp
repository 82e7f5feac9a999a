#include "fakeencoder.h"
#include "freeport.h"
#include "media/framegrabber.h"
#include "mockclock.h"
#include "requirefixture.h"
#include "site/posterevidence.h"
#include "site/sitecheck.h"
#include "siteposters.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QBuffer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kGetImage = QStringLiteral("plugin/Live/getImage.php");

// A streamer's poster as AVideo keeps it: a 640x360 JPEG, nothing like the stream (testsrc2).
QByteArray posterJpeg() {
    QImage image(640, 360, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 640, 360);
    gradient.setColorAt(0, QColor(0x20, 0x30, 0x60));
    gradient.setColorAt(1, QColor(0xa0, 0x40, 0x80));
    p.fillRect(image.rect(), gradient);
    p.setBrush(QColor(0xf0, 0xc0, 0x30));
    p.drawEllipse(QPoint(480, 120), 70, 70);
    p.fillRect(60, 220, 300, 80, Qt::white);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

// `check`'s verdicts against the simulated site fed by real nginx-rtmp streams: a failing getImage.php, the
// streamer's poster served instead of a frame, no live running, titles as AVideo 11.7 decorates them.
class TestSiteVerdicts : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    MockClock m_clock;
    std::unique_ptr<SiteSimulator> m_site;
    QNetworkAccessManager m_network;

    QUrl playerServer() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
    }

    SiteProfile profile(const SiteSimulator& site) const {
        SiteProfile p;
        p.id = QStringLiteral("verdicts");
        p.siteUrl = site.siteUrl();
        p.statUrl = m_stack.statUrl();
        p.playerServer = playerServer();
        return p;
    }

    SiteCheckReport runCheck(const SiteSimulator& site, bool grab = true, int timeoutMs = 10000) {
        SiteClient client(m_network, profile(site), m_clock);
        client.requester().setTimeoutMs(timeoutMs);
        FrameGrabber grabber(m_network);
        SiteCheckOptions options;
        options.grabStreams = grab;
        SiteCheck check(client, grabber, options);
        std::optional<SiteCheckReport> report;
        check.run([&](SiteCheckReport r) { report = std::move(r); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000); }();
        return report.value_or(SiteCheckReport{});
    }

    static const LiveEntry* find(const SiteCheckReport& report, const QString& key) {
        for (const LiveEntry& e : report.lives)
            if (e.key == key)
                return &e;
        return nullptr;
    }

    // The program, with this thread's event loop running (the simulator answers it from here).
    Run runProgram(const QStringList& arguments, int timeoutMs = 60000) {
        QProcess process;
        process.start(QStringLiteral(AVLD_PROGRAM), arguments);
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QStringList checkArguments(const SiteSimulator& site) const {
        return {QStringLiteral("check"),  QStringLiteral("--site"),     site.siteUrl().toString(),
                QStringLiteral("--stat"), m_stack.statUrl().toString(), QStringLiteral("--player-server"),
                playerServer().toString()};
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg"))) {
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout: AVideo's cards "
                                 "cannot be recognised");
        }
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const QString& key : {QStringLiteral("alice-key"), QStringLiteral("eve-key")}) {
            if (const Status failed = m_stack.publish({.key = key, .size = QSize(640, 360)}, 20000, 2);
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        }
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = playerServer();
        // The encoder is down (nothing listens there): AVideo falls back to the card, or the poster.
        options.encoderUrl = QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort());
        options.clock = &m_clock;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        options.zwnjTitles = true; // as the real 11.7 sends them
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive({.key = QStringLiteral("alice-key"),
                         .user = QStringLiteral("alice"),
                         .title = QStringLiteral("Alice live")});
    }

    void init() {
        m_site->clearFaults();
        m_site->removePoster(QStringLiteral("alice"));
        m_site->removeLive(QStringLiteral("eve-key"));
        m_clock.advanceMs(16 * 60 * 1000); // every cached thumbnail of the last test expired
    }

    void getImageAnswersNoPicture_data() {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("says");
        QTest::newRow("HTTP 500") << int(SiteSimulator::Fault::HtmlErrorPage)
                                  << QStringLiteral("Alice live: the site's getImage.php answered HTTP 500: "
                                                    "visitors see a broken image (an HTML page");
        QTest::newRow("empty body") << int(SiteSimulator::Fault::EmptyImage)
                                    << QStringLiteral(
                                           "Alice live: the site's getImage.php answered HTTP 200: "
                                           "visitors see a broken image (an empty body)");
        QTest::newRow("HTML instead of an image")
            << int(SiteSimulator::Fault::HtmlLoginPage) << QStringLiteral("saying \"Login - AVideo\"");
    }

    void getImageAnswersNoPicture() {
        QFETCH(int, fault);
        QFETCH(QString, says);
        m_site->setFault(kGetImage, SiteSimulator::Fault(fault));
        const SiteCheckReport report = runCheck(*m_site);
        const LiveEntry* alice = find(report, QStringLiteral("alice-key"));
        QVERIFY(alice && alice->siteThumbnail);
        QCOMPARE(alice->siteThumbnail->cls, ThumbnailClass::NotAnImage);
        QCOMPARE(alice->assess().problem, LiveProblem::ThumbnailBroken);
        QCOMPARE(report.overall(), Severity::Critical);
        const QString findings = report.findings().join(u'\n');
        QVERIFY2(findings.contains(says), qPrintable(findings));
        QVERIFY(!findings.contains(QStringLiteral("real frame")));
    }

    // Not fetched for a network reason: said so, never OK.
    void thumbnailNotFetchedIsNotOk() {
        m_site->setFault(kGetImage, SiteSimulator::Fault::Hang);
        const SiteCheckReport report = runCheck(*m_site, false, 1500);
        const LiveEntry* alice = find(report, QStringLiteral("alice-key"));
        QVERIFY(alice && alice->siteThumbnail);
        QCOMPARE(alice->siteThumbnail->cls, ThumbnailClass::FetchFailed);
        QCOMPARE(report.overall(), Severity::Warning);
        const QString findings = report.findings().join(u'\n');
        QVERIFY2(findings.contains(
                     QStringLiteral("Alice live: this computer could not fetch the site's thumbnail")),
                 qPrintable(findings));
    }

    // The poster file is byte for byte what getImage.php serves.
    void posterByItsBytes() {
        const QByteArray poster = posterJpeg();
        m_site->setPoster(QStringLiteral("alice"), poster);
        const SiteCheckReport report = runCheck(*m_site);
        const LiveEntry* alice = find(report, QStringLiteral("alice-key"));
        QVERIFY(alice && alice->siteThumbnail && alice->ourGrab && alice->ourGrab->ok());
        QCOMPARE(alice->siteThumbnail->bytes, poster.size());
        QVERIFY2(alice->siteThumbnail->cls == ThumbnailClass::StaticPoster,
                 qPrintable(alice->siteThumbnail->detail));
        QVERIFY2(alice->siteThumbnail->detail.contains(QStringLiteral("byte for byte the streamer's poster")),
                 qPrintable(alice->siteThumbnail->detail));
        QCOMPARE(alice->assess().problem, LiveProblem::EncoderNotProducing);
        QCOMPARE(report.overall(), Severity::Critical);
        QVERIFY(report.findings().join(u'\n').contains(QStringLiteral(
            "Alice live: the site shows a static poster, not a live frame — the encoder is not "
            "producing thumbnails (AVideo falls back to the streamer's poster)")));
    }

    // Where the poster file cannot be read, the same still file for jpg and webp proves it.
    void posterByTheSameStillForEveryFormat() {
        m_site->setPoster(QStringLiteral("alice"), posterJpeg());
        const SimulatedUser* alice = m_site->accounts().byName(QStringLiteral("alice"));
        QVERIFY(alice);
        m_site->setFault(SitePosters::path(alice->id, 0), SiteSimulator::Fault::HtmlErrorPage);
        const SiteCheckReport report = runCheck(*m_site);
        const LiveEntry* entry = find(report, QStringLiteral("alice-key"));
        QVERIFY(entry && entry->siteThumbnail);
        QVERIFY2(entry->siteThumbnail->cls == ThumbnailClass::StaticPoster,
                 qPrintable(entry->siteThumbnail->detail));
        QVERIFY2(entry->siteThumbnail->detail.contains(QStringLiteral("same still file for jpg and webp")),
                 qPrintable(entry->siteThumbnail->detail));
        // Our frame of the stream was compared: the poster is far from it.
        const QRegularExpressionMatch bits =
            QRegularExpression(QStringLiteral("; (\\d+) of 64 bits")).match(entry->siteThumbnail->detail);
        QVERIFY2(bits.hasMatch(), qPrintable(entry->siteThumbnail->detail));
        qInfo("poster vs our frame: %s of 64 bits", qPrintable(bits.captured(1)));
        QVERIFY(bits.captured(1).toInt() > PosterEvidence::kNearOurFrameMaxDistance);
        QCOMPARE(report.overall(), Severity::Critical);
    }

    // A working encoder's frames stay real frames, poster uploaded or not.
    void realFramesStayReal() {
        FakeEncoder::Options options;
        options.mode = FakeEncoder::Mode::Working;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        FakeEncoder encoder(options);
        QVERIFY(encoder.listen());
        const QString downEncoder = m_site->encoderUrl();
        m_site->setEncoderUrl(encoder.url().toString());
        auto restore = qScopeGuard([&] { m_site->setEncoderUrl(downEncoder); });
        m_site->setPoster(QStringLiteral("alice"), posterJpeg());

        SiteCheckReport report;
        // The encoder's first answer to a new stream is its placeholder (§1.5), which AVideo does not cache.
        QVERIFY(QTest::qWaitFor(
            [&] {
                report = runCheck(*m_site);
                const LiveEntry* alice = find(report, QStringLiteral("alice-key"));
                return alice && alice->siteThumbnail &&
                       alice->siteThumbnail->cls != ThumbnailClass::EncoderPlaceholder &&
                       alice->siteThumbnail->cls != ThumbnailClass::EncoderNotFound;
            },
            30000));
        const LiveEntry* alice = find(report, QStringLiteral("alice-key"));
        QVERIFY2(alice->siteThumbnail->cls == ThumbnailClass::RealFrame,
                 qPrintable(thumbnailClassName(alice->siteThumbnail->cls) + QStringLiteral(": ") +
                            alice->siteThumbnail->detail));
        QCOMPARE(alice->assess().severity, Severity::Ok);
        // The other stream of the stack publishes without being listed (a ghost live): only that is said.
        const QString findings = report.findings().join(u'\n');
        QVERIFY2(!findings.contains(QStringLiteral("Alice live")), qPrintable(findings));
    }

    // A site where nobody streams and its media server receives nothing: nothing to check, and OK.
    void noLiveRunning() {
        SiteSimulator::Options options;
        options.clock = &m_clock;
        SiteSimulator quiet(options);
        QVERIFY(quiet.listen());
        SiteProfile p;
        p.id = QStringLiteral("quiet");
        p.siteUrl = quiet.siteUrl();
        SiteClient client(m_network, p, m_clock);
        FrameGrabber grabber(m_network);
        SiteCheck check(client, grabber);
        std::optional<SiteCheckReport> report;
        check.run([&](SiteCheckReport r) { report = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 30000);
        QCOMPARE(report->lives.size(), 0);
        QCOMPARE(report->findings(),
                 QStringList{QStringLiteral("OK: no live is running: there is nothing to check")});
        QCOMPARE(report->overall(), Severity::Ok);

        const Run run =
            runProgram({QStringLiteral("check"), QStringLiteral("--site"), quiet.siteUrl().toString()});
        QVERIFY2(run.out.contains(QStringLiteral("OK: no live is running: there is nothing to check")),
                 qPrintable(run.out + run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("real frame")), qPrintable(run.out));
        QCOMPARE(run.exitCode, 0);
    }

    void titlesAreCleanedAndFit() {
        m_site->addLive(
            {.key = QStringLiteral("eve-key"),
             .user = QStringLiteral("eve"),
             // <tt> made Qt's HTML reader crash a process without a QGuiApplication (the `check` below).
             .title = QStringLiteral("\x1b]0;pwned\x07\x1b[2J\x1b[31mEve's <b>very</b> <tt>long</tt> title "
                                     "that goes on &amp; on\u202E and on")});
        const SiteCheckReport report = runCheck(*m_site, false);
        const LiveEntry* alice = find(report, QStringLiteral("alice-key"));
        const LiveEntry* eve = find(report, QStringLiteral("eve-key"));
        QVERIFY(alice && alice->site && eve && eve->site);
        QCOMPARE(alice->site->title, QStringLiteral("Alice live")); // no leading U+200C
        QCOMPARE(eve->site->title, QStringLiteral("Eve's very long title that goes on & on and on"));

        const Run run = runProgram(checkArguments(*m_site) << QStringLiteral("--no-grab"));
        qInfo().noquote() << "check printed:\n" + run.out;
        QVERIFY2(!run.out.contains(QChar(0x1b)) && !run.out.contains(QChar(0x200c)) &&
                     !run.out.contains(QChar(0x07)) && !run.out.contains(QChar(0x202e)),
                 qPrintable(run.out));
        // The rows' columns line up: "site:" at the same place, the long title elided.
        qsizetype column = -1;
        int rows = 0;
        for (const QString& line : run.out.split(u'\n')) {
            if (!line.startsWith(QStringLiteral("  ")) || !line.contains(QStringLiteral(" site: ")))
                continue;
            ++rows;
            const qsizetype at = line.indexOf(QStringLiteral(" site: "));
            QVERIFY2(column < 0 || at == column, qPrintable(run.out));
            column = at;
        }
        QCOMPARE(rows, 2);
        QVERIFY2(run.out.contains(QStringLiteral("Eve's very long title that…")), qPrintable(run.out));
    }

    // Nagios exit codes and the words an admin reads.
    void checkCommandSaysWhatHolds() {
        m_site->setFault(kGetImage, SiteSimulator::Fault::HtmlErrorPage);
        Run run = runProgram(checkArguments(*m_site));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.startsWith(QStringLiteral("CRITICAL - ")), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QStringLiteral("Alice live: the site's getImage.php answered HTTP 500: visitors "
                                            "see a broken image")),
            qPrintable(run.out));
        QVERIFY(!run.out.contains(QStringLiteral("every thumbnail is a real frame")));

        m_site->clearFaults();
        m_clock.advanceMs(16 * 60 * 1000);
        m_site->setPoster(QStringLiteral("alice"), posterJpeg());
        run = runProgram(checkArguments(*m_site));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.contains(QStringLiteral("static poster")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("the site shows a static poster, not a live frame")),
                 qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestSiteVerdicts)
#include "tst_siteverdicts.moc"
