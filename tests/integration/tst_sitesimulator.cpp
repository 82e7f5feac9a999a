// The AVideo site simulator and the fake encoder against avideo-protocol.md: a real nginx-rtmp with ffmpeg
// publishers, real HTTP over loopback, a mock clock for cache lifetimes and the rate-limit window.

#include "bitmapqt/qimagebridge.h"
#include "encoderplaceholders.h"
#include "fakeencoder.h"
#include "liveurls.h"
#include "media/framechecks.h"
#include "mockclock.h"
#include "siteaccounts.h"
#include "sitecardimages.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace avld;
using namespace avld::test;

namespace {

const QString kReferenceImages = QStringLiteral(AVLD_REFERENCE_IMAGES);
using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Response {
    int status = 0; // 0: no HTTP answer
    QString error;
    QByteArray body;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray& name) const {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request on a fresh manager (no cookie jar: sessions travel only as the test sends them).
Response send(const QUrl& url, const Headers& headers = {}, const QByteArray& method = "GET",
              const QByteArray& body = {}, int timeoutMs = 10000) {
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    if (method == "POST" && request.header(QNetworkRequest::ContentTypeHeader).isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply =
        method == "GET" ? manager.get(request) : manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    Response out;
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QStringLiteral("timeout");
    } else {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.headers = reply->rawHeaderPairs();
        if (reply->error() != QNetworkReply::NoError)
            out.error = reply->errorString();
    }
    reply->deleteLater();
    return out;
}

QByteArray form(const QList<QPair<QString, QString>>& fields) {
    QUrlQuery query;
    for (const auto& [name, value] : fields)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return query.toString(QUrl::FullyEncoded).toUtf8();
}

QStringList keysOf(const QJsonArray& applications) {
    QStringList keys;
    for (const QJsonValue& app : applications)
        keys << app.toObject().value(QStringLiteral("key")).toString();
    keys.sort();
    return keys;
}

QJsonObject application(const QJsonObject& stats, const QString& key) {
    for (const QJsonValue& app : stats.value(QStringLiteral("applications")).toArray()) {
        if (app.toObject().value(QStringLiteral("key")).toString() == key)
            return app.toObject();
    }
    return {};
}

bool referenceImagesPresent() {
    return QDir(kReferenceImages).exists(QStringLiteral("avideo-OnAir.jpg"));
}

} // namespace

class TestSiteSimulator : public QObject {
    Q_OBJECT

private:
    StreamStack m_stack;
    MockClock m_clock;

    // A site on the shared stack: alice publishes live-alice; ghost-1 publishes without a row; carol's
    // row is a hung live; dave has a row but does not publish.
    std::unique_ptr<SiteSimulator> makeSite(const QString& encoderUrl = {}, int rateLimit = 300,
                                            bool avideo11 = false) {
        SiteSimulator::Options options;
        options.avideo11 = avideo11;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.rtmpServer = QStringLiteral("rtmp://127.0.0.1:%1/live").arg(m_stack.rtmpPort());
        options.encoderUrl = encoderUrl.isEmpty() ? QStringLiteral("http://127.0.0.1:9/") : encoderUrl;
        options.clock = &m_clock;
        options.rateLimitPerMinute = rateLimit;
        options.referenceImagesDir = kReferenceImages;
        auto site = std::make_unique<SiteSimulator>(options);
        if (!site->listen())
            return nullptr;
        site->addLive({.key = QStringLiteral("live-alice"),
                       .user = QStringLiteral("alice"),
                       .title = QStringLiteral("Alice live")});
        site->addLive({.key = QStringLiteral("stale-carol"),
                       .user = QStringLiteral("carol"),
                       .title = QStringLiteral("Carol (hung)"),
                       .listedWhileNotPublishing = true});
        site->addLive({.key = QStringLiteral("off-dave"),
                       .user = QStringLiteral("dave"),
                       .title = QStringLiteral("Dave")});
        return site;
    }

    std::unique_ptr<FakeEncoder> makeEncoder(FakeEncoder::Mode mode) {
        FakeEncoder::Options options;
        options.mode = mode;
        options.referenceImagesDir = kReferenceImages;
        options.clock = &m_clock;
        auto encoder = std::make_unique<FakeEncoder>(options);
        return encoder->listen() ? std::move(encoder) : nullptr;
    }

    static Headers sameSite(const SiteSimulator& site) { return {{"Referer", site.siteUrl().toEncoded()}}; }

    static QUrl imageUrl(const SiteSimulator& site, const QString& user,
                         const QString& format = QStringLiteral("jpg")) {
        return site.url(LiveUrls::posterRelative(user, 0, format));
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = QStringLiteral("live-alice")}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed =
                m_stack.publish({.key = QStringLiteral("ghost-1"), .size = QSize(640, 360)});
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (!referenceImagesPresent())
            qWarning("reference images missing at %s: card checks are skipped", qPrintable(kReferenceImages));
    }

