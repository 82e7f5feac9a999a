#include "site/watchpage.h"

#include <QTest>

using namespace avld;

namespace {

const QUrl kPage(QStringLiteral("https://videos.example.org/live/0/alice"));

// The player part of an 11.7 watch page (plugin/Live/view/liveVideo.php inside modeYoutubeLive.php), with
// `src` as given; the rest of the page (head, navbar, chat, footer) is around it.
QByteArray elevenSevenPage(const QByteArray& src) {
    return "<!DOCTYPE html>\n<html lang=\"en_US\">\n<head>\n<title>Morning show :: Live :: Videos</title>\n"
           "<meta property=\"og:image\" content=\"https://videos.example.org/plugin/Live/getImage.php?u=alice"
           "&format=jpg\" />\n</head>\n<body class=\"\">\n<nav class=\"navbar\">…</nav>\n"
           "<div class=\"col-md-12\">\n<!-- Live -->\n"
           "<video poster=\"https://videos.example.org/plugin/Live/view/OnAir.jpg?1646950000\" controls "
           "playsinline webkit-playsinline=\"webkit-playsinline\" \n"
           "       class=\"embed-responsive-item video-js vjs-default-skin vjs-big-play-centered liveVideo "
           "vjs-16-9\" \n       id=\"mainVideo\">\n"
           "    <source src=\"" +
           src +
           "\" type=\"application/x-mpegURL\">\n</video>\n<!-- Live finish -->\n"
           "<script>$(document).ready(function () { player = videojs('mainVideo'); });</script>\n"
           "</div>\n</body>\n</html>\n";
}

} // namespace

// The HLS URL a watch page gives its player: from the real page's markup and the ways themes and later
// versions write it; never a URL from a page without a player.
class TestWatchPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hlsUrl_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("expected"); // empty: no HLS URL

        QTest::newRow("11.7 player")
            << elevenSevenPage("https://media.example.org:8443/live/a1b2c3/index.m3u8")
            << QStringLiteral("https://media.example.org:8443/live/a1b2c3/index.m3u8");
        // protectLive: liveVideo.php concatenates the URL as it is, with a bare "&" before uuid.
        QTest::newRow("protectLive, bare &")
            << elevenSevenPage("https://videos.example.org/plugin/Live/m3u8.php?live_servers_id=0&uuid="
                               "T3BhcXVlK3Rva2VuPT0=")
            << QStringLiteral("https://videos.example.org/plugin/Live/m3u8.php?live_servers_id=0&uuid="
                              "T3BhcXVlK3Rva2VuPT0=");
        QTest::newRow("escaped &amp;")
            << elevenSevenPage("https://videos.example.org/plugin/Live/m3u8.php?live_servers_id=2&amp;uuid=x")
            << QStringLiteral("https://videos.example.org/plugin/Live/m3u8.php?live_servers_id=2&uuid=x");
        QTest::newRow("adaptive") << elevenSevenPage("https://media.example.org/live/a1b2c3.m3u8")
                                  << QStringLiteral("https://media.example.org/live/a1b2c3.m3u8");
        QTest::newRow("relative to the page")
            << elevenSevenPage("/hls/a1b2c3/index.m3u8")
            << QStringLiteral("https://videos.example.org/hls/a1b2c3/index.m3u8");
        // The embed page (videoEmbeded.php) quotes the type with single quotes and puts src after type.
        QTest::newRow("embed, single quotes, type first")
            << QByteArray("<video id='mainVideo' class='video-js'>\n  <SOURCE type='application/x-mpegURL' "
                          "src='http://10.0.0.5:8080/live/k9/index.m3u8'>\n</video>")
            << QStringLiteral("http://10.0.0.5:8080/live/k9/index.m3u8");
        QTest::newRow("mp4 fallback before the stream")
            << QByteArray("<video><source src=\"https://cdn.example/intro.mp4\" type=\"video/mp4\">"
                          "<source src=\"https://cdn.example/live/k/index.m3u8\" "
                          "type=\"application/vnd.apple.mpegurl\"></video>")
            << QStringLiteral("https://cdn.example/live/k/index.m3u8");
        QTest::newRow("player set up from a script")
            << QByteArray("<div id=\"p\"></div><script>var live = {\"sources\":[{\"src\":"
                          "\"https:\\/\\/media.example.org\\/live\\/zz\\/index.m3u8\",\"type\":"
                          "\"application\\/x-mpegURL\"}]};</script>")
            << QStringLiteral("https://media.example.org/live/zz/index.m3u8");
        QTest::newRow("login page") << QByteArray("<!DOCTYPE html><html><head><title>Login :: Videos</title>"
                                                  "</head><body><form action=\"login\"><input name=\"user\">"
                                                  "</form></body></html>")
                                    << QString();
        QTest::newRow("forbidden page") << QByteArray("<html><body><div class=\"alert alert-danger\">You are "
                                                      "not allowed see this streaming</div></body></html>")
                                        << QString();
        QTest::newRow("not a playlist") << QByteArray("<video><source src=\"https://cdn.example/clip.mp4\" "
                                                      "type=\"video/mp4\"></video>")
                                        << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void hlsUrl() {
        QFETCH(QByteArray, html);
        QFETCH(QString, expected);
        const Result<QUrl> url = WatchPage::hlsUrl(html, kPage);
        if (expected.isEmpty()) {
            QVERIFY2(!url.ok(), url.ok() ? qPrintable(url->toString()) : "");
            QCOMPARE(url.error().code, QStringLiteral("no-hls-url"));
            QVERIFY(url.error().message.contains(kPage.toString()));
            return;
        }
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().toString()));
        QCOMPARE(url->toString(), expected);
    }

    void aSourceThatIsNotHttpIsRefused() {
        const Result<QUrl> url = WatchPage::hlsUrl(elevenSevenPage("rtmp://media.example.org/live/k"), kPage);
        QVERIFY(!url.ok());
    }

    void playerServerOf_data() {
        QTest::addColumn<QString>("hls");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << QStringLiteral("https://media.example.org:8443/live/a1b2c3/index.m3u8")
                                 << QStringLiteral("a1b2c3")
                                 << QStringLiteral("https://media.example.org:8443/live");
        QTest::newRow("adaptive") << QStringLiteral("http://m.example/hls/k-2.m3u8") << QStringLiteral("k-2")
                                  << QStringLiteral("http://m.example/hls");
        QTest::newRow("the key without its live_index")
            << QStringLiteral("http://m.example/live/abc/index.m3u8") << QStringLiteral("abc-1")
            << QStringLiteral("http://m.example/live");
        QTest::newRow("another adaptive key")
            << QStringLiteral("http://m.example/live/other.m3u8") << QStringLiteral("k") << QString();
        QTest::newRow("protectLive") << QStringLiteral(
                                            "https://v.example/plugin/Live/m3u8.php?live_servers_id=0&uuid=x")
                                     << QStringLiteral("k") << QString();
    }

    void playerServerOf() {
        QFETCH(QString, hls);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(WatchPage::playerServerOf(QUrl(hls), key).toString(), expected);
    }

    void throughSite() {
        QVERIFY(WatchPage::isThroughSite(
            QUrl(QStringLiteral("https://v.example/AVideo/plugin/Live/m3u8.php?live_servers_id=0&uuid=x"))));
        QVERIFY(!WatchPage::isThroughSite(QUrl(QStringLiteral("https://m.example/live/k/index.m3u8"))));
    }
};

QTEST_GUILESS_MAIN(TestWatchPage)
#include "tst_watchpage.moc"
