#include "diagnosis/sitefinding.h"
#include "fakeencoder.h"
#include "memorysecretstore.h"
#include "requirefixture.h"
#include "scriptedhttpserver.h"
#include "session/sitesession.h"
#include "settings.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The app's session against the site simulator, real streams and a fake encoder: the seed case (encoder
// down, ONLINE cards) is seen, explained, and goes away once the site's encoder works.
class TestSiteSession : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("session-test");
        p.siteUrl = m_site->siteUrl();
        p.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        p.statUrl = m_stack.statUrl();
        return p;
    }

    static SiteCheckReport waitForReport(SiteSession& session) {
        QSignalSpy ready(&session, &SiteSession::reportReady);
        session.refresh();
        if (!ready.wait(30000))
            return {};
        return ready.takeFirst().at(0).value<SiteCheckReport>();
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING("the shared reference images (AVideo's cards) are not beside the project");
        qRegisterMetaType<SiteCheckReport>();
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const char* key : {"s1", "s2"})
            if (const Status failed = m_stack.publish({.key = QString::fromLatin1(key)}); !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        FakeEncoder::Options encoder;
        encoder.mode = FakeEncoder::Mode::Down;
        m_encoder = std::make_unique<FakeEncoder>(encoder);
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_encoder->url().toString();
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES); // AVideo's real cards
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive(
            {.key = QStringLiteral("s1"), .user = QStringLiteral("alice"), .title = QStringLiteral("One")});
        m_site->addLive(
            {.key = QStringLiteral("s2"), .user = QStringLiteral("bob"), .title = QStringLiteral("Two")});
    }

    void cleanupTestCase() {
        m_site.reset();
        m_stack.stop();
    }

    void signInLearnsTheEncoderUrl() {
        SiteSession session(profile(), m_secrets);
        QSignalSpy signedIn(&session, &SiteSession::signedIn);
        QSignalSpy encoder(&session, &SiteSession::encoderUrlChanged);
        session.signIn(QStringLiteral("admin"), QStringLiteral("admin123"));
        QVERIFY(signedIn.wait(15000));
        QVERIFY(session.login()->isAdmin);
        QVERIFY(encoder.count() > 0 || encoder.wait(15000));
        QCOMPARE(session.encoderUrl(), m_encoder->url());

        // The hash was kept: a second session signs in without a password.
        SiteSession again(profile(), m_secrets);
        QSignalSpy signedInAgain(&again, &SiteSession::signedIn);
        again.signIn(QStringLiteral("admin"), std::nullopt);
        QVERIFY(signedInAgain.wait(15000));
    }

    // The admin changes the Encoder URL behind the tool's back: the next check (or "Check now") follows it.
    void followsTheSitesEncoderUrl() {
        SiteSession session(profile(), m_secrets);
        QSignalSpy signedIn(&session, &SiteSession::signedIn);
        QSignalSpy encoder(&session, &SiteSession::encoderUrlChanged);
        session.signIn(QStringLiteral("admin"), QStringLiteral("admin123"));
        QVERIFY(signedIn.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(session.encoderUrl(), m_encoder->url(), 15000);

        const QUrl standIn(QStringLiteral("http://127.0.0.1:8099/0123456789abcdef0123456789abcdef/"));
        m_site->setEncoderUrl(standIn.toString());
        encoder.clear();
        session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(session.encoderUrl(), standIn, 15000);
        QCOMPARE(encoder.count(), 1);
        QCOMPARE(encoder.first().first().toUrl(), standIn);

        m_site->setEncoderUrl(m_encoder->url().toString()); // as the other cases expect it
        session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(session.encoderUrl(), m_encoder->url(), 15000);
    }

    // The settings an admin edits reach the session at once: User-Agent on every site request, the grab
    // timeout and the refresh interval.
    void followsTheSettings() {
        ScriptedHttpServer site;
        QVERIFY(site.listen());
        site.respond(QStringLiteral("/plugin/Live/stats.json.php"), 200, "application/json",
                     R"({"applications":[]})");
        QTemporaryDir dir;
        Settings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        QVERIFY(settings.set(Setting::UserAgent, QStringLiteral("TestAgent/9")).ok());
        QVERIFY(settings.set(Setting::GrabTimeoutMs, 1234).ok());
        SiteProfile p;
        p.id = QStringLiteral("settings-test");
        p.siteUrl = QUrl(site.url(QStringLiteral("/")));
        SiteSession session(p, m_secrets);
        session.followSettings(settings);
        QCOMPARE(session.checkOptions().grabTimeoutMs, 1234);
        (void)waitForReport(session);
        QCOMPARE(site.lastHeaders(QStringLiteral("/plugin/Live/stats.json.php")).value("user-agent"),
                 QByteArray("TestAgent/9"));

        QVERIFY(settings.set(Setting::UserAgent, QStringLiteral("Other/1")).ok());
        QVERIFY(settings.set(Setting::GrabTimeoutMs, 2500).ok());
        QCOMPARE(session.checkOptions().grabTimeoutMs, 2500);
        (void)waitForReport(session);
        QCOMPARE(site.lastHeaders(QStringLiteral("/plugin/Live/stats.json.php")).value("user-agent"),
                 QByteArray("Other/1"));
    }

    void wrongPasswordAndNoPassword() {
        SiteSession session(profile(), m_secrets);
        QSignalSpy failed(&session, &SiteSession::signInFailed);
        session.signIn(QStringLiteral("admin"), QStringLiteral("not-the-password"));
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.takeFirst().at(0).value<Error>().code, QStringLiteral("wrong-credentials"));

        MemorySecretStore empty;
        SiteSession fresh(profile(), empty);
        QSignalSpy needed(&fresh, &SiteSession::signInFailed);
        fresh.signIn(QStringLiteral("admin"), std::nullopt);
        QVERIFY(needed.wait(15000));
        QCOMPARE(needed.takeFirst().at(0).value<Error>().code, QStringLiteral("password-needed"));
    }

    void seedCaseFoundThenFixed() {
        SiteSession session(profile(), m_secrets);
        QSignalSpy encoderKnown(&session, &SiteSession::encoderUrlChanged);
        session.signIn(QStringLiteral("admin"), QStringLiteral("admin123")); // clearing the cache needs it
        QVERIFY(encoderKnown.wait(15000));
        SiteCheckReport report = waitForReport(session);
        QCOMPARE(report.lives.size(), 2);
        QCOMPARE(report.count(ThumbnailClass::OnlineCard), 2);

        SiteOverview overview;
        overview.report = report;
        overview.siteEncoderUrl = session.encoderUrl();
        SiteFinding finding = topFinding(overview);
        QCOMPARE(finding.action, SiteFinding::Action::StartStandIn);
        QVERIFY2(finding.sentence.startsWith(QStringLiteral("2 lives show the ONLINE card")),
                 qPrintable(finding.sentence));

        // The encoder works again; renew on it, then a cache clear makes the site ask it at once.
        m_encoder->setMode(FakeEncoder::Mode::Working);
        QSignalSpy cleared(&session, &SiteSession::cacheCleared);
        QSignalSpy ready(&session, &SiteSession::reportReady);
        session.clearCaches(CacheClearMode::Full, true);
        QVERIFY(session.isClearing());
        QVERIFY(cleared.wait(60000));
        const auto outcome = cleared.takeFirst().at(0).value<CacheClearOutcome>();
        QVERIFY2(outcome.clear.ok(),
                 qPrintable(outcome.clear.ok() ? QString() : outcome.clear.error().toString()));
        QVERIFY(!outcome.changed.isEmpty());
        QVERIFY(!outcome.changed.first().imageBefore.isNull());
        QVERIFY(!outcome.changed.first().imageAfter.isNull());
        // The clear is followed by a refresh of its own.
        QVERIFY(ready.wait(30000));
        report = ready.takeFirst().at(0).value<SiteCheckReport>();
        QCOMPARE(report.count(ThumbnailClass::RealFrame), 2);
        overview.report = report;
        finding = topFinding(overview);
        QCOMPARE(finding.severity, Severity::Ok);
        m_encoder->setMode(FakeEncoder::Mode::Down);
    }

    // Renewing chosen lives asks the encoder for those only (renew=1), says what each got, and clears the
    // caches afterwards when asked to; without an encoder URL it says so at once; it can be cancelled.
    void renewChosenLivesOnTheEncoder() {
        SiteSession session(profile(), m_secrets);
        session.setCheckOptions({.grabStreams = false});
        QSignalSpy finished(&session, &SiteSession::renewFinished);
        session.renewOnEncoder({QStringLiteral("s1")});
        QCOMPARE(finished.count(), 1); // no encoder URL: at once
        auto outcome = finished.takeFirst().at(0).value<LiveRenewOutcome>();
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, QStringLiteral("no-encoder-url"));
        QCOMPARE(outcome.error->message,
                 QStringLiteral("the site's encoder address is not known: sign in as an admin"));
        QVERIFY(!session.isRenewing());

        QSignalSpy encoderKnown(&session, &SiteSession::encoderUrlChanged);
        session.signIn(QStringLiteral("admin"), QStringLiteral("admin123"));
        QVERIFY(encoderKnown.wait(15000));
        QVERIFY(!waitForReport(session).lives.isEmpty());
        m_encoder->setMode(FakeEncoder::Mode::Working);
        const qsizetype before = m_encoder->renewedStreams().size();
        QSignalSpy started(&session, &SiteSession::renewStarted);
        QSignalSpy cleared(&session, &SiteSession::cacheCleared);
        session.renewOnEncoder({QStringLiteral("s2"), QStringLiteral("nope")}, CacheClearMode::Full);
        QVERIFY(session.isRenewing());
        QCOMPARE(started.count(), 1);
        QVERIFY(finished.wait(30000));
        outcome = finished.takeFirst().at(0).value<LiveRenewOutcome>();
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.lives.size(), 2);
        QCOMPARE(outcome.lives[0].key, QStringLiteral("s2"));
        const EncoderRenewal& s2 = outcome.lives[0].renewal;
        QVERIFY2(s2.refreshed, qPrintable(s2.last ? s2.last->frameClass : s2.last.error().message));
        QCOMPARE(outcome.lives[1].renewal.first.error().code, QStringLiteral("not-renewable"));
        const QList<QUrl> renewed = m_encoder->renewedStreams().mid(before);
        QCOMPARE(renewed.size(), 1);
        QCOMPARE(renewed.first().path(), QStringLiteral("/live/s2/index.m3u8"));
        QVERIFY(cleared.count() == 1 || cleared.wait(30000)); // then the caches were cleared
        QVERIFY(cleared.first().at(0).value<CacheClearOutcome>().clear.ok());

        // A black-hole encoder: the renew is cancelled at once, its requests aborted.
        m_encoder->setMode(FakeEncoder::Mode::BlackHole);
        const int asked = m_encoder->requestCount();
        session.renewOnEncoder({QStringLiteral("s1")});
        QTRY_VERIFY_WITH_TIMEOUT(m_encoder->requestCount() > asked, 5000);
        session.cancelRenew();
        QCOMPARE(finished.count(), 1);
        outcome = finished.takeFirst().at(0).value<LiveRenewOutcome>();
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, QStringLiteral("cancelled"));
        QVERIFY(!session.isRenewing());
        m_encoder->setMode(FakeEncoder::Mode::Down);
    }

    void refreshWhileRefreshingRunsOnceMore() {
        SiteSession session(profile(), m_secrets);
        session.setCheckOptions({.grabStreams = false});
        QSignalSpy ready(&session, &SiteSession::reportReady);
        QSignalSpy started(&session, &SiteSession::refreshStarted);
        session.refresh();
        session.refresh();
        session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 30000);
        QCOMPARE(started.count(), 2);
        QVERIFY(!session.isRefreshing());
        QVERIFY(session.lastReport());

        session.setRefreshInterval(1);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 4, 15000);
        session.setRefreshInterval(0);
    }

    void unreachableSite() {
        SiteProfile p = profile();
        p.siteUrl = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        SiteSession session(p, m_secrets);
        session.setCheckOptions({.grabStreams = false});
        const SiteCheckReport report = waitForReport(session);
        QVERIFY(report.livesError);
        const SiteFinding finding = topFinding(SiteOverview{.report = report});
        QCOMPARE(finding.action, SiteFinding::Action::Refresh);
        QVERIFY2(finding.sentence.startsWith(QStringLiteral("Cannot read the site's lives")),
                 qPrintable(finding.sentence));
    }

    // Destroying a session in the middle of a check (the admin switches sites) must not crash.
    void destroyedMidCheck() {
        auto session = std::make_unique<SiteSession>(profile(), m_secrets);
        session->refresh();
        QTest::qWait(50);
        session.reset();
        QTest::qWait(500);
    }
};

QTEST_GUILESS_MAIN(TestSiteSession)
#include "tst_sitesession.moc"
