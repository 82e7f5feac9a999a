#include "bitmapqt/qimagebridge.h"
#include "freeport.h"
#include "generator/standinverification.h"
#include "media/framegrabber.h"
#include "media/imagemarker.h"
#include "mockclock.h"
#include "requirefixture.h"
#include "scriptedhttpserver.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kPrefix = QStringLiteral("s3cr3t-Xq7");
const QString kThisRun = QStringLiteral("cafe0001");
const QString kEarlierRun = QStringLiteral("0000aaaa");

} // namespace

// Verification of the stand-in against the AVideo simulator fed by real nginx-rtmp streams. The "stand-in"
// here is a tiny scripted encoder that serves a marked JPEG (a real frame of the stream) under a secret
// prefix; the "previous encoder" serves the same frame without the marker.
class TestStandinVerification : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    MockClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<SiteSimulator> m_site;
    ScriptedHttpServer m_standin;
    ScriptedHttpServer m_previousEncoder;
    QString m_downEncoder;
    QByteArray m_thisRunsPicture;
    QByteArray m_earlierRunsPicture;
    StandinPresence m_presence; // what the stand-in says of itself: this run, asked a minute ago

    // The stand-in's answer, as StandInController::readPresence or its healthz gives it.
    auto presenceReader(std::optional<StandinPresence> presence = std::nullopt) {
        return [presence = presence.value_or(m_presence)](std::function<void(Result<StandinPresence>)> done) {
            done(presence);
        };
    }
    void standinServes(const QByteArray& picture) {
        for (const QString& route :
             {QStringLiteral("/%1/objects/getImage.php"), QStringLiteral("/%1/getImage")})
            m_standin.respond(route.arg(kPrefix), 200, "image/jpeg", picture);
    }
    static QString checkStates(const StandinVerificationReport& report) {
        QStringList states;
        for (const StandinCheckOutcome& check : report.checks())
            states << (check.state == StandinCheckOutcome::State::Passed   ? QStringLiteral("passed")
                       : check.state == StandinCheckOutcome::State::Failed ? QStringLiteral("failed")
                                                                           : QStringLiteral("unknown"));
        return states.join(u' ');
    }

    QUrl standinUrl() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/%2/").arg(m_standin.port()).arg(kPrefix));
    }
    QString previousUrl() const {
        return QStringLiteral("http://127.0.0.1:%1/").arg(m_previousEncoder.port());
    }

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("test");
        p.siteUrl = m_site->siteUrl();
        return p;
    }

    StandinVerificationReport verify(SiteClient& client, StandinVerificationOptions options = {}) {
        StandinVerification verification(client, options, m_clock);
        std::optional<StandinVerificationReport> report;
        verification.run([&](StandinVerificationReport r) { report = std::move(r); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 30000); }();
        return report.value_or(StandinVerificationReport{});
    }

    StandinVerificationReport verify(StandinVerificationOptions options = {}) {
        SiteClient client(m_network, profile(), m_clock);
        return verify(client, options);
    }

    template <typename T, typename Call> Result<T> wait(Call call) {
        std::optional<Result<T>> outcome;
        call([&](Result<T> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000))
            return Error{QStringLiteral("test-timeout"), QStringLiteral("no answer in the test's time"), {}};
        return std::move(*outcome);
    }

    static QHash<QString, StandinServing> servingByKey(const StandinVerificationReport& report) {
        QHash<QString, StandinServing> out;
        for (const LiveStandinCheck& c : report.lives)
            out.insert(c.key, c.serving);
        return out;
    }

    static QString describe(const StandinVerificationReport& report) {
        QStringList lines{report.summary()};
        for (const LiveStandinCheck& c : report.lives)
            lines << QStringLiteral("  %1: %2 (%3)").arg(c.key, standinServingName(c.serving), c.detail);
        return (lines + report.advice()).join(u'\n');
    }

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run runProgram(const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("AVLD_PASSWORD"));
        environment.insert(QStringLiteral("AVLD_PASSWORD"), QStringLiteral("admin123"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(AVLD_PROGRAM), arguments);
        // This event loop serves the site and the encoders while the program runs.
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING(
                "the shared reference images are not beside this checkout: AVideo's cards cannot be "
                "recognised");
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const QString& key : {QStringLiteral("alice-key"), QStringLiteral("bob-key")}) {
            if (const Status failed = m_stack.publish({.key = key, .size = QSize(640, 360)}, 20000, 1);
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        }

        // A real frame of the stream, as a plain JPEG (what any encoder would send) and marked (ours).
        GrabOptions grabOptions;
        grabOptions.timeoutMs = 10000;
        const Result<GrabResult> grab =
            FrameGrabber::grabAndWait(m_stack.hlsUrl(QStringLiteral("alice-key")), grabOptions);
        QVERIFY2(grab.ok(), grab.ok() ? "" : qPrintable(grab.error().toString()));
        QByteArray plain;
        QBuffer buffer(&plain);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(toQImage(grab->frame().image).scaled(640, 360).save(&buffer, "JPEG", 85));
        QVERIFY(!ImageMarker::carries(plain));
        const Result<QByteArray> marked = ImageMarker::insert(plain, ImageMarker::textForInstance(kThisRun));
        QVERIFY(marked.ok());
        QVERIFY(ImageMarker::madeByUs(*marked));
        m_thisRunsPicture = *marked;
        const Result<QByteArray> earlier =
            ImageMarker::insert(plain, ImageMarker::textForInstance(kEarlierRun));
        QVERIFY(earlier.ok());
        m_earlierRunsPicture = *earlier;
        const QDateTime now = QDateTime::currentDateTime();
        m_presence = {.instance = kThisRun, .images = 7, .startedAt = now.addSecs(-600), .lastImageAt = now};

        QVERIFY(m_standin.listen());
        standinServes(m_thisRunsPicture);
        QJsonObject health = m_presence.toJson();
        health.insert(QStringLiteral("status"), QStringLiteral("ok"));
        m_standin.respond(QStringLiteral("/%1/healthz").arg(kPrefix), 200, "application/json",
                          QJsonDocument(health).toJson(QJsonDocument::Compact));
        QVERIFY(m_previousEncoder.listen());
        m_previousEncoder.respond(QStringLiteral("/objects/getImage.php"), 200, "image/jpeg", plain);
        m_downEncoder = QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort());

        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_downEncoder;
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
    }

    void init() {
        // Past every cache lifetime of the site (300 s; 900 s for gif/webp) and its rate-limit window.
        m_clock.advanceMs(1000'000);
        standinServes(m_thisRunsPicture);
    }

    // The site may reach the stand-in by a name or address this machine does not know: the Encoder URL is
    // ours when its port and secret path are.
    void encoderUrlComparedByPortAndSecret_data() {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<bool>("ours");
        QTest::newRow("same") << "http://127.0.0.1:8099/s3cr3t-Xq7/" << true;
        QTest::newRow("public name") << "http://standin.example:8099/s3cr3t-Xq7/" << true;
        QTest::newRow("no trailing slash") << "http://10.0.0.5:8099/s3cr3t-Xq7" << true;
        QTest::newRow("other port") << "http://127.0.0.1:8100/s3cr3t-Xq7/" << false;
        QTest::newRow("other secret") << "http://127.0.0.1:8099/old-secret/" << false;
        QTest::newRow("another encoder") << "https://encoder1.avideo.com/" << false;
    }
    void encoderUrlComparedByPortAndSecret() {
        QFETCH(QString, configured);
        QFETCH(bool, ours);
        StandinVerificationReport report;
        report.expectedEncoderUrl = QUrl(QStringLiteral("http://127.0.0.1:8099/s3cr3t-Xq7/"));
        report.configuredEncoderUrl = Result<QUrl>(QUrl(configured));
        QCOMPARE(report.encoderUrlDiffers(), !ours);
        QCOMPARE(report.encoderUrlCheck().state,
                 ours ? StandinCheckOutcome::State::Passed : StandinCheckOutcome::State::Failed);
    }

    // The three checks, all met: the Encoder URL is ours, the site asked this run, the pictures are its.
    void thisRunsPicturesPassEveryCheck() {
        m_site->setEncoderUrl(standinUrl().toString());
        SiteClient admin(m_network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    admin.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const StandinVerificationReport report = verify(admin, {.expectedEncoderUrl = standinUrl(),
                                                                .readConfiguredEncoderUrl = true,
                                                                .readPresence = presenceReader()});
        QCOMPARE(checkStates(report), QStringLiteral("passed passed passed"));
        QCOMPARE(report.exitCode(), 0);
        QVERIFY2(report.identityCheck().text.contains(kThisRun), qPrintable(report.identityCheck().text));
        for (const LiveStandinCheck& c : report.lives)
            QCOMPARE(c.markerInstance, kThisRun);
    }

    // A picture our stand-in made in an earlier run, still in AVideo's cache, is not this run's: it does
    // not count, and the answer says so.
    void pictureFromAnEarlierRunDoesNotCount() {
        m_site->setEncoderUrl(standinUrl().toString());
        standinServes(m_earlierRunsPicture); // what AVideo fetched and cached back then
        const StandinVerificationReport report = verify({.readPresence = presenceReader()});
        QCOMPARE(report.count(StandinServing::EarlierRun), 2);
        QCOMPARE(report.exitCode(), 2);
        QCOMPARE(checkStates(report), QStringLiteral("unknown passed failed"));
        QVERIFY2(report.identityCheck().text.contains(QStringLiteral("2 an earlier run's")),
                 qPrintable(report.identityCheck().text));
        QVERIFY2(report.advice().join(u'\n').contains(QStringLiteral("earlier run")),
                 qPrintable(describe(report)));
        // Without a way to ask the stand-in, the same pictures count, and the answer says it could not tell.
        m_clock.advanceMs(1000'000);
        const StandinVerificationReport blind = verify();
        QCOMPARE(blind.exitCode(), 0);
        QCOMPARE(blind.identityCheck().state, StandinCheckOutcome::State::Unknown);
    }

    // The site was pointed at the stand-in, cached its frames, then re-pointed elsewhere: the cached
    // pictures are this run's, but the site no longer asks it. Verification fails and says which check.
    void siteRepointedAfterOurFramesWereCachedFails() {
        m_site->setEncoderUrl(standinUrl().toString());
        QCOMPARE(verify({.readPresence = presenceReader()}).exitCode(), 0); // AVideo caches this run's frames
        m_site->setEncoderUrl(previousUrl());
        m_clock.advanceMs(30'000); // well inside the 300 s AVideo keeps them

        // As an admin: the Encoder URL is not ours.
        SiteClient admin(m_network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    admin.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const StandinVerificationReport asAdmin = verify(admin, {.expectedEncoderUrl = standinUrl(),
                                                                 .readConfiguredEncoderUrl = true,
                                                                 .readPresence = presenceReader()});
        QCOMPARE(asAdmin.count(StandinServing::Ours), 2); // the pictures alone would have fooled it
        QCOMPARE(asAdmin.exitCode(), 2);
        QCOMPARE(asAdmin.encoderUrlCheck().state, StandinCheckOutcome::State::Failed);
        QVERIFY2(
            asAdmin.summary().startsWith(QStringLiteral("the site's Encoder URL is not this stand-in's")),
            qPrintable(asAdmin.summary()));
        QVERIFY2(asAdmin.encoderUrlCheck().text.contains(previousUrl()),
                 qPrintable(asAdmin.encoderUrlCheck().text));

        // As a visitor, with the time the app saw the switch: no request reached this run since.
        StandinPresence quiet = m_presence;
        quiet.lastImageAt = QDateTime::currentDateTime().addSecs(-120);
        const StandinVerificationReport asVisitor = verify(
            {.readPresence = presenceReader(quiet), .switchedAt = QDateTime::currentDateTime().addSecs(-60)});
        QCOMPARE(asVisitor.exitCode(), 2);
        QCOMPARE(checkStates(asVisitor), QStringLiteral("unknown failed passed"));
        QVERIFY2(asVisitor.requestsCheck().text.contains(QStringLiteral("since the switch")),
                 qPrintable(asVisitor.requestsCheck().text));
    }

    // A stand-in that answered no picture since it started was never asked, whatever the pictures say.
    void noRequestSinceTheStartFails() {
        m_site->setEncoderUrl(standinUrl().toString());
        StandinPresence unasked = m_presence;
        unasked.images = 0;
        unasked.lastImageAt = {};
        const StandinVerificationReport report = verify({.readPresence = presenceReader(unasked)});
        QCOMPARE(report.exitCode(), 2);
        QCOMPARE(report.requestsCheck().state, StandinCheckOutcome::State::Failed);
        QVERIFY2(report.requestsCheck().text.contains(QStringLiteral("since it started")),
                 qPrintable(report.requestsCheck().text));
        QVERIFY2(report.advice().join(u'\n').contains(QStringLiteral("No request from the site reached")),
                 qPrintable(describe(report)));
    }

    void encoderDownShowsCardsNotOurs() {
        m_site->setEncoderUrl(m_downEncoder);
        const StandinVerificationReport report = verify();
        QVERIFY2(!report.error, qPrintable(describe(report)));
        QCOMPARE(report.lives.size(), 2);
        for (const LiveStandinCheck& c : report.lives) {
            QCOMPARE(c.serving, StandinServing::Card);
            QCOMPARE(c.cls, ThumbnailClass::OnlineCard);
        }
        QCOMPARE(report.verdict(), StandinVerificationReport::Verdict::None);
        QCOMPARE(report.exitCode(), 2);
        QCOMPARE(report.summary(), QStringLiteral("the site now serves our frames for 0 of 2 lives"));
        QVERIFY2(report.advice().join(u'\n').contains(QStringLiteral("show a card")),
                 qPrintable(describe(report)));
    }

    void standinFramesAreOurs() {
        m_site->setEncoderUrl(standinUrl().toString());
        const int before = m_standin.requestCount(QStringLiteral("/%1/objects/getImage.php").arg(kPrefix));
        const StandinVerificationReport report = verify();
        QCOMPARE(report.lives.size(), 2);
        for (const LiveStandinCheck& c : report.lives) {
            QVERIFY2(c.serving == StandinServing::Ours, qPrintable(describe(report)));
            QCOMPARE(c.cls, ThumbnailClass::RealFrame);
        }
        QCOMPARE(report.verdict(), StandinVerificationReport::Verdict::All);
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(report.summary(), QStringLiteral("the site now serves our frames for 2 of 2 lives"));
        QVERIFY(report.advice().isEmpty());
        // AVideo asked the stand-in under its prefix, once per live.
        QCOMPARE(m_standin.requestCount(QStringLiteral("/%1/objects/getImage.php").arg(kPrefix)) - before, 2);
    }

    void cachedPictureOfThePreviousEncoderIsNamed() {
        // Before the switch the site cached a real frame of the previous encoder for every live...
        m_site->setEncoderUrl(previousUrl());
        const StandinVerificationReport old = verify();
        QCOMPARE(old.count(StandinServing::NotOurs), 2);
        QCOMPARE(old.exitCode(), 2);

        // ...which it keeps serving for up to 5 minutes after the admin pointed it at the stand-in.
        m_site->setEncoderUrl(standinUrl().toString());
        m_clock.advanceMs(60'000);
        SiteClient admin(m_network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    admin.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const StandinVerificationReport cached =
            verify(admin, {.expectedEncoderUrl = standinUrl(), .readConfiguredEncoderUrl = true});
        QCOMPARE(cached.count(StandinServing::NotOurs), 2);
        QCOMPARE(cached.exitCode(), 2);
        QVERIFY(cached.configuredEncoderUrl && cached.configuredEncoderUrl->ok());
        QVERIFY(!cached.encoderUrlDiffers());
        const QString advice = cached.advice().join(u'\n');
        QVERIFY2(advice.contains(QStringLiteral("cached before the switch")), qPrintable(describe(cached)));
        QVERIFY2(advice.contains(QStringLiteral("clear-cache --site ") + m_site->siteUrl().toString()),
                 qPrintable(advice));
        QVERIFY2(!advice.contains(kPrefix), "the secret prefix leaked into the advice");

        // Clearing the cache (what the advice says) makes the stand-in's frames show.
        QVERIFY(
            wait<CacheClearReport>([&](auto done) { admin.clearCache(CacheClearMode::Full, done); }).ok());
        const StandinVerificationReport after = verify(admin, {.expectedEncoderUrl = standinUrl()});
        QVERIFY2(after.exitCode() == 0, qPrintable(describe(after)));
    }

    void someLivesStillCached() {
        SiteClient client(m_network, profile(), m_clock);
        const Result<QList<SiteLive>> lives =
            wait<QList<SiteLive>>([&](auto done) { client.fetchLives(done); });
        QVERIFY(lives.ok());
        // Only Alice's tile was looked at while the previous encoder answered.
        m_site->setEncoderUrl(previousUrl());
        for (const SiteLive& live : *lives)
            if (live.key == QStringLiteral("alice-key"))
                QVERIFY(wait<SiteReply>([&](auto done) {
                            client.requester().get(live.posterUrl.toString(), {}, done);
                        }).ok());
        m_site->setEncoderUrl(standinUrl().toString());
        const StandinVerificationReport report = verify();
        const auto serving = servingByKey(report);
        QCOMPARE(serving.size(), 2);
        QCOMPARE(serving.value(QStringLiteral("alice-key")), StandinServing::NotOurs);
        QCOMPARE(serving.value(QStringLiteral("bob-key")), StandinServing::Ours);
        QCOMPARE(report.verdict(), StandinVerificationReport::Verdict::Some);
        QCOMPARE(report.exitCode(), 1);
        QCOMPARE(report.summary(), QStringLiteral("the site now serves our frames for 1 of 2 lives"));
        QVERIFY2(report.advice().join(u'\n').contains(QStringLiteral("clear-cache")),
                 qPrintable(describe(report)));
    }

    void anotherConfiguredEncoderIsNamedWithoutThePrefix() {
        m_site->setEncoderUrl(previousUrl());
        SiteClient admin(m_network, profile(), m_clock);
        QVERIFY(wait<LoginInfo>([&](auto done) {
                    admin.login(QStringLiteral("admin"), QStringLiteral("admin123"), done);
                }).ok());
        const StandinVerificationReport report =
            verify(admin, {.expectedEncoderUrl = standinUrl(), .readConfiguredEncoderUrl = true});
        QVERIFY(report.encoderUrlDiffers());
        const QString advice = report.advice().join(u'\n');
        QVERIFY2(advice.contains(QStringLiteral("is %1, not the stand-in's http://127.0.0.1:%2/…")
                                     .arg(previousUrl())
                                     .arg(m_standin.port())),
                 qPrintable(advice));
        QVERIFY2(!advice.contains(kPrefix), "the secret prefix leaked into the advice");

        // Without an admin session the URL cannot be read; the check still runs and says so.
        QNetworkAccessManager otherJar; // a separate cookie jar: no session
        SiteClient visitor(otherJar, profile(), m_clock);
        const StandinVerificationReport anonymous =
            verify(visitor, {.expectedEncoderUrl = standinUrl(), .readConfiguredEncoderUrl = true});
        QVERIFY(anonymous.configuredEncoderUrl && !anonymous.configuredEncoderUrl->ok());
        QCOMPARE(anonymous.lives.size(), 2);
        QVERIFY(anonymous.advice().join(u'\n').contains(QStringLiteral("could not be read")));
    }

    void unreachableSiteCannotBeChecked() {
        SiteProfile p = profile();
        p.siteUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort()));
        SiteClient client(m_network, p, m_clock);
        client.requester().setMaxRetries(0);
        const StandinVerificationReport report = verify(client);
        QVERIFY(report.error.has_value());
        QCOMPARE(report.verdict(), StandinVerificationReport::Verdict::Unknown);
        QCOMPARE(report.exitCode(), 3);
        QVERIFY(report.summary().startsWith(QStringLiteral("could not check")));
    }

    void siteWithoutLivesCannotBeChecked() {
        SiteSimulator empty;
        QVERIFY(empty.listen());
        SiteProfile p;
        p.id = QStringLiteral("empty");
        p.siteUrl = empty.siteUrl();
        SiteClient client(m_network, p, m_clock);
        const StandinVerificationReport report = verify(client);
        QVERIFY2(!report.error, qPrintable(describe(report)));
        QVERIFY(report.lives.isEmpty());
        QCOMPARE(report.exitCode(), 3);
    }

    // The program itself: `verify-standin` with its exit codes.
    void commandExitCodes() {
        const QStringList site{QStringLiteral("verify-standin"), QStringLiteral("--site"),
                               m_site->siteUrl().toString()};

        m_site->setEncoderUrl(m_downEncoder);
        Run r = runProgram(site);
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("the site now serves our frames for 0 of 2 lives")),
                 qPrintable(r.out));

        m_clock.advanceMs(1000'000);
        m_site->setEncoderUrl(standinUrl().toString());
        r = runProgram(site + QStringList{QStringLiteral("--user"), QStringLiteral("admin"),
                                          QStringLiteral("--standin"), standinUrl().toString()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2 of 2")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Alice live")), qPrintable(r.out));
        // It asked the stand-in's healthz which run it is: every check is met.
        QVERIFY2(
            r.out.contains(QStringLiteral("[ok  ] Every live's picture was made by this run of the stand-in "
                                          "(instance %1)")
                               .arg(kThisRun)),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("[ok  ] The site's Encoder URL is this stand-in's.")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("[ok  ] Requests reached this stand-in")), qPrintable(r.out));
        QVERIFY2(!(r.out + r.err).contains(QStringLiteral("admin123")), "the password leaked");
        QVERIFY2(!r.err.contains(kPrefix), "the secret prefix was logged");

        m_clock.advanceMs(1000'000);
        m_site->setEncoderUrl(previousUrl());
        SiteClient client(m_network, profile(), m_clock);
        const Result<QList<SiteLive>> lives =
            wait<QList<SiteLive>>([&](auto done) { client.fetchLives(done); });
        QVERIFY(lives.ok());
        for (const SiteLive& live : *lives)
            if (live.key == QStringLiteral("bob-key"))
                QVERIFY(wait<SiteReply>([&](auto done) {
                            client.requester().get(live.posterUrl.toString(), {}, done);
                        }).ok());
        m_site->setEncoderUrl(standinUrl().toString());
        r = runProgram(site);
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("clear-cache")), qPrintable(r.out));

        r = runProgram({QStringLiteral("verify-standin"), QStringLiteral("--site"),
                        QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort())});
        QVERIFY2(r.exitCode == 3, qPrintable(r.out + r.err));

        r = runProgram({QStringLiteral("verify-standin")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("--site")));
    }
};

QTEST_GUILESS_MAIN(TestStandinVerification)
#include "tst_standinverification.moc"
