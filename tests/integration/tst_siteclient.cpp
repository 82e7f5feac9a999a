#include "fakeencoder.h"
#include "freeport.h"
#include "httpget.h"
#include "media/framegrabber.h"
#include "mockclock.h"
#include "requirefixture.h"
#include "session/cacheclearjob.h"
#include "site/sitecheck.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The site client against the AVideo simulator fed by real nginx-rtmp streams.
class TestSiteClient : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    MockClock m_clock;
    std::unique_ptr<SiteSimulator> m_site;
    QNetworkAccessManager m_network;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("test");
        p.siteUrl = m_site->siteUrl();
        p.statUrl = m_stack.statUrl();
        p.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        return p;
    }

    template <typename T, typename Call> Result<T> wait(Call call, int timeoutMs = 15000) {
        std::optional<Result<T>> outcome;
        call([&](Result<T> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs))
            return Error{QStringLiteral("test-timeout"), QStringLiteral("no answer in the test's time"), {}};
        return std::move(*outcome);
    }

    SiteCheckReport runCheck(SiteClient& client) {
        FrameGrabber grabber(m_network);
        SiteCheck check(client, grabber);
        std::optional<SiteCheckReport> report;
        check.run([&](SiteCheckReport r) { report = std::move(r); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 30000); }();
        return report.value_or(SiteCheckReport{});
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING(
                "the shared reference images are not beside this checkout: AVideo's cards cannot be "
                "recognised");
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const QString& key :
             {QStringLiteral("alice-key"), QStringLiteral("bob-key"), QStringLiteral("ghost-key")}) {
            if (const Status failed = m_stack.publish({.key = key, .size = QSize(640, 360)}, 20000, 2);
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        }
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        // The seed scenario: the configured encoder is down (nothing listens there).
        options.encoderUrl = QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort());
        options.clock = &m_clock;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive({.key = QStringLiteral("alice-key"),
                         .user = QStringLiteral("alice"),
                         .title = QStringLiteral("Alice live")});
        m_site->addLive({.key = QStringLiteral("bob-key"),
                         .user = QStringLiteral("bob"),
                         .title = QStringLiteral("Bob live")});
        m_site->addLive({.key = QStringLiteral("carol-key"),
                         .user = QStringLiteral("carol"),
                         .title = QStringLiteral("Carol live"),
                         .listedWhileNotPublishing = true});
    }

    void init() {
        m_site->clearFaults();
        m_site->setRateLimitPerMinute(300);
        m_clock.advanceMs(61'000); // a fresh rate-limit window for every test
    }

    void login() {
        SiteClient client(m_network, profile(), m_clock);
        const auto admin = wait<LoginInfo>(
            [&](auto done) { client.login(QStringLiteral("admin"), QStringLiteral("admin123"), done); });
        QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().toString()));
        QVERIFY(admin->isAdmin);
        QVERIFY(!admin->passwordHash.isEmpty());
        QVERIFY(admin->passwordHash != QStringLiteral("admin123"));

        const auto again = wait<LoginInfo>(
            [&](auto done) { client.loginWithHash(QStringLiteral("admin"), admin->passwordHash, done); });
        QVERIFY(again.ok());

        const auto wrong = wait<LoginInfo>(
            [&](auto done) { client.login(QStringLiteral("admin"), QStringLiteral("nope"), done); });
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("wrong-credentials"));

        const auto viewer = wait<LoginInfo>(
            [&](auto done) { client.login(QStringLiteral("viewer"), QStringLiteral("viewer123"), done); });
        QVERIFY(viewer.ok());
        QVERIFY(!viewer->isAdmin);
        QVERIFY(!viewer->canStream);
    }

    void readsTheConfiguredEncoderUrlAsAdminOnly() {
        SiteClient admin(m_network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    admin.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const auto url = wait<QUrl>([&](auto done) { admin.fetchEncoderUrl(done); });
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().toString()));
        QCOMPARE(url->toString(), m_site->encoderUrl());

        QNetworkAccessManager otherJar; // a separate cookie jar: a separate PHP session
        SiteClient viewer(otherJar, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    viewer.login(QStringLiteral("viewer"), QStringLiteral("viewer123"), done);
                }).ok());
        const auto refused = wait<QUrl>([&](auto done) { viewer.fetchEncoderUrl(done); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("not-admin"));
    }

    void csrfGuardRefusesRequestsWithoutTheSiteAsReferer() {
        const HttpReply bare =
            httpGet(m_site->url(QStringLiteral("objects/configurationClearCache.json.php")));
        QCOMPARE(bare.status, 403);
        QVERIFY(bare.body.contains("Invalid Request"));
        SiteClient client(m_network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    client.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const auto cleared =
            wait<CacheClearReport>([&](auto done) { client.clearCache(CacheClearMode::Full, done); });
        QVERIFY2(cleared.ok(), cleared.ok() ? "" : qPrintable(cleared.error().toString()));
    }

    void rateLimitIsRespected() {
        m_site->setRateLimitPerMinute(3);
        SiteClient client(m_network, profile(), m_clock);
        client.requester().setMaxRetries(1);
        client.requester().setMaxBackoffMs(50);
        for (int i = 0; i < 3; ++i)
            QVERIFY(wait<QList<SiteLive>>([&](auto done) { client.fetchLives(done); }).ok());
        // The site's limit is reached: a client that does not pace itself gets a clear error after
        // retrying...
        const QUrl stats = m_site->url(QStringLiteral("plugin/Live/stats.json.php"));
        std::optional<Result<SiteReply>> refused;
        client.requester().get(stats.toString(), {}, [&](Result<SiteReply> r) { refused = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 10000);
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error().code, QStringLiteral("rate-limited"));

        // ...and one that paces itself to the site's budget waits for the next window instead of being
        // refused.
        SiteClient paced(m_network, profile(), m_clock);
        paced.requester().setRequestsPerMinute(3);
        paced.requester().setMaxRetries(0);
        m_clock.advanceMs(61'000);
        for (int i = 0; i < 3; ++i)
            QVERIFY(
                wait<SiteReply>([&](auto done) { paced.requester().get(stats.toString(), {}, done); }).ok());
        std::optional<Result<SiteReply>> fourth;
        paced.requester().get(stats.toString(), {}, [&](Result<SiteReply> r) { fourth = std::move(r); });
        QTest::qWait(800);
        QVERIFY2(!fourth.has_value(), "the fourth request should wait for the next minute");
        m_clock.advanceMs(61'000);
        QTRY_VERIFY_WITH_TIMEOUT(fourth.has_value(), 3000);
        QVERIFY2(fourth->ok(), fourth->ok() ? "" : qPrintable(fourth->error().toString()));
    }

    void seedScenarioEncoderDown() {
        SiteClient client(m_network, profile(), m_clock);
        const SiteCheckReport report = runCheck(client);
        QVERIFY(!report.livesError);
        QVERIFY(!report.statError);
        QCOMPARE(report.overall(), Severity::Critical);
        QHash<QString, LiveProblem> problems;
        for (const LiveEntry& e : report.lives)
            problems.insert(e.key, e.assess().problem);
        QCOMPARE(problems.value(QStringLiteral("alice-key")), LiveProblem::EncoderNotProducing);
        QCOMPARE(problems.value(QStringLiteral("bob-key")), LiveProblem::EncoderNotProducing);
        QCOMPARE(problems.value(QStringLiteral("carol-key")), LiveProblem::MissingFromMediaServer);
        QCOMPARE(problems.value(QStringLiteral("ghost-key")), LiveProblem::GhostLive);
        QCOMPARE(report.count(ThumbnailClass::OnlineCard), 2);
        const QStringList findings = report.findings();
        QVERIFY2(findings.first().startsWith(QStringLiteral("CRITICAL: ")), qPrintable(findings.join(u'\n')));
        QVERIFY(findings.join(u'\n').contains(QStringLiteral("the encoder is not producing thumbnails")));
        for (const LiveEntry& e : report.lives) {
            if (e.key == QStringLiteral("alice-key")) {
                QVERIFY(e.siteThumbnail.has_value());
                QCOMPARE(e.siteThumbnail->image.width(), 1200);
                QCOMPARE(e.siteThumbnail->image.height(), 630);
                QVERIFY(e.ourGrab && e.ourGrab->ok());
            }
        }
    }

    void cacheClearPermissions_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("admin, full") << QStringLiteral("admin") << QStringLiteral("admin123")
                                     << int(CacheClearMode::Full) << QString();
        QTest::newRow("admin, first page") << QStringLiteral("admin") << QStringLiteral("admin123")
                                           << int(CacheClearMode::FirstPage) << QString();
        QTest::newRow("group with the permission")
            << QStringLiteral("cachekeeper") << QStringLiteral("cache123") << int(CacheClearMode::Full)
            << QString();
        QTest::newRow("viewer: only the session")
            << QStringLiteral("viewer") << QStringLiteral("viewer123") << int(CacheClearMode::Full)
            << QStringLiteral("permission-denied");
        QTest::newRow("viewer asks for the session")
            << QStringLiteral("viewer") << QStringLiteral("viewer123") << int(CacheClearMode::SessionOnly)
            << QString();
    }

    void cacheClearPermissions() {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(int, mode);
        QFETCH(QString, errorCode);
        QNetworkAccessManager network; // its own cookie jar: its own session
        SiteClient client(network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) { client.login(user, password, done); }).ok());
        const auto cleared =
            wait<CacheClearReport>([&](auto done) { client.clearCache(CacheClearMode(mode), done); });
        QCOMPARE(cleared.ok() ? QString() : cleared.error().code, errorCode);
        if (!errorCode.isEmpty())
            QVERIFY(cleared.error().message.contains(QStringLiteral("only your session cache")));
    }

    void brokenAnswers_data() {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("PHP fatal error page")
            << int(SiteSimulator::Fault::HtmlErrorPage) << QStringList{QStringLiteral("server-error")};
        QTest::newRow("login page instead of JSON") << int(SiteSimulator::Fault::HtmlLoginPage)
                                                    << QStringList{QStringLiteral("html-instead-of-json")};
        QTest::newRow("malformed JSON")
            << int(SiteSimulator::Fault::MalformedJson) << QStringList{QStringLiteral("bad-json")};
        QTest::newRow("never answers")
            << int(SiteSimulator::Fault::Hang) << QStringList{QStringLiteral("timeout")};
    }

    void brokenAnswers() {
        QFETCH(int, fault);
        QFETCH(QStringList, codes);
        for (const QString& path :
             {QStringLiteral("plugin/Live/stats.json.php"), QStringLiteral("plugin/API/get.json.php")})
            m_site->setFault(path, SiteSimulator::Fault(fault));
        SiteClient client(m_network, profile(), m_clock);
        client.requester().setTimeoutMs(1500);
        const auto lives = wait<QList<SiteLive>>([&](auto done) { client.fetchLives(done); });
        QVERIFY(!lives.ok());
        QVERIFY2(codes.contains(lives.error().code),
                 qPrintable(lives.error().code + QStringLiteral(": ") + lives.error().toString()));
        m_site->clearFaults();
    }

    void unreachableSiteIsUnknown() {
        SiteProfile p = profile();
        p.siteUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort()));
        SiteClient client(m_network, p, m_clock);
        const SiteCheckReport report = runCheck(client);
        QVERIFY(report.livesError.has_value());
        QCOMPARE(report.livesError->code, QStringLiteral("connect-refused"));
        QCOMPARE(report.overall(), Severity::Unknown);
    }

    // The fix an admin reaches for once the encoder is back: renew on the encoder, then clear the site's
    // caches; the lives' cards turn into real frames and the job says which changed.
    void clearCacheAfterEncoderRenewShowsFreshFrames() {
        FakeEncoder::Options options;
        options.mode = FakeEncoder::Mode::Working;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        FakeEncoder encoder(options);
        QVERIFY(encoder.listen());
        const QString downEncoder = m_site->encoderUrl();
        m_site->setEncoderUrl(encoder.url().toString());
        auto restore = qScopeGuard([&] { m_site->setEncoderUrl(downEncoder); });

        QNetworkAccessManager network;
        SiteClient client(network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    client.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const auto configured = wait<QUrl>([&](auto done) { client.fetchEncoderUrl(done); });
        QVERIFY(configured.ok());
        FrameGrabber grabber(network);
        EncoderRenew renew(network, {.format = QStringLiteral("jpg"),
                                     .requestTimeoutMs = 5000,
                                     .settleDeadlineMs = 20000,
                                     .pollIntervalMs = 500,
                                     .pollsToAcceptUnchanged = 3});
        CacheClearJob job(client, grabber);
        job.renewOnEncoderFirst(&renew, *configured);
        std::optional<CacheClearOutcome> outcome;
        job.run(CacheClearMode::Full, [&](CacheClearOutcome o) { outcome = std::move(o); });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);

        QVERIFY(outcome->clear.ok());
        QHash<QString, LiveRenewal> renewals;
        for (const LiveRenewal& r : outcome->renewals)
            renewals.insert(r.key, r);
        QVERIFY(renewals.contains(QStringLiteral("alice-key")));
        QVERIFY(renewals[QStringLiteral("alice-key")].renewal.first.ok());
        // The encoder answers renew at once with what it had (§1.5); refreshed means a new real frame since.
        QVERIFY(renewals[QStringLiteral("alice-key")].renewal.refreshed);
        QVERIFY(!renewals[QStringLiteral("carol-key")].renewal.refreshed); // not publishing: nothing to grab
        QVERIFY(encoder.requestCount(QStringLiteral("objects/getImage.php")) >= 3);

        QHash<QString, ThumbnailChange> changed;
        for (const ThumbnailChange& c : outcome->changed)
            changed.insert(c.key, c);
        QVERIFY2(changed.contains(QStringLiteral("alice-key")), "alice's card did not change");
        // Before: the encoder's placeholder passed through by the site (a first request, §1.5).
        QVERIFY(isPlaceholder(changed[QStringLiteral("alice-key")].before));
        QCOMPARE(changed[QStringLiteral("alice-key")].after, ThumbnailClass::RealFrame);
    }
};

QTEST_GUILESS_MAIN(TestSiteClient)
#include "tst_siteclient.moc"
