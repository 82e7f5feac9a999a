#include "media/sitethumbnail.h"
#include "requirefixture.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

QByteArray file(const QString& name) {
    QFile f(QStringLiteral(AVLD_REFERENCE_IMAGES "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What AVideo serves for a card: the file scaled to 1200x630 (§1.2 step 9) and re-encoded as JPEG.
QByteArray asServedBySite(const QByteArray& original) {
    const QImage scaled =
        QImage::fromData(original).scaled(1200, 630, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    scaled.save(&buffer, "JPEG", 80);
    return out;
}

QByteArray jpegOf(const QImage& image) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return out;
}

QImage scene() {
    QImage image(640, 360, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, 360);
    sky.setColorAt(0, QColor(40, 90, 200));
    sky.setColorAt(1, QColor(230, 200, 120));
    p.fillRect(image.rect(), sky);
    p.setBrush(QColor(30, 120, 40));
    p.drawEllipse(QPoint(200, 380), 300, 140);
    p.setBrush(Qt::white);
    p.drawRect(420, 120, 90, 160);
    p.setBrush(Qt::red);
    p.drawRect(440, 140, 30, 40);
    return image;
}

} // namespace

class TestSiteThumbnail : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // AVideo keeps a live's picture 300 s (jpg, png) or 900 s (gif, webp), by the format the URL asks for.
    void cacheLifetimeFollowsTheFormat_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<qint64>("lifetimeMs");
        QTest::newRow("jpg") << "https://s.test/plugin/Live/getImage.php?u=a&format=jpg" << qint64(300'000);
        QTest::newRow("png") << "https://s.test/plugin/Live/getImage.php?u=a&format=png" << qint64(300'000);
        QTest::newRow("webp") << "https://s.test/plugin/Live/getImage.php?u=a&format=WEBP" << qint64(900'000);
        QTest::newRow("gif path") << "https://s.test/live/1/key.gif" << qint64(900'000);
        QTest::newRow("no format") << "https://s.test/plugin/Live/getImage.php?u=a" << qint64(300'000);
    }
    void cacheLifetimeFollowsTheFormat() {
        QFETCH(QString, url);
        QFETCH(qint64, lifetimeMs);
        QCOMPARE(SiteThumbnail::avideoCacheLifetimeMs(QUrl(url)), lifetimeMs);
    }

    void initTestCase() {
        if (file(QStringLiteral("avideo-OnAir.jpg")).isEmpty())
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout");
    }

    void classifies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expected");

        QTest::newRow("encoder placeholder, by size")
            << file(QStringLiteral("encoder-OnAir.jpg")) << int(ThumbnailClass::EncoderPlaceholder);
        QTest::newRow("encoder notfound.gif, by size")
            << file(QStringLiteral("encoder-notfound.gif")) << int(ThumbnailClass::EncoderNotFound);
        QTest::newRow("ONLINE card as the site serves it")
            << asServedBySite(file(QStringLiteral("avideo-OnAir.jpg"))) << int(ThumbnailClass::OnlineCard);
        QTest::newRow("OFFLINE card as the site serves it")
            << asServedBySite(file(QStringLiteral("avideo-Offline.jpg"))) << int(ThumbnailClass::OfflineCard);
        QTest::newRow("COMING SOON card") << asServedBySite(file(QStringLiteral("avideo-ComingSoon.jpg")))
                                          << int(ThumbnailClass::ComingSoonCard);
        QTest::newRow("encoder's png placeholder (outside the windows)")
            << file(QStringLiteral("encoder-OnAir.png")) << int(ThumbnailClass::EncoderPlaceholder);
        QTest::newRow("waiting loop frame")
            << file(QStringLiteral("avideo-loop-background/frame-3.jpg")) << int(ThumbnailClass::WaitingLoop);
        QTest::newRow("a real scene") << jpegOf(scene()) << int(ThumbnailClass::RealFrame);
        QImage black(640, 360, QImage::Format_RGB32);
        black.fill(Qt::black);
        QTest::newRow("black") << jpegOf(black) << int(ThumbnailClass::Blank);
        QTest::newRow("html error page")
            << QByteArray("<html><body>Fatal error</body></html>") << int(ThumbnailClass::NotAnImage);
        QTest::newRow("empty") << QByteArray() << int(ThumbnailClass::FetchFailed);
    }

    void classifies() {
        QFETCH(QByteArray, body);
        QFETCH(int, expected);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const SiteThumbnail t = SiteThumbnail::classify(QUrl(QStringLiteral("https://s/x.jpg")), body, at);
        QVERIFY2(int(t.cls) == expected,
                 qPrintable(QStringLiteral("got %1 (%2)").arg(thumbnailClassName(t.cls), t.detail)));
        QCOMPARE(t.fetchedAt, at);
        QCOMPARE(t.bytes, body.size());
        QVERIFY(!t.detail.isEmpty());
        QCOMPARE(isPlaceholder(t.cls),
                 expected != int(ThumbnailClass::RealFrame) && expected != int(ThumbnailClass::FetchFailed));
    }

    // What the site answered a visitor's thumbnail request, HTTP status included.
    void fromReply_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("detail");
        const QByteArray fatal = "<br />\n<b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[HY000] [2002] "
                                 "Connection refused in /var/www/html/AVideo/objects/mysql_dal.php:89";
        QTest::newRow("HTTP 500 PHP error page")
            << 500 << QByteArray("text/html; charset=UTF-8") << fatal << int(ThumbnailClass::NotAnImage)
            << QStringLiteral("HTTP 500 with an HTML page (");
        QTest::newRow("HTTP 500 empty")
            << 500 << QByteArray("text/html") << QByteArray() << int(ThumbnailClass::NotAnImage)
            << QStringLiteral("HTTP 500 with an empty body");
        QTest::newRow("HTTP 200 empty")
            << 200 << QByteArray("image/jpg") << QByteArray() << int(ThumbnailClass::NotAnImage)
            << QStringLiteral("HTTP 200 with an empty body");
        QTest::newRow("login page instead of a picture")
            << 200 << QByteArray("text/html")
            << QByteArray(
                   "<!DOCTYPE html><html><head><title>Login - AVideo</title></head><body>x</body></html>")
            << int(ThumbnailClass::NotAnImage) << QStringLiteral("saying \"Login - AVideo\"");
        QTest::newRow("hostile page title is cleaned")
            << 502 << QByteArray("text/html")
            << QByteArray("<html><title>\x1b]0;pwned\x07"
                          "Bad \x1b[2Jgateway&zwnj;</title></html>")
            << int(ThumbnailClass::NotAnImage) << QStringLiteral("saying \"Bad gateway\"");
        QTest::newRow("bytes that are not a picture")
            << 200 << QByteArray("image/webp") << QByteArray("RIFF\0\0\0\0garbage")
            << int(ThumbnailClass::NotAnImage) << QStringLiteral("bytes that are not a picture");
        QTest::newRow("a picture served with 404 still shows")
            << 404 << QByteArray("image/jpeg") << jpegOf(scene()) << int(ThumbnailClass::RealFrame)
            << QString();
        QTest::newRow("a picture") << 200 << QByteArray("image/jpg") << jpegOf(scene())
                                   << int(ThumbnailClass::RealFrame) << QString();
    }

    void fromReply() {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, expected);
        QFETCH(QString, detail);
        const SiteThumbnail t = SiteThumbnail::fromReply(
            QUrl(QStringLiteral("https://s/plugin/Live/getImage.php?u=alice&format=jpg")), status,
            contentType, body, QDateTime::currentDateTimeUtc());
        QVERIFY2(int(t.cls) == expected,
                 qPrintable(QStringLiteral("got %1 (%2)").arg(thumbnailClassName(t.cls), t.detail)));
        QCOMPARE(t.httpStatus, status);
        QCOMPARE(t.isBroken(), expected == int(ThumbnailClass::NotAnImage));
        QCOMPARE(t.scriptName(), QStringLiteral("getImage.php"));
        QVERIFY2(t.detail.contains(detail), qPrintable(t.detail));
        for (const QChar c : t.detail)
            QVERIFY2(c.unicode() >= 0x20, qPrintable(t.detail));
        QCOMPARE(t.digest.isEmpty(), body.isEmpty());
    }

    void sameBytesSameDigest() {
        const QByteArray a = jpegOf(scene());
        QCOMPARE(SiteThumbnail::digestOf(a), SiteThumbnail::digestOf(QByteArray(a)));
        QVERIFY(SiteThumbnail::digestOf(a) != SiteThumbnail::digestOf(a + "x"));
    }
};

QTEST_GUILESS_MAIN(TestSiteThumbnail)
#include "tst_sitethumbnail.moc"