    void login_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("pass");
        QTest::addColumn<bool>("encodedPass");
        QTest::addColumn<bool>("post");
        QTest::addColumn<bool>("logged");
        QTest::addColumn<bool>("admin");
        QTest::addColumn<bool>("canStream");
        QTest::newRow("admin, GET") << "admin"
                                    << "admin123" << false << false << true << true << true;
        QTest::newRow("admin, POST") << "admin"
                                     << "admin123" << false << true << true << true << true;
        QTest::newRow("streamer") << "streamer"
                                  << "streamer123" << false << true << true << false << true;
        QTest::newRow("viewer") << "viewer"
                                << "viewer123" << false << true << true << false << false;
        QTest::newRow("cachekeeper") << "cachekeeper"
                                     << "cache123" << false << true << true << false << false;
        QTest::newRow("hash with encodedPass")
            << "streamer" << SiteAccounts::passwordHash(QStringLiteral("streamer123")) << true << false
            << true << false << true;
        QTest::newRow("hash without encodedPass")
            << "streamer" << SiteAccounts::passwordHash(QStringLiteral("streamer123")) << false << false
            << false << false << false;
        QTest::newRow("wrong password") << "admin"
                                        << "nope" << false << true << false << false << false;
        QTest::newRow("unknown user") << "mallory"
                                      << "x" << false << true << false << false << false;
    }
    void login() {
        QFETCH(QString, user);
        QFETCH(QString, pass);
        QFETCH(bool, encodedPass);
        QFETCH(bool, post);
        QFETCH(bool, logged);
        QFETCH(bool, admin);
        QFETCH(bool, canStream);
        auto site = makeSite();
        QVERIFY(site);
        QList<QPair<QString, QString>> fields{{QStringLiteral("user"), user}, {QStringLiteral("pass"), pass}};
        if (encodedPass)
            fields.append({QStringLiteral("encodedPass"), QStringLiteral("1")});
        QUrl url = site->url(QStringLiteral("objects/login.json.php"));
        Response response;
        if (post) {
            response = send(url, {}, "POST", form(fields));
        } else {
            url.setQuery(QString::fromUtf8(form(fields)));
            response = send(url);
        }
        // Exempt from the CSRF guard; a failed login is still HTTP 200.
        QCOMPARE(response.status, 200);
        QVERIFY(response.contentType.startsWith("application/json"));
        const QJsonObject json = response.json();
        for (const char* field :
             {"id", "user", "name", "email", "pass", "isLogged", "isAdmin", "canUpload", "canStream",
              "channelName", "photo", "streamServerURL", "streamKey", "PHPSESSID"})
            QVERIFY2(json.contains(QLatin1String(field)), field);
        QCOMPARE(json.value(QStringLiteral("isLogged")).toBool(), logged);
        QCOMPARE(json.value(QStringLiteral("isAdmin")).toBool(), admin);
        QCOMPARE(json.value(QStringLiteral("canStream")).toBool(), canStream);
        const QString session = json.value(QStringLiteral("PHPSESSID")).toString();
        QVERIFY(!session.isEmpty());
        QVERIFY(response.header("Set-Cookie").startsWith("PHPSESSID=" + session.toLatin1()));
        if (logged) {
            QCOMPARE(json.value(QStringLiteral("user")).toString(), user);
            const QString hash = json.value(QStringLiteral("pass")).toString();
            QCOMPARE(hash, SiteAccounts::passwordHash(site->accounts().byName(user)->password));
            QCOMPARE(json.value(QStringLiteral("streamServerURL")).toString(),
                     QStringLiteral("rtmp://127.0.0.1:%1/live?p=%2").arg(m_stack.rtmpPort()).arg(hash));
            QVERIFY(!json.value(QStringLiteral("streamKey")).toString().isEmpty());
        } else {
            QCOMPARE(json.value(QStringLiteral("id")).toBool(true), false);
            QCOMPARE(json.value(QStringLiteral("streamKey")).toString(), QString());
        }
    }

    void loginWithoutCredentials() {
        auto site = makeSite();
        QVERIFY(site);
        const Response response = send(site->url(QStringLiteral("objects/login.json.php")));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("User and Password can not be blank"));
    }

    void sessionCarriesTheLogin_data() {
        QTest::addColumn<bool>("asCookie");
        QTest::newRow("cookie") << true;
        QTest::newRow("?PHPSESSID=") << false;
    }
    void sessionCarriesTheLogin() {
        QFETCH(bool, asCookie);
        auto site = makeSite();
        QVERIFY(site);
        const Response login =
            send(site->url(QStringLiteral("objects/login.json.php?user=admin&pass=admin123")));
        const QString session = login.json().value(QStringLiteral("PHPSESSID")).toString();
        QVERIFY(!session.isEmpty());
        QUrl url = site->url(QStringLiteral("objects/configurationClearCache.json.php"));
        Headers headers = sameSite(*site);
        if (asCookie)
            headers.append({"Cookie", "PHPSESSID=" + session.toLatin1()});
        else
            url.setQuery(QStringLiteral("PHPSESSID=") + session);
        const Response response = send(url, headers);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(QStringLiteral("clearCache")).toBool(), true);
        QCOMPARE(site->fullCacheClears(), 1);
    }

    void csrfGuard_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("loopbackTrusted");
        QTest::addColumn<int>("status");
        const QString status = QStringLiteral("objects/status.json.php");
        QTest::newRow("no Referer or Origin") << status << QByteArray() << QByteArray() << false << 403;
        QTest::newRow("Referer = site")
            << status << QByteArray("Referer") << QByteArray("SITE") << false << 200;
        QTest::newRow("Origin = site")
            << status << QByteArray("Origin") << QByteArray("SITE") << false << 200;
        QTest::newRow("Referer on another port of the host")
            << status << QByteArray("Referer") << QByteArray("http://127.0.0.1:1/x") << false << 200;
        QTest::newRow("Referer elsewhere")
            << status << QByteArray("Referer") << QByteArray("http://evil.example/") << false << 403;
        QTest::newRow("mobile app UA")
            << status << QByteArray("User-Agent") << QByteArray("AVideoMobileApp/5") << false << 200;
        QTest::newRow("encoder UA") << status << QByteArray("User-Agent") << QByteArray("AVideoEncoder host")
                                    << false << 200;
        QTest::newRow("our own UA") << status << QByteArray("User-Agent")
                                    << QByteArray("AVideoLiveDoctor/0.1") << false << 403;
        QTest::newRow("loopback trusted like the real site")
            << status << QByteArray() << QByteArray() << true << 200;
        QTest::newRow("loopback with a foreign Referer")
            << status << QByteArray("Referer") << QByteArray("http://evil.example/") << true << 403;
        QTest::newRow("login is exempt")
            << QStringLiteral("objects/login.json.php?user=viewer&pass=viewer123") << QByteArray()
            << QByteArray() << false << 200;
        QTest::newRow("API is exempt") << QStringLiteral("plugin/API/get.json.php?APIName=livestreams")
                                       << QByteArray() << QByteArray() << false << 200;
        QTest::newRow("clear cache") << QStringLiteral("objects/configurationClearCache.json.php")
                                     << QByteArray() << QByteArray() << false << 403;
        QTest::newRow("configuration update") << QStringLiteral("objects/configurationUpdate.json.php")
                                              << QByteArray() << QByteArray() << false << 403;
        QTest::newRow("stats") << QStringLiteral("plugin/Live/stats.json.php") << QByteArray() << QByteArray()
                               << false << 403;
        QTest::newRow("getImage is no *.json.php")
            << QStringLiteral("plugin/Live/getImage.php?u=nobody&format=jpg") << QByteArray() << QByteArray()
            << false << 200;
    }
    void csrfGuard() {
        QFETCH(QString, path);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(bool, loopbackTrusted);
        QFETCH(int, status);
        auto site = makeSite();
        QVERIFY(site);
        site->setTreatLoopbackAsRemote(!loopbackTrusted);
        Headers headers;
        if (!header.isEmpty())
            headers.append({header, value == "SITE" ? site->siteUrl().toEncoded() : value});
        const Response response = send(site->url(path), headers);
        QCOMPARE(response.status, status);
        if (status == 403) {
            const QJsonObject json = response.json();
            QCOMPARE(json.value(QStringLiteral("error")).toBool(), true);
            QCOMPARE(json.value(QStringLiteral("msg")).toString(),
                     QStringLiteral("Invalid Request 127.0.0.1"));
        }
    }

    void statsAnswersOnlyASafePlace_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("answers");
        const QString api = QStringLiteral("plugin/API/get.json.php?APIName=livestreams");
        // The API alias skips the CSRF guard but runs stats.json.php, which dies without a word.
        QTest::newRow("API, nothing") << api << QByteArray() << QByteArray() << false;
        QTest::newRow("API, Referer") << api << QByteArray("Referer") << QByteArray("SITE") << true;
        QTest::newRow("API, UA containing AVideo")
            << api << QByteArray("User-Agent") << QByteArray("AVideoLiveDoctor/0.1") << true;
        QTest::newRow("REST alias, nothing")
            << QStringLiteral("api/livestreams") << QByteArray() << QByteArray() << false;
        QTest::newRow("REST alias, Origin")
            << QStringLiteral("api/livestreams") << QByteArray("Origin") << QByteArray("SITE") << true;
        // Loopback trusted by the CSRF guard, but not a safe place.
        QTest::newRow("stats, trusted loopback")
            << QStringLiteral("plugin/Live/stats.json.php") << QByteArray() << QByteArray() << false;
    }
    void statsAnswersOnlyASafePlace() {
        QFETCH(QString, path);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(bool, answers);
        auto site = makeSite();
        QVERIFY(site);
        site->setTreatLoopbackAsRemote(false);
        Headers headers;
        if (!header.isEmpty())
            headers.append({header, value == "SITE" ? site->siteUrl().toEncoded() : value});
        const Response response = send(site->url(path), headers);
        QCOMPARE(response.status, 200);
        if (answers) {
            QCOMPARE(keysOf(response.json().value(QStringLiteral("applications")).toArray()),
                     (QStringList{QStringLiteral("live-alice"), QStringLiteral("stale-carol")}));
        } else {
            QCOMPARE(response.body, QByteArray());
        }
    }

    void rateLimit() {
        auto site = makeSite({}, 5);
        QVERIFY(site);
        const QUrl status = site->url(QStringLiteral("objects/status.json.php"));
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(send(status, sameSite(*site)).status, 200);
        const Response sixth = send(status, sameSite(*site));
        QCOMPARE(sixth.status, 429);
        QCOMPARE(sixth.json().value(QStringLiteral("msg")).toString(),
                 QStringLiteral("Too many requests. Try again later."));
        // Per endpoint: another script still has its budget.
        QCOMPARE(send(site->url(QStringLiteral("objects/login.json.php?user=viewer&pass=viewer123"))).status,
                 200);
        m_clock.advanceMs(59'000);
        QCOMPARE(send(status, sameSite(*site)).status, 429);
        m_clock.advanceMs(1'000);
        QCOMPARE(send(status, sameSite(*site)).status, 200);
    }

    void statsListsPublishingLivesThatHaveARow() {
        auto site = makeSite();
        QVERIFY(site);
        const Response response =
            send(site->url(QStringLiteral("plugin/Live/stats.json.php")), sameSite(*site));
        QCOMPARE(response.status, 200);
        QVERIFY(response.contentType.startsWith("application/json"));
        const QJsonObject stats = response.json();
        QCOMPARE(stats.value(QStringLiteral("error")).toBool(true), false);
        // ghost-1 publishes without a row; off-dave has a row and does not publish; stale-carol is a hung
        // row.
        QCOMPARE(keysOf(stats.value(QStringLiteral("applications")).toArray()),
                 (QStringList{QStringLiteral("live-alice"), QStringLiteral("stale-carol")}));
        QCOMPARE(stats.value(QStringLiteral("hidden_applications")).toArray().size(), 0);
        QCOMPARE(stats.value(QStringLiteral("total")).toInt(), 2);

        const QJsonObject alice = application(stats, QStringLiteral("live-alice"));
        for (const char* field :
             {"key", "live_servers_id", "title", "users_id", "name", "href", "link", "poster", "imgGif",
              "type", "className", "uid", "isPrivate", "isLiveAndIsReadyFromKey"})
            QVERIFY2(alice.contains(QLatin1String(field)), field);
        QCOMPARE(alice.value(QStringLiteral("title")).toString(), QStringLiteral("Alice live"));
        QCOMPARE(alice.value(QStringLiteral("type")).toString(), QStringLiteral("live"));
        QCOMPARE(alice.value(QStringLiteral("uid")).toString(), QStringLiteral("live_0_live-alice"));
        QCOMPARE(alice.value(QStringLiteral("isLiveAndIsReadyFromKey")).toBool(), true);
        QCOMPARE(alice.value(QStringLiteral("poster")).toString(),
                 QStringLiteral(
                     "plugin/Live/"
                     "getImage.php?live_servers_id=0&playlists_id_live=0&live_index=&u=alice&format=jpg"));
        QVERIFY(alice.value(QStringLiteral("imgGif"))
                    .toString()
                    .endsWith(QStringLiteral("&u=alice&format=webp")));
        QCOMPARE(alice.value(QStringLiteral("href")).toString(),
                 site->siteUrl().toString() + QStringLiteral("live/0/alice"));

        const QJsonObject carol = application(stats, QStringLiteral("stale-carol"));
        QCOMPARE(carol.value(QStringLiteral("isLiveAndIsReadyFromKey")).toBool(true), false);
        QCOMPARE(carol.value(QStringLiteral("poster")).toString(),
                 QStringLiteral("plugin/Live/view/Offline.jpg"));

        // The same JSON through both API aliases, and msg for ?name=.
        const Response api =
            send(site->url(QStringLiteral("plugin/API/get.json.php?APIName=livestreams")), sameSite(*site));
        QCOMPARE(keysOf(api.json().value(QStringLiteral("applications")).toArray()),
                 keysOf(stats.value(QStringLiteral("applications")).toArray()));
        const Response rest = send(site->url(QStringLiteral("api/livestreams")), sameSite(*site));
        QCOMPARE(keysOf(rest.json().value(QStringLiteral("applications")).toArray()),
                 keysOf(stats.value(QStringLiteral("applications")).toArray()));
        QCOMPARE(
            send(site->url(QStringLiteral("plugin/Live/stats.json.php?name=live-alice")), sameSite(*site))
                .json()
                .value(QStringLiteral("msg"))
                .toString(),
            QStringLiteral("ONLINE"));
        QCOMPARE(send(site->url(QStringLiteral("plugin/Live/stats.json.php?name=off-dave")), sameSite(*site))
                     .json()
                     .value(QStringLiteral("msg"))
                     .toString(),
                 QStringLiteral("OFFLINE"));
        QVERIFY(site->statsCached());
    }

    void publishingIsNoticedWithoutWaitingForTheCache() {
        auto site = makeSite();
        QVERIFY(site);
        site->addLive({.key = QStringLiteral("late-bob"),
                       .user = QStringLiteral("bob"),
                       .title = QStringLiteral("Late")});
        const QUrl stats = site->url(QStringLiteral("plugin/Live/stats.json.php"));
        auto listed = [&] {
            return keysOf(
                send(stats, sameSite(*site)).json().value(QStringLiteral("applications")).toArray());
        };
        QVERIFY(!listed().contains(QStringLiteral("late-bob")));
        QVERIFY(m_stack.publish({.key = QStringLiteral("late-bob"), .size = QSize(320, 180)}).ok());
        // The stats cache lives 60 s on the mock clock, which does not move: only the on_publish stand-in
        // can make the new live appear.
        QTRY_VERIFY_WITH_TIMEOUT(listed().contains(QStringLiteral("late-bob")), 10000);
        m_stack.stopPublisher(QStringLiteral("late-bob"));
        QTRY_VERIFY_WITH_TIMEOUT(!listed().contains(QStringLiteral("late-bob")), 10000);
    }

    void encoderDownGivesTheOnlineCard() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Down);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString());
        QVERIFY(site);
        const Response response = send(imageUrl(*site, QStringLiteral("alice")));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.contentType, QByteArray("image/jpg"));
        const QImage card = QImage::fromData(response.body);
        QCOMPARE(card.size(), QSize(1200, 630));
        if (referenceImagesPresent())
            QCOMPARE(FrameChecks::classify(fromQImage(card)).card, KnownCard::AvideoOnAir);
        QCOMPARE(response.body, site->cards().onAirScaled());
        // file_get_contents() and then curl both try, both refused.
        QCOMPARE(site->encoderCallCount(), 2);
        QCOMPARE(encoder->requestCount(), 0);
        QVERIFY(site->liveImageCacheKeys().isEmpty());
        // The request AVideo makes: {encoderURL}objects/getImage.php?base64Url=<base64 of the HLS
        // URL>&format=jpg.
        const QUrl call = site->encoderRequests().first();
        QCOMPARE(call.path(), QStringLiteral("/objects/getImage.php"));
        const QString base64 =
            QUrlQuery(call).queryItemValue(QStringLiteral("base64Url"), QUrl::FullyDecoded);
        QCOMPARE(FakeEncoder::decodeStreamUrl(base64), m_stack.hlsUrl(QStringLiteral("live-alice")));
    }

    // AVideo 11.x (the real 11.7, measured): the card it serves while the encoder fails is cached like a
    // frame, so fixing the encoder changes nothing for 5 minutes unless the cache is cleared.
    void avideo11CachesItsOwnCard() {
        auto down = makeEncoder(FakeEncoder::Mode::Down);
        QVERIFY(down);
        auto site = makeSite(down->url().toString(), 300, true);
        QVERIFY(site);
        const QUrl url = imageUrl(*site, QStringLiteral("alice"));
        const Response card = send(url);
        QCOMPARE(card.status, 200);
        QCOMPARE(card.body, site->cards().onAir()); // OnAir.jpg as it is, not scaled
        QCOMPARE(site->encoderCallCount(), 1);      // file_get_contents() only: no curl retry in 11.x
        QCOMPARE(site->liveImageDiskCacheKeys().size(), 1);

        auto working = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(working);
        site->setEncoderUrl(working->url().toString());
        m_clock.advanceMs(299'000);
        QCOMPARE(send(url).body, site->cards().onAir()); // still the cached card
        QCOMPARE(working->requestCount(), 0);
        m_clock.advanceMs(2'000);
        send(url); // expired: the encoder is asked again
        QCOMPARE(working->requestCount(), 1);
    }

    // AVideo 11.x reads its encoder until the connection closes: an encoder that keeps it open after the
    // image costs the whole read timeout, although the image arrived at once.
    void avideo11ReadsUntilTheEncoderCloses_data() {
        QTest::addColumn<FakeEncoder::Mode>("mode");
        QTest::addColumn<bool>("waitsForTheTimeout");
        QTest::newRow("closes") << FakeEncoder::Mode::Working << false;
        QTest::newRow("keeps the connection open") << FakeEncoder::Mode::KeepOpen << true;
    }
    void avideo11ReadsUntilTheEncoderCloses() {
        QFETCH(FakeEncoder::Mode, mode);
        QFETCH(bool, waitsForTheTimeout);
        auto encoder = makeEncoder(mode);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString(), 300, true);
        QVERIFY(site);
        const QUrl url = imageUrl(*site, QStringLiteral("alice"));
        send(url); // the encoder's placeholder for a new stream, then it makes the frame
        QTRY_VERIFY_WITH_TIMEOUT(
            encoder->hasOutput(m_stack.hlsUrl(QStringLiteral("live-alice")), QStringLiteral("jpg")), 15000);
        QElapsedTimer timer;
        timer.start();
        const Response frame = send(url, {}, "GET", {}, 15000);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(frame.status, 200);
        QVERIFY2(FrameChecks::classify(fromQImage(QImage::fromData(frame.body))).isRealFrame(),
                 "not the encoder's frame");
        if (waitsForTheTimeout)
            QVERIFY2(elapsed >= 1900, qPrintable(QString::number(elapsed)));
        else
            QVERIFY2(elapsed < 1900, qPrintable(QString::number(elapsed)));
    }

    void placeholderIsPassedThroughAndNotCached_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("size");
        QTest::newRow("jpg") << "jpg" << qint64(70'808);
        QTest::newRow("webp") << "webp" << qint64(2'095'341);
    }
    void placeholderIsPassedThroughAndNotCached() {
        QFETCH(QString, format);
        QFETCH(qint64, size);
        auto encoder = makeEncoder(FakeEncoder::Mode::PlaceholderOnly);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString());
        QVERIFY(site);
        for (int i = 1; i <= 2; ++i) {
            const Response response = send(imageUrl(*site, QStringLiteral("alice"), format));
            QCOMPARE(response.status, 200);
            QCOMPARE(response.body.size(), size);
            QCOMPARE(encoder->requestCount(), i); // not cached: every request asks the encoder again
        }
        QVERIFY(site->liveImageCacheKeys().isEmpty());
    }

    void workingEncoderGivesARealFrameThatIsCached() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString());
        QVERIFY(site);
        const QUrl url = imageUrl(*site, QStringLiteral("alice"));

        // The encoder's first answer to a new stream is its placeholder; AVideo passes it on uncached.
        const Response first = send(url);
        QCOMPARE(first.body.size(), qint64(70'808));
        QVERIFY(site->liveImageCacheKeys().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            encoder->hasOutput(m_stack.hlsUrl(QStringLiteral("live-alice")), QStringLiteral("jpg")), 15000);

        const Response second = send(url);
        QCOMPARE(second.status, 200);
        const QImage frame = QImage::fromData(second.body);
        QCOMPARE(frame.size(), QSize(640, 360));
        const FrameVerdict verdict = FrameChecks::classify(fromQImage(frame));
        QVERIFY2(verdict.isRealFrame(), qPrintable(verdict.reason()));
        QCOMPARE(site->liveImageCacheKeys(), QStringList{QStringLiteral("getLiveImage_live-alice_jpg")});
        const int calls = site->encoderCallCount();

        // Within 300 s the site answers from its cache...
        m_clock.advanceMs(299'000);
        QCOMPARE(send(url).body, second.body);
        QCOMPARE(site->encoderCallCount(), calls);
        // ...after it, it asks the encoder again.
        m_clock.advanceMs(2'000);
        QCOMPARE(send(url).status, 200);
        QCOMPARE(site->encoderCallCount(), calls + 1);

        // A full cache clear by an admin empties the live image caches.
        const Response login =
            send(site->url(QStringLiteral("objects/login.json.php?user=admin&pass=admin123")));
        const QByteArray cookie =
            "PHPSESSID=" + login.json().value(QStringLiteral("PHPSESSID")).toString().toLatin1();
        QVERIFY(!site->liveImageCacheKeys().isEmpty());
        const Response cleared = send(site->url(QStringLiteral("objects/configurationClearCache.json.php")),
                                      {{"Referer", site->siteUrl().toEncoded()}, {"Cookie", cookie}});
        QCOMPARE(cleared.json().value(QStringLiteral("deleteALLCache")).toBool(), true);
        QVERIFY(site->liveImageCacheKeys().isEmpty());
        QVERIFY(site->liveImageDiskCacheKeys().isEmpty());
        QVERIFY(!site->statsCached());
    }

    void slowEncoderMissesTheTwoSeconds() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Slow);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString());
        QVERIFY(site);
        QElapsedTimer timer;
        timer.start();
        const Response response = send(imageUrl(*site, QStringLiteral("alice")), {}, "GET", {}, 15000);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, site->cards().onAirScaled());
        // Two tries of 2 s each (file_get_contents, then curl), never the encoder's 3 s. (Qt's transfer
        // timeout runs on a coarse timer, which may fire up to 5% early.)
        QVERIFY2(elapsed >= 3700 && elapsed < 6000, qPrintable(QString::number(elapsed)));
        QCOMPARE(site->encoderCallCount(), 2);
        QVERIFY(site->liveImageCacheKeys().isEmpty());
    }

    void blackHoleEncoderGivesTheOnlineCard() {
        auto encoder = makeEncoder(FakeEncoder::Mode::BlackHole);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString());
        QVERIFY(site);
        const Response response = send(imageUrl(*site, QStringLiteral("alice")), {}, "GET", {}, 15000);
        QCOMPARE(response.body, site->cards().onAirScaled());
        QCOMPARE(encoder->requestCount(), 2);
    }

    void offlineCard_data() {
        QTest::addColumn<QString>("user");
        QTest::newRow("no transmission") << "nobody";
        QTest::newRow("a row that does not publish") << "dave";
    }
    void offlineCard() {
        QFETCH(QString, user);
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        auto site = makeSite(encoder->url().toString());
        QVERIFY(site);
        const Response response = send(imageUrl(*site, user));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, site->cards().offline());
        if (referenceImagesPresent()) {
            QCOMPARE(response.body.size(), qint64(26'072));
            QCOMPARE(FrameChecks::classify(fromQImage(QImage::fromData(response.body))).card,
                     KnownCard::AvideoOffline);
        }
        QCOMPARE(site->encoderCallCount(), 0);
        QCOMPARE(encoder->requestCount(), 0);
    }

    void clearCache_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("parameters");
        QTest::addColumn<bool>("clearCache");
        QTest::addColumn<bool>("deleteAllCache");
        QTest::addColumn<bool>("sessionOnly");
        QTest::addColumn<bool>("firstPage");
        QTest::newRow("admin: full") << "admin"
                                     << "" << true << true << false << false;
        QTest::newRow("cachekeeper group: full") << "cachekeeper"
                                                 << "" << true << true << false << false;
        QTest::newRow("admin, FirstPage=1") << "admin"
                                            << "FirstPage=1" << false << false << false << true;
        QTest::newRow("admin, sessionOnly=1") << "admin"
                                              << "sessionOnly=1" << false << false << true << false;
        QTest::newRow("viewer: session only") << "viewer"
                                              << "" << false << false << true << false;
        QTest::newRow("streamer: session only") << "streamer"
                                                << "" << false << false << true << false;
        QTest::newRow("anonymous: session only") << ""
                                                 << "" << false << false << true << false;
    }
    void clearCache() {
        QFETCH(QString, user);
        QFETCH(QString, parameters);
        QFETCH(bool, clearCache);
        QFETCH(bool, deleteAllCache);
        QFETCH(bool, sessionOnly);
        QFETCH(bool, firstPage);
        auto site = makeSite();
        QVERIFY(site);
        QCOMPARE(send(site->url(QStringLiteral("plugin/Live/stats.json.php")), sameSite(*site)).status, 200);
        QVERIFY(site->statsCached());
        QUrl url = site->url(QStringLiteral("objects/configurationClearCache.json.php"));
        QString query = parameters;
        if (!user.isEmpty()) {
            // Request credentials log the caller in (User::loginFromRequestIfNotLogged()).
            const QString password = site->accounts().byName(user)->password;
            query += (query.isEmpty() ? QString() : QStringLiteral("&")) +
                     QStringLiteral("user=%1&pass=%2").arg(user, password);
        }
        url.setQuery(query);
        const Response response = send(url, sameSite(*site));
        QCOMPARE(response.status, 200);
        const QJsonObject json = response.json();
        QCOMPARE(json.value(QStringLiteral("error")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("clearCache")).toBool(), clearCache);
        QCOMPARE(json.value(QStringLiteral("deleteALLCache")).toBool(), deleteAllCache);
        QCOMPARE(json.value(QStringLiteral("deleteAllSessionCache")).toBool(), sessionOnly);
        QCOMPARE(json.value(QStringLiteral("firstPageCache")).toBool(), firstPage);
        QCOMPARE(json.contains(QStringLiteral("firstPageCache")), firstPage);
        QCOMPARE(site->statsCached(), !clearCache);
        QCOMPARE(site->fullCacheClears(), clearCache ? 1 : 0);
        QCOMPARE(site->firstPageCacheClears(), firstPage ? 1 : 0);
    }

    void configurationUpdateOverwritesEveryField() {
        auto site = makeSite();
        QVERIFY(site);
        const QMap<QString, QString> before = site->configuration();
        QVERIFY(!before.value(QStringLiteral("webSiteTitle")).isEmpty());
        QVERIFY(!before.value(QStringLiteral("contactEmail")).isEmpty());
        QVERIFY(!before.value(QStringLiteral("language")).isEmpty());
        const QUrl url = site->url(QStringLiteral("objects/configurationUpdate.json.php"));
        const QByteArray body =
            form({{QStringLiteral("user"), QStringLiteral("admin")},
                  {QStringLiteral("pass"), QStringLiteral("admin123")},
                  {QStringLiteral("encoder_url"), QStringLiteral("http://127.0.0.1:7000/")}});

        // A viewer is refused the way the script does it: a JSON string error, HTTP 200.
        const QByteArray viewerBody =
            form({{QStringLiteral("user"), QStringLiteral("viewer")},
                  {QStringLiteral("pass"), QStringLiteral("viewer123")},
                  {QStringLiteral("encoder_url"), QStringLiteral("http://127.0.0.1:7000/")}});
        const Response refused = send(url, sameSite(*site), "POST", viewerBody);
        QCOMPARE(refused.status, 200);
        QCOMPARE(refused.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("Permission denied"));
        QCOMPARE(site->configuration(), before);
        // Without a same-site Referer even the admin is stopped by the CSRF guard.
        QCOMPARE(send(url, {}, "POST", body).status, 403);
        QCOMPARE(site->configuration(), before);

        // The admin posts only encoder_url: the encoder URL changes and every other field is wiped.
        const Response saved = send(url, sameSite(*site), "POST", body);
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json().value(QStringLiteral("status")).toString(), QStringLiteral("1"));
        QCOMPARE(site->encoderUrl(), QStringLiteral("http://127.0.0.1:7000/"));
        QCOMPARE(site->configuration().value(QStringLiteral("webSiteTitle")), QString());
        QCOMPARE(site->configuration().value(QStringLiteral("contactEmail")), QString());
        QCOMPARE(site->configuration().value(QStringLiteral("language")), QString());
        QCOMPARE(send(site->url(QStringLiteral("objects/status.json.php")), sameSite(*site))
                     .json()
                     .value(QStringLiteral("webSiteTitle"))
                     .toString(),
                 QString());
    }

    void apiSetGuard_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("sameSite");
        QTest::addColumn<bool>("credentials");
        QTest::addColumn<int>("status");
        QTest::newRow("GET") << QByteArray("GET") << true << false << 405;
        QTest::newRow("POST, foreign") << QByteArray("POST") << false << false << 403;
        QTest::newRow("POST, same site") << QByteArray("POST") << true << false << 200;
        QTest::newRow("GET with credentials") << QByteArray("GET") << false << true << 200;
    }
    void apiSetGuard() {
        QFETCH(QByteArray, method);
        QFETCH(bool, sameSite);
        QFETCH(bool, credentials);
        QFETCH(int, status);
        auto site = makeSite();
        QVERIFY(site);
        QUrl url = site->url(QStringLiteral("plugin/API/set.json.php?APIName=live_schedule"));
        if (credentials)
            url.setQuery(url.query() + QStringLiteral("&user=streamer&pass=streamer123"));
        const Response response = send(url, sameSite ? TestSiteSimulator::sameSite(*site) : Headers{}, method,
                                       method == "POST" ? QByteArray("x=1") : QByteArray());
        QCOMPARE(response.status, status);
        if (status == 405)
            QCOMPARE(response.json().value(QStringLiteral("msg")).toString(),
                     QStringLiteral("Method not allowed"));
        if (status == 403)
            QVERIFY(response.json()
                        .value(QStringLiteral("msg"))
                        .toString()
                        .startsWith(QStringLiteral("Invalid Request")));
    }

    void faults_data() {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("PHP fatal error")
            << int(SiteSimulator::Fault::HtmlErrorPage) << 500 << QByteArray("text/html");
        QTest::newRow("login page") << int(SiteSimulator::Fault::HtmlLoginPage) << 200
                                    << QByteArray("text/html");
        QTest::newRow("malformed JSON")
            << int(SiteSimulator::Fault::MalformedJson) << 200 << QByteArray("application/json");
        QTest::newRow("never answers") << int(SiteSimulator::Fault::Hang) << 0 << QByteArray();
    }
    void faults() {
        QFETCH(int, fault);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        auto site = makeSite();
        QVERIFY(site);
        const QString path = QStringLiteral("plugin/Live/stats.json.php");
        site->setFault(path, SiteSimulator::Fault(fault));
        const Response response = send(site->url(path), sameSite(*site), "GET", {}, 1500);
        QCOMPARE(response.status, status);
        QVERIFY(response.contentType.startsWith(contentType));
        QJsonParseError error;
        QJsonDocument::fromJson(response.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        if (SiteSimulator::Fault(fault) == SiteSimulator::Fault::Hang) {
            QCOMPARE(response.error, QStringLiteral("timeout"));
            QCOMPARE(site->hangingRequests(), 1);
        }
        // Other endpoints are not affected, and the fault can be lifted.
        QCOMPARE(send(site->url(QStringLiteral("objects/status.json.php")), sameSite(*site)).status, 200);
        site->setFault(path, SiteSimulator::Fault::None);
        QCOMPARE(send(site->url(path), sameSite(*site)).status, 200);
    }

    void protectedLivePlaylist() {
        auto site = makeSite();
        QVERIFY(site);
        site->setProtectLive(true);
        const QUrl m3u8 = LiveUrls::m3u8(site->siteUrl(), site->options().playerServer,
                                         QStringLiteral("live-alice"), 0, true);
        QVERIFY(m3u8.toString().startsWith(site->siteUrl().toString() +
                                           QStringLiteral("plugin/Live/m3u8.php?live_servers_id=0&uuid=")));
        const Response playlist = send(m3u8);
        QCOMPARE(playlist.status, 200);
        QVERIFY(playlist.contentType.contains("mpegurl"));
        QVERIFY(playlist.body.startsWith("#EXTM3U"));
        const QByteArray base =
            "http://127.0.0.1:" + QByteArray::number(m_stack.httpPort()) + "/live/live-alice/";
        bool sawSegment = false;
        for (const QByteArray& line : playlist.body.split('\n')) {
            if (!line.isEmpty() && !line.startsWith('#')) {
                QVERIFY2(line.startsWith(base), line.constData());
                sawSegment = true;
            }
        }
        QVERIFY(sawSegment);
        QCOMPARE(send(site->url(QStringLiteral("plugin/Live/m3u8.php?live_servers_id=0"))).body,
                 QByteArray("uuid empty"));
        QCOMPARE(send(site->url(QStringLiteral("plugin/Live/m3u8.php?live_servers_id=0&uuid=bm9wZQ"))).body,
                 QByteArray("uuid decrypt error"));
    }

    void standInsWithoutReferenceImages() {
        // A clone of the repository has no shared folder: the cards and placeholders are drawn, and the
        // encoder's placeholders keep the exact sizes AVideo recognises.
        const SiteCardImages cards(QStringLiteral("/nonexistent"));
        QVERIFY(!cards.fromReference());
        for (const QByteArray& card : {cards.onAir(), cards.offline(), cards.comingSoon()})
            QCOMPARE(QImage::fromData(card).size(), SiteCardImages::kCardSize);
        QCOMPARE(QImage::fromData(cards.onAirScaled()).size(), SiteCardImages::kScaledSize);

        const EncoderPlaceholders placeholders{QString()};
        QVERIFY(!placeholders.fromReference());
        QCOMPARE(placeholders.onAirJpg().size(), EncoderPlaceholders::kOnAirJpgSize);
        QCOMPARE(QImage::fromData(placeholders.onAirJpg()).size(), QSize(640, 360));
        QCOMPARE(placeholders.notFoundGif().size(), EncoderPlaceholders::kNotFoundGifSize);
        QVERIFY(!QImage::fromData(placeholders.notFoundGif()).isNull());
        QVERIFY(!QImage::fromData(placeholders.onAirPng()).isNull());
        QVERIFY(!QImage::fromData(placeholders.creatingImagesJpg()).isNull());
    }

    void encoderEndpoints() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        QVERIFY(encoder->url().toString().endsWith(QLatin1Char('/')));
        const Response creating =
            send(encoder->url().resolved(QUrl(QStringLiteral("view/img/creatingImages.jpg"))));
        QCOMPARE(creating.status, 200);
        if (referenceImagesPresent())
            QCOMPARE(creating.body.size(), qint64(147'137));
        const Response status = send(encoder->url().resolved(QUrl(QStringLiteral("status"))));
        QCOMPARE(status.status, 403);
        QCOMPARE(status.json(), (QJsonObject{{QStringLiteral("error"), true},
                                             {QStringLiteral("msg"), QStringLiteral("Permission denied")}}));
        const Response empty = send(encoder->url().resolved(QUrl(QStringLiteral("objects/getImage.php"))));
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.body, QByteArray());
        // Down refuses connections, also on a connection kept alive from before; back up on the same port.
        encoder->setMode(FakeEncoder::Mode::Down);
        QCOMPARE(send(encoder->url().resolved(QUrl(QStringLiteral("status")))).status, 0);
        encoder->setMode(FakeEncoder::Mode::PlaceholderOnly);
        const QByteArray b64 = m_stack.hlsUrl(QStringLiteral("live-alice")).toEncoded().toBase64();
        const Response legacy = send(encoder->url().resolved(
            QUrl(QStringLiteral("getImage/") + QString::fromLatin1(b64) + QStringLiteral("/jpg"))));
        QCOMPARE(legacy.body.size(), qint64(70'808));
    }
};

QTEST_MAIN(TestSiteSimulator)
#include "tst_sitesimulator.moc"
