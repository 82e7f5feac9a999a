// The realsite fixture itself: the real AVideo 11.7 that avld-real-avideo starts lists the stamped live,
// links its HLS stream, serves AVideo's ONLINE card while the encoder is down, and its PHP (inside Apache)
// can reach a server of ours on loopback, as a stand-in will need.

#include "httpget.h"
#include "realsiteinfo.h"
#include "requirefixture.h"
#include "scriptedhttpserver.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

using namespace avld::test;

class TestRealsite : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statsListsTheLive();
    void watchPageEmbedsTheStream_data();
    void watchPageEmbedsTheStream();
    void onAirCardWhileTheEncoderIsDown_data();
    void onAirCardWhileTheEncoderIsDown();
    void hlsUrlServesAPlaylist();
    void apachePhpReachesALoopbackServer();

private:
    QJsonObject listedLive();

    RealsiteInfo m_site;
};

void TestRealsite::initTestCase() {
    AVLD_REQUIRE_REALSITE(m_site);
    QVERIFY(m_site.siteUrl.isValid());
    QVERIFY(!m_site.key.isEmpty());
    qInfo("real AVideo at %s, started in %lld ms", qPrintable(m_site.siteUrl.toString()),
          static_cast<long long>(m_site.startedMs));
}

QJsonObject TestRealsite::listedLive() {
    const HttpReply reply =
        httpGet(m_site.siteUrl.resolved(QUrl(QStringLiteral("plugin/Live/stats.json.php"))), 15000);
    if (reply.status != 200)
        return {};
    const QJsonArray applications =
        QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("applications")).toArray();
    for (const QJsonValue& application : applications) {
        if (application.toObject().value(QStringLiteral("key")).toString() == m_site.key)
            return application.toObject();
    }
    return {};
}

void TestRealsite::statsListsTheLive() {
    const QJsonObject live = listedLive();
    QVERIFY2(!live.isEmpty(),
             qPrintable(QStringLiteral("%1 is not listed in stats.json.php").arg(m_site.key)));
    // AVideo 11.7 decorates titles with an invisible &zwnj; and gives no stream address in the stats.
    QVERIFY2(live.value(QStringLiteral("title")).toString().startsWith(QStringLiteral("&zwnj;")),
             qPrintable(live.value(QStringLiteral("title")).toString()));
    QVERIFY(!live.contains(QStringLiteral("m3u8")));
    QCOMPARE(live.value(QStringLiteral("users_id")).toInt(), m_site.usersId);
    QCOMPARE(QUrl(live.value(QStringLiteral("href")).toString()), m_site.watchUrl);
}

void TestRealsite::watchPageEmbedsTheStream_data() {
    QTest::addColumn<QUrl>("page");
    QTest::addColumn<QString>("embedded");
    const QString player = m_site.playerServer.toString();
    // The live's own page, as linked from stats.json.php: live/0/{channel}/{live_index}.
    QTest::newRow("href") << m_site.watchUrl << m_site.hlsUrl.toString();
    // Without the live_index, 11.7 embeds the key without its -{live_index}: a playlist that does not exist.
    QTest::newRow("live/0/{channel}")
        << m_site.siteUrl.resolved(QUrl(QStringLiteral("live/0/") + m_site.channel))
        << QStringLiteral("%1/%2/index.m3u8").arg(player, m_site.transmissionKey);
}

void TestRealsite::watchPageEmbedsTheStream() {
    QFETCH(QUrl, page);
    QFETCH(QString, embedded);
    const HttpReply reply = httpGet(page, 20000);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.body.contains(embedded.toUtf8()),
             qPrintable(QStringLiteral("%1 does not embed %2").arg(page.toString(), embedded)));
}

void TestRealsite::onAirCardWhileTheEncoderIsDown_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("contentType");
    // What the gallery shows: `poster` (format=jpg) and, on hover, `imgGif` (format=webp).
    QTest::newRow("poster jpg") << QStringLiteral("poster") << QByteArray("image/jpg");
    QTest::newRow("imgGif webp") << QStringLiteral("imgGif") << QByteArray("image/webp");
}

