// No raw string literals in this file: moc 6.4 reads "//" inside them as a comment.
#include "site/sitelive.h"

#include <QTest>

using namespace avld;

class TestSiteLive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesStatsJson() {
        const QByteArray json =
            "{\"error\":false,\"msg\":\"ONLINE\",\"nclients\":3,\"applications\":[\n"
            "            {\"key\":\"abc123\",\"live_servers_id\":0,\"title\":\"<b>Morning &amp; "
            "news</b>\",\"users_id\":\"2\",\"name\":\"Alice\",\n"
            "             "
            "\"href\":\"https://site.example/live/0/alice\",\"poster\":\"plugin/Live/"
            "getImage.php?live_servers_id=0&playlists_id_live=0&live_index=&u=alice&format=jpg\",\n"
            "             "
            "\"imgGif\":\"plugin/Live/"
            "getImage.php?live_servers_id=0&u=alice&format=webp\",\"type\":\"live\",\"isPrivate\":false,\n"
            "             \"isLiveAndIsReadyFromKey\":true},\n"
            "            "
            "{\"key\":\"def456-2\",\"live_servers_id\":\"1\",\"title\":\"Second\",\"users_id\":3,\"name\":"
            "\"Bob\",\"poster\":\"https://cdn.example/p.jpg\",\n"
            "             "
            "\"imgGif\":\"\",\"m3u8\":\"https://media.example/live/"
            "def456-2.m3u8\",\"isLiveAndIsReadyFromKey\":\"0\"},\n"
            "            {\"title\":\"no key, ignored\"}],\n"
            "            \"hidden_applications\":[],\"total\":2}";
        const auto lives =
            parseSiteLives(QJsonDocument::fromJson(json), QUrl(QStringLiteral("https://site.example/")));
        QVERIFY(lives.ok());
        QCOMPARE(lives->size(), 2);
        const SiteLive& a = lives->at(0);
        QCOMPARE(a.key, QStringLiteral("abc123"));
        QCOMPARE(a.title, QStringLiteral("Morning & news"));
        QCOMPARE(a.usersId, 2);
        QCOMPARE(a.userName, QStringLiteral("Alice"));
        QCOMPARE(a.posterUrl.toString(),
                 QStringLiteral(
                     "https://site.example/plugin/Live/"
                     "getImage.php?live_servers_id=0&playlists_id_live=0&live_index=&u=alice&format=jpg"));
        QVERIFY(a.gifUrl.toString().endsWith(QStringLiteral("format=webp")));
        QVERIFY(a.isReady);
        const SiteLive& b = lives->at(1);
        QCOMPARE(b.liveServersId, 1);
        QCOMPARE(b.posterUrl, QUrl(QStringLiteral("https://cdn.example/p.jpg")));
        QVERIFY(b.gifUrl.isEmpty());
        QCOMPARE(b.m3u8Url, QUrl(QStringLiteral("https://media.example/live/def456-2.m3u8")));
        QVERIFY(!b.isReady);
    }

    void subdirectorySitesResolveRelativePosters() {
        const QByteArray json =
            "{\"applications\":[{\"key\":\"k\",\"poster\":\"plugin/Live/getImage.php?u=x&format=jpg\"}]}";
        const auto lives = parseSiteLives(QJsonDocument::fromJson(json),
                                          QUrl(QStringLiteral("https://host.example/AVideo/")));
        QVERIFY(lives.ok());
        QCOMPARE(lives->first().posterUrl.path(), QStringLiteral("/AVideo/plugin/Live/getImage.php"));
    }

    void noApplicationsIsABadAnswer_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("applications not an array") << QByteArray("{\"applications\":\"none\"}");
    }

    void noApplicationsIsABadAnswer() {
        QFETCH(QByteArray, json);
        const auto lives = parseSiteLives(QJsonDocument::fromJson(json), QUrl(QStringLiteral("https://s/")));
        QVERIFY(!lives.ok());
        QCOMPARE(lives.error().code, QStringLiteral("bad-answer"));
    }

    void emptyListIsFine() {
        const auto lives =
            parseSiteLives(QJsonDocument::fromJson("{\"applications\":[],\"msg\":\"OFFLINE\"}"),
                           QUrl(QStringLiteral("https://s/")));
        QVERIFY(lives.ok());
        QVERIFY(lives->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSiteLive)
#include "tst_sitelive.moc"
