#include "site/mediaserverresolver.h"

#include <QTest>

using namespace avld;

Q_DECLARE_METATYPE(avld::MediaSource)

// Which stream address wins: what the user gave, then what the site says (the stats, the watch page, the
// Live plugin's option), then nothing — never {site}:8080.
class TestMediaServerResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choose_data() {
        QTest::addColumn<QString>("userPlayer");  // profile.playerServer
        QTest::addColumn<QString>("foundPlayer"); // profile.found.playerServer (admin or earlier pages)
        QTest::addColumn<QString>("statsM3u8");   // the stats' own m3u8 (multi-server sites)
        QTest::addColumn<QString>("watchPage");   // the watch page's URL; "!" = the page failed
        QTest::addColumn<QString>("expected");

        const QString page = QStringLiteral("https://cdn.example/live/k1/index.m3u8");
        const QString admin = QStringLiteral("http://origin.example:8080/live");
        QTest::newRow("user beats everything") << QStringLiteral("http://mine.example/hls/") << admin
                                               << QStringLiteral("https://s.example/k1.m3u8") << page
                                               << QStringLiteral("http://mine.example/hls/k1/index.m3u8");
        QTest::newRow("stats' m3u8 beats the page")
            << QString() << admin << QStringLiteral("https://s.example/k1.m3u8") << page
            << QStringLiteral("https://s.example/k1.m3u8");
        QTest::newRow("watch page beats the plugin option")
            << QString() << admin << QString() << page << page;
        QTest::newRow("protectLive page")
            << QString() << admin << QString()
            << QStringLiteral("https://v.example/plugin/Live/m3u8.php?live_servers_id=0&uuid=abc")
            << QStringLiteral("https://v.example/plugin/Live/m3u8.php?live_servers_id=0&uuid=abc");
        QTest::newRow("page failed: the plugin option")
            << QString() << admin << QString() << QStringLiteral("!")
            << QStringLiteral("http://origin.example:8080/live/k1/index.m3u8");
        QTest::newRow("page not read: the plugin option")
            << QString() << admin << QString() << QString()
            << QStringLiteral("http://origin.example:8080/live/k1/index.m3u8");
        QTest::newRow("nobody said: nothing")
            << QString() << QString() << QString() << QStringLiteral("!") << QString();
    }

    void choose() {
        QFETCH(QString, userPlayer);
        QFETCH(QString, foundPlayer);
        QFETCH(QString, statsM3u8);
        QFETCH(QString, watchPage);
        QFETCH(QString, expected);
        SiteProfile profile;
        profile.siteUrl = QUrl(QStringLiteral("https://v.example/"));
        profile.playerServer = QUrl(userPlayer);
        profile.found.playerServer = QUrl(foundPlayer);
        profile.found.playerServerFrom = foundPlayer.isEmpty() ? MediaSource::Unknown : MediaSource::Admin;
        SiteLive live;
        live.key = QStringLiteral("k1");
        live.m3u8Url = QUrl(statsM3u8);
        std::optional<Result<QUrl>> page;
        if (watchPage == QStringLiteral("!"))
            page = Result<QUrl>(Error{QStringLiteral("no-hls-url"), QStringLiteral("no player"), {}});
        else if (!watchPage.isEmpty())
            page = Result<QUrl>(QUrl(watchPage));
        QCOMPARE(MediaServerResolver::choose(profile, live, page).toString(), expected);
    }

    void profileMedia_data() {
        QTest::addColumn<QString>("userPlayer");
        QTest::addColumn<QString>("userStat");
        QTest::addColumn<MediaSource>("foundFrom");
        QTest::addColumn<MediaSource>("playerFrom");
        QTest::addColumn<MediaSource>("statFrom");
        QTest::addColumn<QString>("player");
        QTest::addColumn<QString>("stat");

        QTest::newRow("nothing known: nothing, not :8080")
            << QString() << QString() << MediaSource::Unknown << MediaSource::Unknown << MediaSource::Unknown
            << QString() << QString();
        QTest::newRow("found by the site")
            << QString() << QString() << MediaSource::Site << MediaSource::Site << MediaSource::Admin
            << QStringLiteral("https://found.example/live") << QStringLiteral("https://found.example/stat");
        QTest::newRow("the user's values win")
            << QStringLiteral("http://mine.example/live") << QStringLiteral("http://mine.example/stat")
            << MediaSource::Site << MediaSource::User << MediaSource::User
            << QStringLiteral("http://mine.example/live") << QStringLiteral("http://mine.example/stat");
        QTest::newRow("only the stat given")
            << QString() << QStringLiteral("http://mine.example/stat") << MediaSource::Admin
            << MediaSource::Admin << MediaSource::User << QStringLiteral("https://found.example/live")
            << QStringLiteral("http://mine.example/stat");
    }

    void profileMedia() {
        QFETCH(QString, userPlayer);
        QFETCH(QString, userStat);
        QFETCH(MediaSource, foundFrom);
        QFETCH(MediaSource, playerFrom);
        QFETCH(MediaSource, statFrom);
        QFETCH(QString, player);
        QFETCH(QString, stat);
        SiteProfile profile;
        profile.siteUrl = QUrl(QStringLiteral("https://v.example/"));
        profile.playerServer = QUrl(userPlayer);
        profile.statUrl = QUrl(userStat);
        if (foundFrom != MediaSource::Unknown) {
            profile.found.playerServer = QUrl(QStringLiteral("https://found.example/live"));
            profile.found.playerServerFrom = foundFrom;
            profile.found.statUrl = QUrl(QStringLiteral("https://found.example/stat"));
            profile.found.statFrom = MediaSource::Admin;
        }
        const MediaServer media = profile.media();
        QCOMPARE(media.playerServerFrom, playerFrom);
        QCOMPARE(media.statFrom, statFrom);
        QCOMPARE(media.playerServer.toString(), player);
        QCOMPARE(media.statUrl.toString(), stat);
        QCOMPARE(profile.effectivePlayerServer().toString(), player);
        QCOMPARE(profile.effectiveStatUrl().toString(), stat);
    }

    void unknownSaysWhatToDo() {
        const Error e = mediaServerUnknown(QStringLiteral("the watch page shows no HLS player"));
        QCOMPARE(e.code, QStringLiteral("media-server-unknown"));
        QVERIFY(e.toString().contains(QStringLiteral("the media server's address is unknown")));
        QVERIFY(e.toString().contains(QStringLiteral("--player-server/--stat")));
        QVERIFY(e.toString().contains(QStringLiteral("sign in as an admin")));
        QVERIFY(!e.toString().contains(QStringLiteral("8080")));
    }
};

QTEST_GUILESS_MAIN(TestMediaServerResolver)
#include "tst_mediaserverresolver.moc"
