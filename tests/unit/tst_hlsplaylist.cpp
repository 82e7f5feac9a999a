#include "media/hlsplaylist.h"

#include <QTest>

using namespace avld;

class TestHlsPlaylist : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mediaPlaylistFromNginxRtmp() {
        const QByteArray text =
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-MEDIA-SEQUENCE:7\n#EXT-X-TARGETDURATION:2\n"
            "#EXTINF:2.000,\n7.ts\n#EXTINF:2.000,\n8.ts\n#EXTINF:1.960,\n9.ts\n";
        const auto playlist =
            HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h:8080/live/key/index.m3u8")));
        QVERIFY(playlist.ok());
        QVERIFY(!playlist->isMaster);
        QCOMPARE(playlist->segments.size(), 3);
        QCOMPARE(playlist->segments.last().url, QUrl(QStringLiteral("http://h:8080/live/key/9.ts")));
        QCOMPARE(playlist->segments.last().durationSeconds, 1.96);
        QCOMPARE(playlist->mediaSequence, 7);
        QCOMPARE(playlist->targetDurationSeconds, 2.0);
        QVERIFY(!playlist->endList);
        QVERIFY(!playlist->isEncrypted());
        QCOMPARE(playlist->tailDurationSeconds(2), 3.96);
        QCOMPARE(playlist->tailDurationSeconds(10), 5.96);
    }

    // The segment after the newest, which the media server writes now, is guessed only when the names are the
    // sequence numbers themselves (nginx-rtmp's default).
    void segmentBeingWritten_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("next"); // empty: no guess
        const QByteArray head = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n";
        QTest::newRow("nginx-rtmp") << head + "#EXTINF:2,\n7.ts\n#EXTINF:2,\n8.ts\n"
                                    << QStringLiteral("http://h/live/key/9.ts");
        QTest::newRow("prefixed and zero-padded")
            << head + "#EXTINF:2,\nseg-007.ts\n#EXTINF:2,\nseg-008.ts?token=a%2Bb\n"
            << QStringLiteral("http://h/live/key/seg-009.ts?token=a%2Bb");
        QTest::newRow("carry into a new digit")
            << QByteArray("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:99\n#EXTINF:2,\n99.ts\n")
            << QStringLiteral("http://h/live/key/100.ts");
        QTest::newRow("names are not the sequence")
            << head + "#EXTINF:2,\n1733500000.ts\n#EXTINF:2,\n1733500002.ts\n"
            << QString();
        QTest::newRow("ended") << head + "#EXTINF:2,\n7.ts\n#EXT-X-ENDLIST\n" << QString();
        QTest::newRow("not .ts") << head + "#EXTINF:2,\n7.m4s\n" << QString();
        QTest::newRow("no digits") << head + "#EXTINF:2,\nlive.ts\n" << QString();
    }

    void segmentBeingWritten() {
        QFETCH(QByteArray, text);
        QFETCH(QString, next);
        const auto playlist = HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h/live/key/index.m3u8")));
        QVERIFY(playlist.ok());
        const std::optional<QUrl> guessed = playlist->segmentBeingWritten();
        if (next.isEmpty())
            QVERIFY2(!guessed, qPrintable(guessed ? guessed->toString() : QString()));
        else
            QCOMPARE(guessed.value_or(QUrl()).toString(QUrl::FullyEncoded), next);
    }

    void masterPlaylistPicksTheLargestVariant() {
        const QByteArray text =
            "#EXTM3U\n"
            "#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=640x360,CODECS=\"avc1.4d401e,mp4a.40.2\"\nkey_low/"
            "index.m3u8\n"
            "#EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1920x1080\nhttp://cdn.example/live/key_hi/"
            "index.m3u8\n"
            "#EXT-X-STREAM-INF:BANDWIDTH=1200000,RESOLUTION=1280x720\nkey_mid/index.m3u8\n";
        const auto playlist =
            HlsPlaylist::parse(text, QUrl(QStringLiteral("https://site.example/live/key.m3u8")));
        QVERIFY(playlist.ok());
        QVERIFY(playlist->isMaster);
        QCOMPARE(playlist->variants.size(), 3);
        QCOMPARE(playlist->variants[0].url,
                 QUrl(QStringLiteral("https://site.example/live/key_low/index.m3u8")));
        QCOMPARE(playlist->variants[0].codecs, QStringLiteral("avc1.4d401e,mp4a.40.2"));
        const HlsPlaylist::Variant* best = playlist->bestVariant();
        QVERIFY(best);
        QCOMPARE(best->resolution, QSize(1920, 1080));
        QCOMPARE(best->url, QUrl(QStringLiteral("http://cdn.example/live/key_hi/index.m3u8")));
    }

    void bandwidthDecidesWithoutResolution() {
        const QByteArray text =
            "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100\na.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=900\nb.m3u8\n";
        const auto playlist = HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h/x.m3u8")));
        QVERIFY(playlist.ok());
        QCOMPARE(playlist->bestVariant()->url.fileName(), QStringLiteral("b.m3u8"));
    }

    void encryptedAndFmp4AreRecognised() {
        const QByteArray text =
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-KEY:METHOD=AES-128,URI=\"k.key\",IV=0x1\n"
            "#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:10,\ns1.m4s\n#EXT-X-ENDLIST\n";
        const auto playlist = HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h/loop/index.m3u8")));
        QVERIFY(playlist.ok());
        QVERIFY(playlist->isEncrypted());
        QCOMPARE(playlist->keyMethod, QStringLiteral("AES-128"));
        QVERIFY(playlist->hasInitSection);
        QVERIFY(playlist->endList);
    }

    void byteOrderMarkAndCrLfAreAccepted() {
        const QByteArray text = "\xEF\xBB\xBF#EXTM3U\r\n#EXTINF:2.0,\r\nseg.ts\r\n";
        const auto playlist = HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h/a/b.m3u8")));
        QVERIFY(playlist.ok());
        QCOMPARE(playlist->segments.first().url, QUrl(QStringLiteral("http://h/a/seg.ts")));
    }

    // GrabTask turns durations into milliseconds, where "inf" or 1e400 was undefined behaviour (found by
    // tests/fuzz/fuzz_hlsplaylist): a duration no plain number of seconds holds counts as unknown.
    void absurdDurationsCountAsUnknown() {
        const QByteArray text =
            "#EXTM3U\n#EXT-X-TARGETDURATION:1e400\n#EXTINF:inf,\na.ts\n#EXTINF:1e300,\nb.ts\n"
            "#EXTINF:-1e300,\nc.ts\n#EXTINF:nan,\nd.ts\n#EXTINF:2.5,\ne.ts\n";
        const auto playlist = HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h/x.m3u8")));
        QVERIFY(playlist.ok());
        QCOMPARE(playlist->targetDurationSeconds, 0.0);
        QCOMPARE(playlist->segments.size(), 5);
        QCOMPARE(playlist->tailDurationSeconds(5), 2.5);
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messageContains");

        QTest::newRow("html page") << QByteArray("<!DOCTYPE html><html><body>Login</body></html>")
                                   << QStringLiteral("not-a-playlist") << QStringLiteral("HTML page");
        QTest::newRow("AVideo uuid refusal") << QByteArray("uuid empty") << QStringLiteral("not-a-playlist")
                                             << QStringLiteral("\"uuid empty\"");
        QTest::newRow("AVideo private") << QByteArray("Private stream") << QStringLiteral("not-a-playlist")
                                        << QStringLiteral("Private stream");
        QTest::newRow("empty body") << QByteArray() << QStringLiteral("not-a-playlist")
                                    << QStringLiteral("empty body");
        QTest::newRow("json") << QByteArray("{\"error\":true}") << QStringLiteral("not-a-playlist")
                              << QStringLiteral("{\"error\":true}");
        QTest::newRow("no segments yet") << QByteArray("#EXTM3U\n#EXT-X-TARGETDURATION:2\n")
                                         << QStringLiteral("empty-playlist") << QStringLiteral("no segments");
        QTest::newRow("master without variants")
            << QByteArray("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n") << QStringLiteral("empty-playlist")
            << QStringLiteral("no variants");
    }

    void refusals() {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(QString, messageContains);
        const auto playlist = HlsPlaylist::parse(text, QUrl(QStringLiteral("http://h/x.m3u8")));
        QVERIFY(!playlist.ok());
        QCOMPARE(playlist.error().code, code);
        QVERIFY2(playlist.error().message.contains(messageContains), qPrintable(playlist.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHlsPlaylist)
#include "tst_hlsplaylist.moc"
