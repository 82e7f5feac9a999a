#include "encoders/encoderhistory.h"
#include "encoders/encoderwatch.h"
#include "fakeencoder.h"
#include "freeport.h"
#include "generator/standincontroller.h"
#include "generator/standinurl.h"
#include "memorysecretstore.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"
#include "settings.h"
#include "sitesimulator.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The core of one site, without a window, against the site simulator over HTTP: it follows the site's
// encoder as the admin changes it, notices the switch to its own stand-in, and keeps the stand-in's address
// for the site across restarts — what the window and the headless commands build on.
class TestSiteWorkspace : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("workspace-test");
        p.siteUrl = m_site->siteUrl();
        return p;
    }

    std::unique_ptr<Settings> settings() const {
        auto s = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        s->set(Setting::LivesRefreshSeconds, 3600); // checks only when the test asks
        s->set(Setting::GeneratorListenAddress, QStringLiteral("127.0.0.1"));
        s->set(Setting::GeneratorPort, int(freeLoopbackPort()));
        return s;
    }

    static bool watches(SiteWorkspace& site, const QUrl& url) {
        for (const EncoderSnapshot& snapshot : site.encoders().snapshots())
            if (snapshot.target.url == url && snapshot.target.origin == EncoderOrigin::SiteConfigured)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8()); // the encoder history
        QStandardPaths::setTestModeEnabled(true);
        m_encoder = std::make_unique<FakeEncoder>(FakeEncoder::Options{});
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.encoderUrl = m_encoder->url().toString();
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
    }

    // Opened as an admin, the site's encoder is learnt and watched; changed behind the tool's back, the
    // next check follows it and the old one is no longer watched as the site's.
    void followsTheSitesEncoder() {
        m_site->setEncoderUrl(m_encoder->url().toString());
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        QStringList happened;
        connect(&site, &SiteWorkspace::happened, this, [&](const QString& line) { happened << line; });
        site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
        QTRY_COMPARE_WITH_TIMEOUT(site.overview().siteEncoderUrl, m_encoder->url(), 15000);
        // The watch's snapshots come from its worker thread, a few times a second.
        QTRY_VERIFY_WITH_TIMEOUT(watches(site, m_encoder->url()), 5000);

        const QUrl other(QStringLiteral("http://127.0.0.1:9/other/"));
        m_site->setEncoderUrl(other.toString());
        site.session().refresh();
        QTRY_COMPARE_WITH_TIMEOUT(site.overview().siteEncoderUrl, other, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(watches(site, other), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!watches(site, m_encoder->url()), 5000);
        QVERIFY2(happened.filter(QStringLiteral("Encoder URL changed to")).size() == 1,
                 qPrintable(happened.join(QLatin1Char('\n'))));
        QVERIFY(!site.siteUsesStandIn());
    }

    // Earlier versions kept the window's history under the profile's generated id, apart from what
    // `diagnose` and `encoders --site` kept for the same site: the watch takes the old file in, once.
    void takesInTheHistoryAnOlderVersionKept() {
        const QStringList older = SiteWorkspace::olderHistoryPaths(profile());
        QCOMPARE(older.size(), 1);
        QVERIFY(older.first() != SiteWorkspace::historyPath(profile()));
        QVERIFY(SiteWorkspace::historyPath(profile()).contains(SiteProfile::siteKey(m_site->siteUrl())));
        const QDateTime probedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        {
            EncoderHistory old(older.first(), Clock::system());
            QVERIFY(old.open().ok());
            QVERIFY(old.append(ProbeRecord{.encoderId = QStringLiteral("site:older"),
                                           .at = probedAt,
                                           .health = ProbeHealth::Healthy})
                        .ok());
        }
        {
            m_site->setEncoderUrl(m_encoder->url().toString());
            auto s = settings();
            SiteWorkspace site(*s, profile(), m_secrets);
            site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
            QTRY_VERIFY_WITH_TIMEOUT(watches(site, m_encoder->url()), 15000);
            QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(older.first()), 5000);
        }
        EncoderHistory merged(SiteWorkspace::historyPath(profile()), Clock::system());
        QVERIFY(merged.open().ok());
        QCOMPARE(merged.records(QStringLiteral("site:older"), probedAt, probedAt).size(), 1);
    }

    // The admin points the site at the running stand-in: the core notices, once, and says when.
    void noticesTheSwitchToItsStandIn() {
        m_site->setEncoderUrl(m_encoder->url().toString());
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        QSignalSpy switched(&site, &SiteWorkspace::switchedToStandIn);
        site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
        QTRY_COMPARE_WITH_TIMEOUT(site.overview().siteEncoderUrl, m_encoder->url(), 15000);

        QSignalSpy started(&site.standIn(), &StandInController::started);
        site.startStandIn(site.standinDefaults());
        QVERIFY(started.wait(15000));
        QVERIFY(site.overview().standInRunning);
        const QUrl standIn = site.overview().standInUrl;
        QVERIFY(StandinUrl::pointsAtStandin(standIn, site.standIn().config().port,
                                            site.standIn().config().pathPrefix));

        m_site->setEncoderUrl(standIn.toString());
        site.session().refresh();
        QVERIFY(switched.wait(15000));
        QVERIFY(site.siteUsesStandIn());
        QVERIFY(site.switchedToStandInAt().isValid());
        site.session().refresh(); // read again, unchanged: not a second switch
        QTest::qWait(1500);
        QCOMPARE(switched.count(), 1);
        m_site->setEncoderUrl(m_encoder->url().toString());
    }

    // "I changed it — check now" holds when the site does not answer at once: a session the site dropped is
    // renewed with the hash of the sign-in, and a form saved a few seconds late is still seen.
    void checkNowSeesTheSwitchDespiteADroppedSessionOrALateSave_data() {
        QTest::addColumn<bool>("dropSession");
        QTest::addColumn<int>("savedAfterMs");
        QTest::newRow("the site dropped our session") << true << 0;
        QTest::newRow("the form saved 4 s later") << false << 4000;
    }
    void checkNowSeesTheSwitchDespiteADroppedSessionOrALateSave() {
        QFETCH(bool, dropSession);
        QFETCH(int, savedAfterMs);
        m_site->setEncoderUrl(m_encoder->url().toString());
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        QSignalSpy switched(&site, &SiteWorkspace::switchedToStandIn);
        QStringList happened;
        connect(&site, &SiteWorkspace::happened, this, [&](const QString& line) { happened << line; });
        site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
        QTRY_COMPARE_WITH_TIMEOUT(site.overview().siteEncoderUrl, m_encoder->url(), 15000);
        QSignalSpy started(&site.standIn(), &StandInController::started);
        site.startStandIn(site.standinDefaults());
        QVERIFY(started.wait(15000));
        const QUrl standIn = site.overview().standInUrl;

        if (dropSession)
            m_site->dropSessions();
        if (savedAfterMs > 0)
            QTimer::singleShot(savedAfterMs, this, [&] { m_site->setEncoderUrl(standIn.toString()); });
        else
            m_site->setEncoderUrl(standIn.toString());
        site.session().rereadEncoderUrl();
        QVERIFY2(switched.wait(15000), qPrintable(happened.join(QLatin1Char('\n'))));
        QVERIFY(site.siteUsesStandIn());
        QTRY_VERIFY(!site.session().isRereadingEncoderUrl());
        QVERIFY2(happened.filter(QStringLiteral("could not be read")).isEmpty(),
                 qPrintable(happened.join(QLatin1Char('\n'))));
        m_site->setEncoderUrl(m_encoder->url().toString());
    }

    // Unchanged for a minute after "check now": the admin is told (a form not saved), once.
    void checkNowSaysWhenTheUrlStaysTheSame() {
        m_site->setEncoderUrl(m_encoder->url().toString());
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        QStringList happened;
        connect(&site, &SiteWorkspace::happened, this, [&](const QString& line) { happened << line; });
        std::optional<bool> changed;
        connect(&site.session(), &SiteSession::encoderUrlReread, this,
                [&](const Result<QUrl>&, bool urlChanged) { changed = urlChanged; });
        site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
        QTRY_COMPARE_WITH_TIMEOUT(site.overview().siteEncoderUrl, m_encoder->url(), 15000);
        site.session().rereadEncoderUrl();
        QVERIFY(site.session().isRereadingEncoderUrl());
        QTRY_VERIFY_WITH_TIMEOUT(changed.has_value(), 75000);
        QCOMPARE(*changed, false);
        QCOMPARE(happened.filter(QStringLiteral("still names")).size(), 1);
    }

    // The stand-in's secret and port are made once for the site and kept: a second start of the app (a new
    // workspace on the same storage) offers the same Encoder URL.
    void keepsTheStandinsAddressAcrossRestarts() {
        QSettings storage(m_dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        const QString files = m_dir.filePath(QStringLiteral("standin"));
        QString firstPrefix;
        {
            auto s = settings();
            SiteWorkspace site(*s, profile(), m_secrets);
            QSignalSpy defaults(&site, &SiteWorkspace::standinDefaultsChanged);
            site.keepStandinIn(storage, files);
            QVERIFY(defaults.count() > 0 || defaults.wait(5000));
            firstPrefix = site.standinDefaults().pathPrefix;
            QVERIFY(!site.standinKeptIn().isEmpty());
        }
        auto s = settings();
        SiteWorkspace again(*s, profile(), m_secrets);
        const QString unkept = again.standinDefaults().pathPrefix; // a fresh one until the kept is read
        QSignalSpy defaults(&again, &SiteWorkspace::standinDefaultsChanged);
        again.keepStandinIn(storage, files);
        QVERIFY(defaults.count() > 0 || defaults.wait(5000));
        QCOMPARE(again.standinDefaults().pathPrefix, firstPrefix);
        QVERIFY(unkept != firstPrefix);
    }

    // A wrong password is said once, in words, and is not mistaken for "no kept sign-in".
    void wrongPasswordIsSaid() {
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        QSignalSpy failed(&site, &SiteWorkspace::signInFailed);
        QSignalSpy needed(&site, &SiteWorkspace::passwordNeeded);
        QSignalSpy notice(&site, &SiteWorkspace::notice);
        site.open(QStringLiteral("admin"), QStringLiteral("not-the-password"));
        QVERIFY(failed.wait(15000));
        QCOMPARE(needed.count(), 0);
        QCOMPARE(notice.count(), 1);
        QCOMPARE(notice.first().at(0).toString(), QStringLiteral("Not signed in"));
    }
};

QTEST_GUILESS_MAIN(TestSiteWorkspace)
#include "tst_siteworkspace.moc"
