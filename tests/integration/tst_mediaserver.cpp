#include "fakeencoder.h"
#include "freeport.h"
#include "httpget.h"
#include "liveurls.h"
#include "media/sitethumbnail.h"
#include "site/siteclient.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kReferenceImages = QStringLiteral(AVLD_REFERENCE_IMAGES);

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// The program, while this test's event loop serves the simulator, the encoders and nginx's neighbours.
Run run(const QStringList& arguments, const QByteArray& password = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AVLD_PASSWORD"));
    if (!password.isEmpty())
        environment.insert(QStringLiteral("AVLD_PASSWORD"), QString::fromUtf8(password));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AVLD_PROGRAM), arguments);
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 90000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject liveIn(const QJsonObject& report, const QString& key) {
    for (const QJsonValue& v : report.value(QStringLiteral("lives")).toArray())
        if (v.toObject().value(QStringLiteral("key")).toString() == key)
            return v.toObject();
    return {};
}

} // namespace

// Where the streams are, found from the site itself: `check`, `encoders` and `clear-cache` with no media
// flags against the simulated site (11.x-like: no `m3u8` in the stats, the watch pages, the Live plugin's
// options for an admin) fed by real nginx-rtmp streams.
class TestMediaServer : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    QNetworkAccessManager m_network;

    QUrl playerServer() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
    }

    std::unique_ptr<SiteSimulator> makeSite(const QUrl& player) {
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = player;
        options.encoderUrl = m_encoder->url().toString();
        options.referenceImagesDir = kReferenceImages;
        auto site = std::make_unique<SiteSimulator>(options);
        if (!site->listen())
            return nullptr;
        site->addLive({.key = QStringLiteral("ms-alice"),
                       .user = QStringLiteral("alice"),
                       .title = QStringLiteral("Alice")});
        site->addLive(
            {.key = QStringLiteral("ms-bob"), .user = QStringLiteral("bob"), .title = QStringLiteral("Bob")});
        return site;
    }

    // The encoder answers its placeholder first (stale-while-revalidate): ask until the site shows frames.
    bool siteShowsFrames(const SiteSimulator& site) {
        for (const QString& user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            const QUrl url = site.url(LiveUrls::posterRelative(user, 0, QStringLiteral("jpg")));
            const bool real = QTest::qWaitFor(
                [&] {
                    const HttpReply reply = httpGet(url, 5000);
                    return SiteThumbnail::classify(url, reply.body, QDateTime::currentDateTimeUtc()).cls ==
                           ThumbnailClass::RealFrame;
                },
                30000);
            if (!real)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QDir(kReferenceImages).exists(QStringLiteral("avideo-OnAir.jpg")))
            QFAIL("the shared reference images (AVideo's cards) are missing: the site's thumbnails cannot be "
                  "classified");
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const QString& key : {QStringLiteral("ms-alice"), QStringLiteral("ms-bob")})
            if (const Status failed = m_stack.publish({.key = key, .size = QSize(640, 360)}, 20000, 2);
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        m_encoder = std::make_unique<FakeEncoder>(
            FakeEncoder::Options{.mode = FakeEncoder::Mode::Working, .referenceImagesDir = kReferenceImages});
        QVERIFY(m_encoder->listen());
        m_site = makeSite(playerServer());
        QVERIFY(m_site);
        QVERIFY2(siteShowsFrames(*m_site), "the simulated site never showed real frames");
    }

    void cleanupTestCase() {
        m_site.reset();
        m_encoder.reset();
        m_stack.stop();
    }

    // The simulator's side: the watch page embeds the stream as 11.7 does; the plugin list is an admin's.
    void simulatorServesWatchPagesAndThePluginList() {
        SiteProfile profile;
        profile.siteUrl = m_site->siteUrl();
        SiteClient client(m_network, profile);
        std::optional<Result<QUrl>> hls;
        client.fetchWatchPageHls(m_site->url(QStringLiteral("live/0/alice")),
                                 [&](Result<QUrl> r) { hls = r; });
        QTRY_VERIFY_WITH_TIMEOUT(hls.has_value(), 10000);
        QVERIFY2(hls->ok(), hls->ok() ? "" : qPrintable(hls->error().toString()));
        QCOMPARE(hls->value(), m_stack.hlsUrl(QStringLiteral("ms-alice")));

        const HttpReply stats = httpGet(m_site->url(QStringLiteral("plugin/Live/stats.json.php")), 5000);
        QVERIFY(!stats.body.contains("m3u8")); // 11.x: the stats do not say where the stream is

        std::optional<Result<LivePluginInfo>> anonymous;
        client.fetchLivePluginInfo([&](Result<LivePluginInfo> r) { anonymous = r; });
        QTRY_VERIFY_WITH_TIMEOUT(anonymous.has_value(), 10000);
        QVERIFY(!anonymous->ok());
        QCOMPARE(anonymous->error().code, QStringLiteral("not-admin"));

        std::optional<Result<LoginInfo>> login;
        client.login(QStringLiteral("admin"), QStringLiteral("admin123"),
                     [&](Result<LoginInfo> r) { login = r; });
        QTRY_VERIFY_WITH_TIMEOUT(login.has_value(), 10000);
        QVERIFY(login->ok());
        std::optional<Result<LivePluginInfo>> admin;
        client.fetchLivePluginInfo([&](Result<LivePluginInfo> r) { admin = r; });
        QTRY_VERIFY_WITH_TIMEOUT(admin.has_value(), 10000);
        QVERIFY2(admin->ok(), admin->ok() ? "" : qPrintable(admin->error().toString()));
        QCOMPARE(admin->value().playerServer, playerServer());
        QCOMPARE(admin->value().statUrl, m_stack.statUrl());
        QCOMPARE(client.profile().media().statFrom, MediaSource::Admin);
    }

    // The case: no --stat/--player-server on a healthy site is OK, streams found on the watch pages.
    void checkWithoutMediaFlagsIsOk() {
        const Run r = run({QStringLiteral("check"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                           QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject report = r.json();
        const QJsonObject media = report.value(QStringLiteral("mediaServer")).toObject();
        QCOMPARE(media.value(QStringLiteral("playerServerFrom")).toString(), QStringLiteral("site"));
        QCOMPARE(media.value(QStringLiteral("playerServer")).toString(), playerServer().toString());
        QCOMPARE(media.value(QStringLiteral("statFrom")).toString(), QStringLiteral("unknown"));
        for (const QString& key : {QStringLiteral("ms-alice"), QStringLiteral("ms-bob")}) {
            const QJsonObject live = liveIn(report, key);
            QCOMPARE(live.value(QStringLiteral("hls")).toString(), m_stack.hlsUrl(key).toString());
            QVERIFY2(live.value(QStringLiteral("ourGrab")).toObject().value(QStringLiteral("ok")).toBool(),
                     qPrintable(QJsonDocument(live).toJson()));
        }
        QVERIFY(!r.out.contains(QStringLiteral(":8080")));
    }

    void checkAsAdminReadsTheStatPage() {
        const Run r = run({QStringLiteral("check"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                           QStringLiteral("--user"), QStringLiteral("admin")},
                          "admin123");
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("stat page %1 (from the Live plugin's options)")
                                    .arg(m_stack.statUrl().toString())),
                 qPrintable(r.out));
        QVERIFY2(
            r.out.contains(
                QStringLiteral("streams %1 (from the site's watch pages)").arg(playerServer().toString())),
            qPrintable(r.out));
    }

    // What the user gives wins over what the site says.
    void theUsersFlagsWin() {
        const QUrl elsewhere(QStringLiteral("http://127.0.0.1:%1/live").arg(freeLoopbackPort()));
        const Run r =
            run({QStringLiteral("check"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                 QStringLiteral("--player-server"), elsewhere.toString(), QStringLiteral("--json")});
        const QJsonObject media = r.json().value(QStringLiteral("mediaServer")).toObject();
        QCOMPARE(media.value(QStringLiteral("playerServerFrom")).toString(), QStringLiteral("user"));
        QCOMPARE(liveIn(r.json(), QStringLiteral("ms-alice")).value(QStringLiteral("hls")).toString(),
                 elsewhere.toString() + QStringLiteral("/ms-alice/index.m3u8"));
    }

    // Nothing in this computer listens where the site says the streams are: that is said as this computer's
    // view (WARNING), not as a broken stream (CRITICAL).
    void unreachableMediaServerIsThisComputersView() {
        const QUrl closed(QStringLiteral("http://127.0.0.1:%1/live").arg(freeLoopbackPort()));
        auto site = makeSite(closed);
        QVERIFY(site);
        const Run r = run({QStringLiteral("check"), QStringLiteral("--site"), site->siteUrl().toString()});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("this computer cannot reach the media server 127.0.0.1")),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("CRITICAL")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("the stream cannot be read")));
    }

    // No watch page says where the streams are, and nobody else did: said, and nothing is grabbed.
    void unknownMediaServerIsSaidNotGuessed() {
        auto site = makeSite(playerServer());
        QVERIFY(site);
        site->setFault(QStringLiteral("live/0/alice"), SiteSimulator::Fault::HtmlLoginPage);
        site->setFault(QStringLiteral("live/0/bob"), SiteSimulator::Fault::HtmlLoginPage);
        const Run r = run({QStringLiteral("check"), QStringLiteral("--site"), site->siteUrl().toString(),
                           QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        const QJsonObject report = r.json();
        const QString findings =
            QString::fromUtf8(QJsonDocument(report.value(QStringLiteral("findings")).toArray()).toJson());
        QVERIFY2(findings.contains(QStringLiteral("the media server's address is unknown")),
                 qPrintable(findings));
        QVERIFY2(findings.contains(QStringLiteral("--player-server/--stat")), qPrintable(findings));
        QVERIFY2(findings.contains(QStringLiteral("sign in as an admin")), qPrintable(findings));
        const QJsonObject alice = liveIn(report, QStringLiteral("ms-alice"));
        QVERIFY(alice.value(QStringLiteral("hls")).toString().isEmpty());
        QVERIFY(!alice.contains(QStringLiteral("ourGrab")));

        // An admin's Live plugin options fill the gap.
        const Run admin = run({QStringLiteral("check"), QStringLiteral("--site"), site->siteUrl().toString(),
                               QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--json")},
                              "admin123");
        QVERIFY2(admin.exitCode == 0, qPrintable(admin.out + admin.err));
        QCOMPARE(admin.json()
                     .value(QStringLiteral("mediaServer"))
                     .toObject()
                     .value(QStringLiteral("playerServerFrom"))
                     .toString(),
                 QStringLiteral("admin"));
    }

    // `encoders` tests frames with the stream the site names.
    void encodersTestFramesWithTheSitesStream() {
        FakeEncoder backup({.mode = FakeEncoder::Mode::Working, .referenceImagesDir = kReferenceImages});
        QVERIFY(backup.listen());
        const Run r = run({QStringLiteral("encoders"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                           QStringLiteral("--encoder"), backup.url().toString(),
                           QStringLiteral("--no-history"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode >= 0, qPrintable(r.err));
        QVERIFY2(!backup.requestedStreams().isEmpty(), qPrintable(r.out + r.err));
        const QList<QUrl> lives{m_stack.hlsUrl(QStringLiteral("ms-alice")),
                                m_stack.hlsUrl(QStringLiteral("ms-bob"))};
        for (const QUrl& stream : backup.requestedStreams())
            QVERIFY2(lives.contains(stream), qPrintable(stream.toString()));
    }

    // `clear-cache --renew` asks the encoder for each live's stream where the site says it is.
    void clearCacheRenewsTheSitesStreams() {
        FakeEncoder other({.mode = FakeEncoder::Mode::Working, .referenceImagesDir = kReferenceImages});
        QVERIFY(other.listen());
        const Run r = run({QStringLiteral("clear-cache"), QStringLiteral("--site"),
                           m_site->siteUrl().toString(), QStringLiteral("--user"), QStringLiteral("admin"),
                           QStringLiteral("--renew"), QStringLiteral("--encoder"), other.url().toString()},
                          "admin123");
        QVERIFY2(!other.renewedStreams().isEmpty(), qPrintable(r.out + r.err));
        QVERIFY2(other.renewedStreams().contains(m_stack.hlsUrl(QStringLiteral("ms-alice"))),
                 qPrintable(r.out + r.err));
        QVERIFY2(other.renewedStreams().contains(m_stack.hlsUrl(QStringLiteral("ms-bob"))),
                 qPrintable(r.out + r.err));
        // AVideo asks only its own encoder: renewing another one is said to change nothing visitors see.
        QVERIFY2(r.err.contains(QStringLiteral("warning: the site's encoder is")), qPrintable(r.err));
    }

    // A renew that failed is a failed command, although the site's cache was cleared.
    void clearCacheFailsWhenTheRenewFails() {
        FakeEncoder down({.mode = FakeEncoder::Mode::Down, .referenceImagesDir = kReferenceImages});
        QVERIFY(down.listen());
        const Run r = run({QStringLiteral("clear-cache"), QStringLiteral("--site"),
                           m_site->siteUrl().toString(), QStringLiteral("--user"), QStringLiteral("admin"),
                           QStringLiteral("--renew"), QStringLiteral("--encoder"), down.url().toString()},
                          "admin123");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("the site cleared")), qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("the renew failed for 2 of 2 lives")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestMediaServer)
#include "tst_mediaserver.moc"