void TestRealsite::onAirCardWhileTheEncoderIsDown() {
    QFETCH(QString, field);
    QFETCH(QByteArray, contentType);
    QFile reference(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg"));
    if (!reference.open(QIODevice::ReadOnly))
        AVLD_FIXTURE_MISSING("the shared reference images are not here");
    const QByteArray onAir = reference.readAll();
    QCOMPARE(onAir.size(), 38897);

    const QJsonObject live = listedLive();
    QVERIFY(!live.isEmpty());
    const QUrl url(live.value(field).toString());
    QVERIFY2(url.toString().contains(QStringLiteral("plugin/Live/getImage.php")) &&
                 url.toString().contains(QStringLiteral("u=") + m_site.streamerUser),
             qPrintable(url.toString()));
    const HttpReply reply = httpGet(url, 20000);
    QCOMPARE(reply.status, 200);
    // The same JPEG bytes for every format, under the format's content type.
    QCOMPARE(reply.contentType, contentType);
    QVERIFY(reply.body.startsWith("\xFF\xD8\xFF"));
    QCOMPARE(reply.body.size(), onAir.size());
    QVERIFY(reply.body == onAir);
}

void TestRealsite::hlsUrlServesAPlaylist() {
    const HttpReply playlist = httpGet(m_site.hlsUrl, 10000);
    QCOMPARE(playlist.status, 200);
    QVERIFY(playlist.body.startsWith("#EXTM3U"));
    QVERIFY(playlist.body.contains("#EXTINF"));
    QByteArray segment;
    for (const QByteArray& line : playlist.body.split('\n')) {
        if (line.trimmed().endsWith(".ts"))
            segment = line.trimmed();
    }
    QVERIFY(!segment.isEmpty());
    const HttpReply media = httpGet(m_site.hlsUrl.resolved(QUrl(QString::fromLatin1(segment))), 10000);
    QCOMPARE(media.status, 200);
    QVERIFY(media.body.size() > 10000);
    QCOMPARE(media.body.at(0), char(0x47)); // an MPEG-TS sync byte
}

void TestRealsite::apachePhpReachesALoopbackServer() {
    // A picture AVideo has never seen, so that it does not take it for one of its cards.
    QImage picture(64, 36, QImage::Format_RGB32);
    picture.fill(QColor::fromRgb(QRandomGenerator::global()->generate()));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(picture.save(&buffer, "PNG"));

    ScriptedHttpServer encoder;
    QVERIFY(encoder.listen());
    encoder.respond(QStringLiteral("/objects/getImage.php"), 200, "image/png", png);
    const auto restore = qScopeGuard([this] { QVERIFY(m_site.setEncoderUrl(m_site.encoderUrl).ok()); });
    const avld::Status pointed = m_site.setEncoderUrl(encoder.url(QStringLiteral("/")));
    QVERIFY2(pointed.ok(), qPrintable(pointed.ok() ? QString() : pointed.error().toString()));

    // A live_index of its own: AVideo caches thumbnails per index, and the stream's own cache stays as it
    // was.
    const QString index = QStringLiteral("probe%1").arg(QRandomGenerator::global()->generate());
    const QUrl url = m_site.siteUrl.resolved(QUrl(
        QStringLiteral(
            "plugin/Live/getImage.php?live_servers_id=0&playlists_id_live=&live_index=%1&u=%2&format=png")
            .arg(index, m_site.streamerUser)));
    const HttpReply reply = httpGet(url, 20000);
    QCOMPARE(encoder.requestCount(QStringLiteral("/objects/getImage.php")), 1);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.body == png, "getImage.php did not pass on what our server answered");
}

QTEST_GUILESS_MAIN(TestRealsite)
#include "tst_realsite.moc"
