#include "generator/imagerequest.h"

#include <QRandomGenerator>
#include <QTest>

using namespace avld;

namespace {

const QByteArray kStream = "http://media.example:8080/live/abc/index.m3u8";

QByteArray b64(const QByteArray& text) {
    return text.toBase64();
}

// A stream URL whose standard base64 holds both '+' and '/' (what the old rewrite could not take). In ASCII
// text only '>' or '~' (for '+') and '?' (for '/') as the third byte of a group give those, so the URL has a
// query and the key's length puts them in place.
QByteArray streamWithPlusAndSlash() {
    for (int i = 0; i < 1000; ++i) {
        const QByteArray url = "http://media.example:8080/live/k" + QByteArray::number(i) + "/index.m3u8?a=~";
        const QByteArray encoded = url.toBase64();
        if (encoded.contains('+') && encoded.contains('/'))
            return url;
    }
    return {};
}

} // namespace

class TestGeneratorRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accepted_data() {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("renew");
        QTest::addColumn<bool>("legacy");

        const QByteArray tricky = streamWithPlusAndSlash();
        QVERIFY(!tricky.isEmpty());
        const QByteArray t64 = b64(tricky);
        QByteArray spaced = t64;
        spaced.replace('+', ' ');
        QByteArray urlSafe = t64;
        urlSafe.replace('+', '-').replace('/', '_');
        QByteArray unpadded = t64;
        while (unpadded.endsWith('='))
            unpadded.chop(1);
        const QByteArray percent = t64.toPercentEncoding();

