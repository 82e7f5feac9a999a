#include "diagnosis/diagnosisrun.h"
#include "diagnosisfindings.h"
#include "encoders/encoderwatch.h"
#include "fakeencoder.h"
#include "freeport.h"
#include "generator/standincontroller.h"
#include "memorysecretstore.h"
#include "mockclock.h"
#include "requirefixture.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"
#include "settings.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

QStringList idsOf(const Diagnosis& d, bool actionableOnly = true) {
    QStringList ids;
    for (const Finding& f : d.findings)
        if (!actionableOnly || f.severity != Severity::Ok)
            ids << f.id;
    return ids;
}

} // namespace

// The diagnosis end to end against the site simulator over HTTP, with real streams (nginx-rtmp, ffmpeg), a
// fake encoder and this tool's own stand-in: the seed states as they arise, the findings, their order and
// actions, and the `diagnose` command's exit codes and report.
class TestDiagnosisRun : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    StreamStack m_stack;
    MockClock m_clock;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;
    QUrl m_playerServer;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("diagnosis-test");
        p.siteUrl = m_site->siteUrl();
        p.statUrl = m_stack.statUrl();
        p.playerServer = m_playerServer;
        return p;
    }

    std::unique_ptr<Settings> settings() const {
        auto s = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        s->set(Setting::LivesRefreshSeconds, 3600);
        s->set(Setting::GeneratorListenAddress, QStringLiteral("127.0.0.1"));
        s->set(Setting::GeneratorPort, int(freeLoopbackPort()));
        return s;
    }

    // Opens the site as an admin and waits until its encoder is watched.
    static void openAsAdmin(SiteWorkspace& site) {
        site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
        QTRY_VERIFY_WITH_TIMEOUT(!site.overview().siteEncoderUrl.isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!site.encoders().snapshots().isEmpty(), 10000);
    }

    static std::optional<Diagnosis> diagnose(SiteWorkspace& site, DiagnosisRun::Options options = {}) {
        DiagnosisRun run(site, options);
        std::optional<Diagnosis> result;
        QStringList steps;
        connect(&run, &DiagnosisRun::stepFinished, &run,
                [&](DiagnosisRun::Step step, const QString& outcome) {
                    steps << DiagnosisRun::stepTitle(step) + QStringLiteral(": ") + outcome;
                });
        connect(&run, &DiagnosisRun::finished, &run, [&](const Diagnosis& d) { result = d; });
        run.start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 150000))
            qWarning().noquote() << "the diagnosis did not end; steps:" << steps.join(QStringLiteral("; "));
        else if (steps.size() != DiagnosisRun::steps().size())
            qWarning().noquote() << "steps:" << steps.join(QStringLiteral("; "));
        return result;
    }

    // A new workspace on the site, signed in as an admin, diagnosed once.
    std::optional<Diagnosis> openAndDiagnose() {
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        openAsAdmin(site);
        return diagnose(site);
    }

    void startStandinAndSwitch(SiteWorkspace& site) {
        site.startStandIn(site.standinDefaults());
        QTRY_VERIFY_WITH_TIMEOUT(site.overview().standInRunning, 15000);
        m_site->setEncoderUrl(site.overview().standInUrl.toString());
        site.session().refresh();
        QTRY_VERIFY_WITH_TIMEOUT(site.siteUsesStandIn(), 30000);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout");
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const QString& key : {QStringLiteral("alice-key"), QStringLiteral("bob-key")})
            if (const Status failed = m_stack.publish({.key = key, .size = QSize(640, 360)}, 20000, 2);
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        m_playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        m_encoder = std::make_unique<FakeEncoder>(
            FakeEncoder::Options{.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES)});
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = m_playerServer;
        options.encoderUrl = m_encoder->url().toString();
        options.clock = &m_clock;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        // As the real 11.7: AVideo caches its own card like a frame (the card after a switch).
        options.avideo11 = true;
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive({.key = QStringLiteral("alice-key"),
                         .user = QStringLiteral("alice"),
                         .title = QStringLiteral("Alice live")});
        m_site->addLive({.key = QStringLiteral("bob-key"),
                         .user = QStringLiteral("bob"),
                         .title = QStringLiteral("Bob live")});
    }

    void init() {
        m_encoder->setMode(FakeEncoder::Mode::Working);
        m_site->setEncoderUrl(m_encoder->url().toString());
        m_site->clearFaults();
        m_site->removePoster(QStringLiteral("alice"));
        m_site->removePoster(QStringLiteral("bob"));
        m_clock.advanceMs(16 * 60 * 1000); // every picture AVideo cached in the last test expired
    }

    // The seed case: the site's encoder is down, the lives show ONLINE cards while their streams have
    // pictures. Critical, the lives first, then the encoder; the action is the stand-in.
    void encoderDown() {
        m_encoder->setMode(FakeEncoder::Mode::Down);
        const std::optional<Diagnosis> d = openAndDiagnose();
        QVERIFY(d);
        const QStringList ids = idsOf(*d);
        QVERIFY2(ids.mid(0, 2) == (QStringList{"live-card", "encoder-down"}), qPrintable(describe(*d)));
        QVERIFY2(ids.contains(QStringLiteral("standin-stopped")), qPrintable(describe(*d)));
        QCOMPARE(d->exitCode(), 2);
        QCOMPARE(d->findings.first().action.kind, FindingAction::Kind::StartStandIn);
        QVERIFY(findingWithId(*d, QStringLiteral("encoder-down"))
                    ->sentence.contains(QStringLiteral("127.0.0.1")));
        QVERIFY(d->site.value < 40);
        QCOMPARE(d->lives.value(QStringLiteral("alice-key")).value, 40);
        QVERIFY(d->summary.contains(QStringLiteral("ONLINE card")));
        // The site's version, from its objects/status.json.php.
        const Finding* siteFinding = findingWithId(*d, QStringLiteral("site-reachable"));
        QVERIFY(siteFinding);
        bool version = false;
        for (const Evidence& e : siteFinding->evidence)
            version |= e.label == QStringLiteral("AVideo version") && e.value == m_site->options().version;
        QVERIFY2(version, qPrintable(describe(*d)));
    }

    // AVideo falls back to the streamers' posters: a warning for the lives, still critical for the encoder.
    void posters() {
        m_encoder->setMode(FakeEncoder::Mode::Down);
        // A streamer's poster: a picture of its own, not a frame of the stream.
        QImage picture(640, 360, QImage::Format_RGB32);
        picture.fill(QColor(0x20, 0x60, 0xa0));
        QByteArray jpeg;
        {
            QBuffer buffer(&jpeg);
            buffer.open(QIODevice::WriteOnly);
            picture.save(&buffer, "JPEG");
        }
        m_site->setPoster(QStringLiteral("alice"), jpeg);
        m_site->setPoster(QStringLiteral("bob"), jpeg);
        const std::optional<Diagnosis> d = openAndDiagnose();
        QVERIFY(d);
        const QStringList ids = idsOf(*d);
        QVERIFY2(ids.mid(0, 2) == (QStringList{"encoder-down", "live-poster"}), qPrintable(describe(*d)));
        QCOMPARE(findingWithId(*d, QStringLiteral("live-poster"))->severity, Severity::Warning);
    }

    // The stand-in serves the site: nothing critical, the generator's finding says so, and the JSON carries
    // no secret prefix.
    void standinServing() {
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        openAsAdmin(site);
        startStandinAndSwitch(site);
        m_clock.advanceMs(16 * 60 * 1000);
        const std::optional<Diagnosis> d = diagnose(site);
        QVERIFY(d);
        QVERIFY2(d->findingsOf(Severity::Critical).isEmpty(), qPrintable(describe(*d)));
        const Finding* generator = findingWithId(*d, QStringLiteral("standin-serving"));
        QVERIFY2(generator, qPrintable(describe(*d)));
        QCOMPARE(generator->severity, Severity::Ok);
        QVERIFY(findingWithId(*d, QStringLiteral("lives-real")));
        const QByteArray json = QJsonDocument(d->toJson()).toJson();
        QVERIFY(!json.contains(site.standIn().config().pathPrefix.toUtf8()));
    }

    // Switched to the stand-in, but AVideo still serves the ONLINE cards it cached: the caches are the
    // finding, with the clear as its action; clearing it makes the lives real.
    void cardAfterASwitch() {
        m_encoder->setMode(FakeEncoder::Mode::Down);
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        openAsAdmin(site);
        // The first check made AVideo cache its card for the lives (5 minutes, by the simulator's clock).
        QTRY_VERIFY_WITH_TIMEOUT(site.session().lastReport().has_value(), 60000);
        startStandinAndSwitch(site);
        std::optional<Diagnosis> d = diagnose(site);
        QVERIFY(d);
        QVERIFY2(idsOf(*d).contains(QStringLiteral("cached-cards")), qPrintable(describe(*d)));
        QVERIFY(!idsOf(*d).contains(QStringLiteral("encoder-down")));
        QCOMPARE(findingWithId(*d, QStringLiteral("cached-cards"))->action.kind,
                 FindingAction::Kind::ClearCaches);

        site.session().clearCaches(CacheClearMode::Full);
        QTRY_VERIFY_WITH_TIMEOUT(site.lastCacheClear().has_value(), 60000);
        QVERIFY(site.lastCacheClear()->ok);
        d = diagnose(site);
        QVERIFY(d);
        QVERIFY2(!idsOf(*d).contains(QStringLiteral("cached-cards")), qPrintable(describe(*d)));
        QVERIFY2(findingWithId(*d, QStringLiteral("lives-real")), qPrintable(describe(*d)));
        QVERIFY(findingWithId(*d, QStringLiteral("caches-fine"))
                    ->evidence.first()
                    .value.contains(QStringLiteral("another picture")));
    }

    // This computer cannot reach the media server (the site can): the lives are not blamed on the stream.
    void mediaServerUnreachable() {
        const QUrl real = m_playerServer;
        m_playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(freeLoopbackPort()));
        const std::optional<Diagnosis> d = openAndDiagnose();
        m_playerServer = real;
        QVERIFY(d);
        QVERIFY2(idsOf(*d).contains(QStringLiteral("media-server-unreachable")), qPrintable(describe(*d)));
        QVERIFY2(!idsOf(*d).contains(QStringLiteral("stream-broken")), qPrintable(describe(*d)));
        QVERIFY2(!idsOf(*d).contains(QStringLiteral("live-card")), qPrintable(describe(*d)));
    }

    // Signed in with upload rights, the tool reads the encoder's own status page as the site does (POSTed
    // account, §2.5): its version, queue and memory are evidence of the encoder finding.
    void readsTheEncodersOwnStatusPage() {
        const int before = m_encoder->requestCount(QStringLiteral("serverStatus"));
        const std::optional<Diagnosis> d = openAndDiagnose();
        QVERIFY(d);
        QVERIFY(m_encoder->requestCount(QStringLiteral("serverStatus")) > before);
        const QList<Finding> encoder = d->findingsIn(CheckArea::Encoder);
        QVERIFY(!encoder.isEmpty());
        QString said;
        for (const Evidence& e : encoder.first().evidence)
            if (e.label == QStringLiteral("its own status page says"))
                said = e.value;
        QVERIFY2(said.contains(QStringLiteral("version 8.1")) &&
                     said.contains(QStringLiteral("8.0 GiB memory")),
                 qPrintable(describe(*d)));
        const QByteArray json = QJsonDocument(d->toJson()).toJson();
        QVERIFY2(!json.contains("admin123"), "the password got into the diagnosis");
    }

    // A stream the media server receives and the site does not list.
    void ghostLive() {
        if (const Status failed =
                m_stack.publish({.key = QStringLiteral("ghost-key"), .size = QSize(320, 180)}, 20000, 1);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        const std::optional<Diagnosis> d = openAndDiagnose();
        m_stack.stopPublisher(QStringLiteral("ghost-key"));
        QVERIFY(d);
        const Finding* ghost = findingWithId(*d, QStringLiteral("ghost-live"));
        QVERIFY2(ghost, qPrintable(describe(*d)));
        QVERIFY(ghost->sentence.contains(QStringLiteral("ghost-key")));
    }

    // Cancel ends the run at once with what was gathered, and says so.
    void cancelEndsAtOnce() {
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        openAsAdmin(site);
        DiagnosisRun run(site, {});
        std::optional<Diagnosis> result;
        connect(&run, &DiagnosisRun::finished, &run, [&](const Diagnosis& d) { result = d; });
        run.start();
        QVERIFY(run.isRunning());
        run.cancel();
        QVERIFY(result.has_value());
        QVERIFY(result->cancelled);
        QVERIFY(!run.isRunning());
    }

    // The command: Nagios exit code, the text, JSON, and a report file.
    void diagnoseCommand() {
        m_encoder->setMode(FakeEncoder::Mode::Down);
        const QString report = m_dir.filePath(QStringLiteral("report.html"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AVLD_PASSWORD"), QStringLiteral("admin123"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data-cli")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(AVLD_PROGRAM),
                      {QStringLiteral("diagnose"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                       QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--stat"),
                       m_stack.statUrl().toString(), QStringLiteral("--player-server"),
                       m_playerServer.toString(), QStringLiteral("--report"), report,
                       QStringLiteral("--json")});
        QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 180000));
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 2);
        const QJsonDocument json = QJsonDocument::fromJson(out);
        QVERIFY2(json.isObject(), out.constData());
        QCOMPARE(json[QStringLiteral("status")].toString(), QStringLiteral("CRITICAL"));
        QStringList ids;
        for (const QJsonValue& f : json[QStringLiteral("findings")].toArray())
            ids << f[QStringLiteral("id")].toString();
        QVERIFY2(ids.mid(0, 2) == (QStringList{"live-card", "encoder-down"}),
                 qPrintable(ids.join(u' ') + err));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains(json[QStringLiteral("summary")].toString().toHtmlEscaped().toUtf8()));
        QVERIFY(html.contains("data:image/jpeg;base64,"));
    }

    // The shift report from the history the command keeps: no network, the site's encoder down all along.
    void diagnoseCommandWritesAShiftReport() {
        const QString report = m_dir.filePath(QStringLiteral("shift.html"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"),
                   m_dir.filePath(QStringLiteral("data-cli"))); // diagnoseCommand's
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(AVLD_PROGRAM),
                      {QStringLiteral("diagnose"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                       QStringLiteral("--shift"), QStringLiteral("2"), QStringLiteral("--report"), report});
        QVERIFY(process.waitForFinished(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, qPrintable(out + process.readAllStandardError()));
        QVERIFY2(out.contains(QStringLiteral("was up 0.0 % of the shift")), qPrintable(out));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("data:image/svg+xml;base64,")); // the uptime chart

        QProcess noReport;
        noReport.start(QStringLiteral(AVLD_PROGRAM),
                       {QStringLiteral("diagnose"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                        QStringLiteral("--shift"), QStringLiteral("8")});
        QVERIFY(noReport.waitForFinished(30000));
        QCOMPARE(noReport.exitCode(), 3);
        QVERIFY(noReport.readAllStandardError().contains("--report"));
    }

    void diagnoseCommandRefusesABadReportName() {
        QProcess process;
        process.start(QStringLiteral(AVLD_PROGRAM),
                      {QStringLiteral("diagnose"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                       QStringLiteral("--report"), m_dir.filePath(QStringLiteral("report.docx"))});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(process.readAllStandardError().contains("FILE.html or FILE.pdf"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisRun)
#include "tst_diagnosisrun.moc"