        QTest::newRow("query, plain")
            << "/" << QByteArray("/objects/getImage.php") << "base64Url=" + b64(kStream) + "&format=jpg"
            << kStream << "jpg" << false << false;
        QTest::newRow("query, raw + and /")
            << "/" << QByteArray("/objects/getImage.php") << "base64Url=" + t64 + "&format=png" << tricky
            << "png" << false << false;
        QTest::newRow("query, percent-encoded")
            << "/" << QByteArray("/objects/getImage.php") << "format=gif&base64Url=" + percent << tricky
            << "gif" << false << false;
        QTest::newRow("query, + arrived as %20") << "/" << QByteArray("/objects/getImage.php")
                                                 << "base64Url=" + spaced.replace(' ', "%20") + "&format=webp"
                                                 << tricky << "webp" << false << false;
        QTest::newRow("query, url-safe alphabet")
            << "/" << QByteArray("/objects/getImage.php") << "base64Url=" + urlSafe + "&format=jpg" << tricky
            << "jpg" << false << false;
        QTest::newRow("query, no padding")
            << "/" << QByteArray("/objects/getImage.php") << "base64Url=" + unpadded + "&format=jpg" << tricky
            << "jpg" << false << false;
        QTest::newRow("query, renew=1")
            << "/" << QByteArray("/objects/getImage.php") << "base64Url=" + t64 + "&format=JPG&renew=1"
            << tricky << "jpg" << true << false;
        QTest::newRow("query, renew=0")
            << "/" << QByteArray("/objects/getImage.php") << "base64Url=" + t64 + "&format=jpg&renew=0"
            << tricky << "jpg" << false << false;
        QTest::newRow("query, no format: jpg") << "/" << QByteArray("/objects/getImage.php")
                                               << "base64Url=" + t64 << tricky << "jpg" << false << false;
        QTest::newRow("query, jpeg") << "/" << QByteArray("/objects/getImage.php")
                                     << "base64Url=" + t64 + "&format=jpeg" << tricky << "jpg" << false
                                     << false;
        QTest::newRow("query, last value wins")
            << "/" << QByteArray("/objects/getImage.php") << "format=gif&base64Url=" + t64 + "&format=png"
            << tricky << "png" << false << false;
        QTest::newRow("query, secret prefix")
            << "/s3cr3t/" << QByteArray("/s3cr3t/objects/getImage.php") << "base64Url=" + t64 + "&format=jpg"
            << tricky << "jpg" << false << false;
        QTest::newRow("query, prefix without slashes")
            << "s3cr3t" << QByteArray("/s3cr3t/objects/getImage.php") << "base64Url=" + t64 << tricky << "jpg"
            << false << false;
        QTest::newRow("legacy, + and / in the path")
            << "/"
            << "/getImage/" + t64 + "/jpg" << QByteArray() << tricky << "jpg" << false << true;
        QTest::newRow("legacy, percent-encoded, webp")
            << "/p/"
            << "/p/getImage/" + percent + "/webp" << QByteArray() << tricky << "webp" << false << true;
        QTest::newRow("legacy, renew")
            << "/"
            << "/getImage/" + unpadded + "/png" << QByteArray("renew=yes") << tricky << "png" << true << true;
        QTest::newRow("https with query and port")
            << "/" << QByteArray("/objects/getImage.php")
            << "base64Url=" + b64("https://site.example/plugin/Live/m3u8.php?live_servers_id=0&uuid=x-y") +
                   "&format=jpg"
            << QByteArray("https://site.example/plugin/Live/m3u8.php?live_servers_id=0&uuid=x-y") << "jpg"
            << false << false;
    }

    void accepted() {
        QFETCH(QString, prefix);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, url);
        QFETCH(QString, format);
        QFETCH(bool, renew);
        QFETCH(bool, legacy);
        const ImageRequestParser parser(prefix);
        const Result<ImageRequest> parsed = parser.parse(path, query);
        QVERIFY2(parsed.ok(),
                 qPrintable(parsed.ok() ? QString() : parsed.error().code + ": " + parsed.error().message));
        QCOMPARE(parsed->streamUrl.toEncoded(), QUrl::fromEncoded(url).toEncoded());
        QCOMPARE(thumbnailFormatName(parsed->format), format);
        QCOMPARE(parsed->renew, renew);
        QCOMPARE(parsed->legacyPath, legacy);
    }

    void refused_data() {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");

        const QByteArray ok = "base64Url=" + b64(kStream);
        QTest::newRow("outside the prefix")
            << "/s3cr3t/" << QByteArray("/objects/getImage.php") << ok << "not-found"
            << "not found";
        QTest::newRow("prefix lookalike")
            << "/s3cr3t/" << QByteArray("/s3cr3tX/objects/getImage.php") << ok << "not-found"
            << "not found";
        QTest::newRow("wrong secret")
            << "/s3cr3t/" << QByteArray("/guess/objects/getImage.php") << ok << "not-found"
            << "not found";
        QTest::newRow("unknown route") << "/" << QByteArray("/index.php") << ok << "not-found"
                                       << "not found";
        QTest::newRow("legacy without format") << "/"
                                               << "/getImage/" + b64(kStream) << QByteArray() << "not-found"
                                               << "not found";
        QTest::newRow("no base64Url: the probe")
            << "/" << QByteArray("/objects/getImage.php") << QByteArray("format=jpg") << "no-url"
            << "no stream URL";
        QTest::newRow("empty base64Url")
            << "/" << QByteArray("/objects/getImage.php") << QByteArray("base64Url=&format=jpg") << "no-url"
            << "no stream URL";
        QTest::newRow("unknown format") << "/" << QByteArray("/objects/getImage.php") << ok + "&format=bmp"
                                        << "unknown-format"
                                        << "unknown format (use jpg, png, gif or webp)";
        QTest::newRow("legacy unknown format")
            << "/"
            << "/getImage/" + b64(kStream) + "/tif" << QByteArray() << "unknown-format"
            << "unknown format (use jpg, png, gif or webp)";
        QTest::newRow("long format") << "/" << QByteArray("/objects/getImage.php")
                                     << ok + "&format=" + QByteArray(5000, 'j') << "unknown-format"
                                     << "unknown format (use jpg, png, gif or webp)";
        const QString onlyHttp = QStringLiteral("only http(s) stream URLs");
        QTest::newRow("file:") << "/" << QByteArray("/objects/getImage.php")
                               << "base64Url=" + b64("file:///etc/passwd") << "not-http" << onlyHttp;
        QTest::newRow("gopher:") << "/" << QByteArray("/objects/getImage.php")
                                 << "base64Url=" + b64("gopher://127.0.0.1:6379/_FLUSHALL") << "not-http"
                                 << onlyHttp;
        QTest::newRow("rtmp:") << "/" << QByteArray("/objects/getImage.php")
                               << "base64Url=" + b64("rtmp://media.example/live/key") << "not-http"
                               << onlyHttp;
        QTest::newRow("ftp:") << "/" << QByteArray("/objects/getImage.php")
                              << "base64Url=" + b64("ftp://x.example/a") << "not-http" << onlyHttp;
        QTest::newRow("javascript:") << "/" << QByteArray("/objects/getImage.php")
                                     << "base64Url=" + b64("javascript:alert(1)") << "not-http" << onlyHttp;
        QTest::newRow("no host") << "/" << QByteArray("/objects/getImage.php")
                                 << "base64Url=" + b64("http:///x.m3u8") << "bad-url"
                                 << "the stream URL has no host";
        QTest::newRow("relative") << "/" << QByteArray("/objects/getImage.php")
                                  << "base64Url=" + b64("/live/x.m3u8") << "bad-url"
                                  << "the stream URL is not a URL";
        QTest::newRow("header injection")
            << "/" << QByteArray("/objects/getImage.php")
            << "base64Url=" + b64("http://a.example/x\r\nHost: evil") << "bad-url"
            << "the stream URL has control characters";
        QTest::newRow("not UTF-8") << "/" << QByteArray("/objects/getImage.php")
                                   << "base64Url=" + b64("http://a.example/\xff\xfe") << "bad-url"
                                   << "the stream URL is not UTF-8";
        QTest::newRow("not base64") << "/" << QByteArray("/objects/getImage.php")
                                    << QByteArray("base64Url=%%%%!!") << "bad-base64"
                                    << "base64Url is not base64";
        QTest::newRow("data after padding")
            << "/" << QByteArray("/objects/getImage.php")
            << "base64Url=" + b64("http://a.b/") + b64("http://c.d/") << "bad-base64"
            << "base64Url is not base64";
        QTest::newRow("impossible length")
            << "/" << QByteArray("/objects/getImage.php") << QByteArray("base64Url=aHR0cDovL2EuYi8x") + "Q"
            << "bad-base64"
            << "base64Url is not base64";
        QTest::newRow("too long") << "/" << QByteArray("/objects/getImage.php")
                                  << "base64Url=" + b64("http://a.example/" + QByteArray(4000, 'a'))
                                  << "too-long"
                                  << "base64Url longer than 4096 bytes";
        QTest::newRow("far too long") << "/" << QByteArray("/objects/getImage.php")
                                      << "base64Url=" + QByteArray(100'000, 'A') << "too-long"
                                      << "request too long";
    }

    void refused() {
        QFETCH(QString, prefix);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const Result<ImageRequest> parsed = ImageRequestParser(prefix).parse(path, query);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        QCOMPARE(parsed.error().message, message);
        QVERIFY(!parsed.error().message.contains(QLatin1Char('\n')));
    }

    void underPrefix() {
        const ImageRequestParser parser(QStringLiteral("/a b/"));
        QVERIFY(parser.underPrefix("/a%20b/objects/getImage.php"));
        QVERIFY(!parser.underPrefix("/a/objects/getImage.php"));
        QCOMPARE(parser.prefix(), QStringLiteral("/a b/"));
    }

    void loggableUrlKeepsNoSecrets() {
        const QUrl url(
            QStringLiteral("https://user:pw@site.example:8443/plugin/Live/m3u8.php?uuid=SECRET#x"));
        const QString logged = loggableStreamUrl(url);
        QCOMPARE(logged, QStringLiteral("https://site.example:8443/plugin/Live/m3u8.php"));
    }

    // Random bytes in every position: never a crash, always a short reason or a valid http(s) request.
    void randomBytesNeverCrash() {
        QRandomGenerator random(20261124);
        const ImageRequestParser parser(QStringLiteral("/s/"));
        const QList<QByteArray> paths = {"/s/objects/getImage.php", "/s/getImage/", "/", "/s/", ""};
        int accepted = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray junk(int(random.bounded(0, 300)), Qt::Uninitialized);
            for (char& c : junk)
                c = char(random.bounded(256));
            QByteArray path = paths.at(random.bounded(int(paths.size())));
            QByteArray query;
            switch (random.bounded(5)) {
            case 0:
                query = "base64Url=" + junk;
                break;
            case 1:
                query = "base64Url=" + junk.toBase64() + "&format=" + junk.left(5);
                break;
            case 2:
                path += junk.toPercentEncoding();
                break;
            case 3:
                path += junk.toBase64() + "/jpg";
                break;
            default:
                query = junk;
                break;
            }
            const Result<ImageRequest> parsed = parser.parse(path, query);
            if (parsed.ok()) {
                ++accepted;
                const QString scheme = parsed->streamUrl.scheme().toLower();
                QVERIFY(scheme == QStringLiteral("http") || scheme == QStringLiteral("https"));
                QVERIFY(!parsed->streamUrl.host().isEmpty());
            } else {
                QVERIFY(!parsed.error().code.isEmpty());
                QVERIFY(!parsed.error().message.isEmpty());
                QVERIFY(parsed.error().message.size() < 100);
            }
        }
        // Random bytes almost never form an http URL; the parse must not have let them through either.
        QVERIFY2(accepted < 20, qPrintable(QString::number(accepted)));
        // And random *valid-looking* URLs with random tails all parse or fail cleanly.
        for (int i = 0; i < 2000; ++i) {
            QByteArray tail(int(random.bounded(0, 60)), Qt::Uninitialized);
            for (char& c : tail)
                c = char(random.bounded(32, 127));
            const QByteArray url = "http://h" + QByteArray::number(i) + ".example/" + tail;
            const Result<ImageRequest> parsed =
                parser.parse("/s/objects/getImage.php", "base64Url=" + url.toBase64().toPercentEncoding());
            if (parsed.ok())
                QCOMPARE(parsed->streamUrl.host(), QStringLiteral("h%1.example").arg(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestGeneratorRequest)
#include "tst_generatorrequest.moc"
