// Bitmap without Qt Gui: this test links avld_bitmap and QtTest alone.
#include "bitmap/bitmap.h"
#include "bitmap/bitmapwords.h"
#include "bitmap/pictureformat.h"

#include <QTest>

using namespace avld;

class TestBitmap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapeAndLayout() {
        const Bitmap bitmap(7, 3);
        QVERIFY(!bitmap.isNull());
        QCOMPARE(bitmap.width(), 7);
        QCOMPARE(bitmap.height(), 3);
        QCOMPARE(bitmap.bytesPerLine(), qsizetype(28));
        QCOMPARE(bitmap.pixelCount(), qint64(21));
        QCOMPARE(bitmap.sizeInBytes(), qsizetype(84));
        QVERIFY(bitmap.nullReason().isEmpty());
        // A new bitmap is opaque black.
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 7; ++x)
                QCOMPARE(bitmap.pixel(x, y), Rgb(0xff000000));
        // Rows are packed one after the other.
        QCOMPARE(reinterpret_cast<const uchar*>(bitmap.constScanLine(2)), bitmap.constBits() + 2 * 28);
    }

    void pixelsAreBgrxInMemory() {
        Bitmap bitmap(2, 1);
        bitmap.setPixel(1, 0, rgb(0x12, 0x34, 0x56));
        const uchar* bytes = bitmap.constBits() + 4;
        // QImage::Format_RGB32's layout on a little-endian machine: B, G, R, then 0xff.
        QCOMPARE(int(bytes[0]), 0x56);
        QCOMPARE(int(bytes[1]), 0x34);
        QCOMPARE(int(bytes[2]), 0x12);
        QCOMPARE(int(bytes[3]), 0xff);
        QCOMPARE(redOf(bitmap.pixel(1, 0)), 0x12);
        QCOMPARE(greenOf(bitmap.pixel(1, 0)), 0x34);
        QCOMPARE(blueOf(bitmap.pixel(1, 0)), 0x56);
    }

    void setPixelKeepsPixelsOpaque() {
        Bitmap bitmap(1, 1);
        bitmap.setPixel(0, 0, 0x00abcdef);
        QCOMPARE(bitmap.pixel(0, 0), Rgb(0xffabcdef));
        bitmap.fill(0x00102030);
        QCOMPARE(bitmap.pixel(0, 0), Rgb(0xff102030));
    }

    void refusedSizes_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<qint64>("maxPixels");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero") << 0 << 0 << Bitmap::kDefaultMaxPixels
                              << QStringLiteral("a picture of 0×0 pixels, an empty picture");
        QTest::newRow("no height") << 5 << 0 << Bitmap::kDefaultMaxPixels
                                   << QStringLiteral("a picture of 5×0 pixels, an empty picture");
        QTest::newRow("negative") << -3 << 4 << Bitmap::kDefaultMaxPixels
                                  << QStringLiteral("a picture of -3×4 pixels, an empty picture");
        QTest::newRow("hostile header")
            << 60000 << 60000 << Bitmap::kDefaultMaxPixels
            << QStringLiteral("a picture of 60000×60000 pixels, more than the 67 million allowed");
        QTest::newRow("one pixel too many")
            << 8193 << 8192 << Bitmap::kDefaultMaxPixels
            << QStringLiteral("a picture of 8193×8192 pixels, more than the 67 million allowed");
        QTest::newRow("own limit") << 1000 << 1000 << qint64(250'000)
                                   << QStringLiteral(
                                          "a picture of 1000×1000 pixels, more than the 250 000 allowed");
        QTest::newRow("too wide for any limit")
            << 70000 << 1 << Bitmap::kDefaultMaxPixels
            << QStringLiteral("a picture of 70000×1 pixels, a side longer than the 65 535 allowed");
    }
    void refusedSizes() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(qint64, maxPixels);
        QFETCH(QString, reason);
        const Bitmap bitmap(width, height, maxPixels);
        QVERIFY(bitmap.isNull());
        QCOMPARE(bitmap.width(), 0);
        QCOMPARE(bitmap.sizeInBytes(), qsizetype(0)); // nothing was allocated
        QCOMPARE(bitmap.nullReason(), reason);
        const Result<Bitmap> allocated = Bitmap::allocate(width, height, maxPixels);
        QVERIFY(!allocated.ok());
        QCOMPARE(allocated.error().message, reason);
    }

    void largestAllowedSizeIsMade() {
        const Bitmap bitmap(8192, 8192);
        QVERIFY(!bitmap.isNull());
        QCOMPARE(bitmap.pixelCount(), Bitmap::kDefaultMaxPixels);
        QVERIFY(Bitmap::allocate(100, 100).ok());
    }

    void defaultIsNull() {
        const Bitmap bitmap;
        QVERIFY(bitmap.isNull());
        QCOMPARE(bitmap.nullReason(), QStringLiteral("no picture"));
        QCOMPARE(Bitmap::refused(QStringLiteral("why")).nullReason(), QStringLiteral("why"));
        QVERIFY(bitmap == Bitmap());
    }

    void copiesShareUntilWritten() {
        Bitmap original(4, 4);
        original.fill(rgb(10, 20, 30));
        Bitmap copy = original;
        QVERIFY(copy.sharesPixelsWith(original));
        QCOMPARE(copy.constBits(), original.constBits());
        copy.setPixel(1, 1, rgb(200, 0, 0));
        QVERIFY(!copy.sharesPixelsWith(original));
        QCOMPARE(original.pixel(1, 1), rgb(10, 20, 30));
        QCOMPARE(copy.pixel(1, 1), rgb(200, 0, 0));
        // Reading does not detach.
        const Bitmap reader = original;
        (void)reader.constScanLine(0);
        QVERIFY(reader.sharesPixelsWith(original));
    }

    void scanLineWrites() {
        Bitmap bitmap(3, 2);
        Rgb* row = bitmap.scanLine(1);
        row[0] = rgb(1, 2, 3);
        row[2] = rgb(4, 5, 6);
        QCOMPARE(bitmap.pixel(0, 1), rgb(1, 2, 3));
        QCOMPARE(bitmap.pixel(2, 1), rgb(4, 5, 6));
        QCOMPARE(bitmap.pixel(0, 0), rgb(0, 0, 0));
    }

    void copyOfAPart() {
        Bitmap bitmap(10, 8);
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 10; ++x)
                bitmap.setPixel(x, y, rgb(x * 20, y * 30, 7));
        const Bitmap part = bitmap.copy(2, 3, 4, 2);
        QCOMPARE(part.width(), 4);
        QCOMPARE(part.height(), 2);
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 4; ++x)
                QCOMPARE(part.pixel(x, y), bitmap.pixel(x + 2, y + 3));
        QVERIFY(!part.sharesPixelsWith(bitmap));
        // The whole picture is the picture itself, shared.
        QVERIFY(bitmap.copy(0, 0, 10, 8).sharesPixelsWith(bitmap));
    }

    void copyIsClipped() {
        Bitmap bitmap(10, 8);
        bitmap.setPixel(9, 7, rgb(255, 255, 255));
        const Bitmap corner = bitmap.copy(8, 6, 100, 100);
        QCOMPARE(corner.width(), 2);
        QCOMPARE(corner.height(), 2);
        QCOMPARE(corner.pixel(1, 1), rgb(255, 255, 255));
        const Bitmap left = bitmap.copy(-5, -5, 7, 6);
        QCOMPARE(left.width(), 2);
        QCOMPARE(left.height(), 1);
        const Bitmap outside = bitmap.copy(20, 0, 5, 5);
        QVERIFY(outside.isNull());
        QCOMPARE(outside.nullReason(),
                 QStringLiteral("the part 5×5 at (20, 0) lies outside the 10×8 picture"));
    }

    void equality() {
        Bitmap a(3, 3);
        Bitmap b(3, 3);
        QVERIFY(a == b);
        b.setPixel(2, 2, rgb(0, 0, 1));
        QVERIFY(!(a == b));
        a.setPixel(2, 2, rgb(0, 0, 1));
        QVERIFY(a == b);
        // The unused fourth byte does not count, as for QImage's RGB32.
        a.scanLine(0)[0] = 0x00000000;
        QVERIFY(a == b);
        QVERIFY(!(Bitmap(3, 3) == Bitmap(3, 4)));
        QVERIFY(!(Bitmap(3, 3) == Bitmap()));
    }

    void words_data() {
        QTest::addColumn<qint64>("number");
        QTest::addColumn<QString>("grouped");
        QTest::newRow("small") << qint64(7) << QStringLiteral("7");
        QTest::newRow("thousands") << qint64(1204) << QStringLiteral("1 204");
        QTest::newRow("millions") << qint64(67108864) << QStringLiteral("67 108 864");
        QTest::newRow("three digits") << qint64(999) << QStringLiteral("999");
        QTest::newRow("negative") << qint64(-123456) << QStringLiteral("-123 456");
    }
    void words() {
        QFETCH(qint64, number);
        QFETCH(QString, grouped);
        QCOMPARE(groupedDigits(number), grouped);
    }

    void limitText_data() {
        QTest::addColumn<qint64>("maxPixels");
        QTest::addColumn<QString>("text");
        QTest::newRow("default") << Bitmap::kDefaultMaxPixels << QStringLiteral("67 million");
        QTest::newRow("full hd") << qint64(1920 * 1080) << QStringLiteral("2.1 million");
        QTest::newRow("whole million") << qint64(4'000'000) << QStringLiteral("4 million");
        QTest::newRow("small") << qint64(250'000) << QStringLiteral("250 000");
    }
    void limitText() {
        QFETCH(qint64, maxPixels);
        QFETCH(QString, text);
        QCOMPARE(pixelLimitText(maxPixels), text);
    }

    void sniffing_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF", 10) << int(PictureFormat::Jpeg);
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) << int(PictureFormat::Png);
        QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << int(PictureFormat::WebP);
        QTest::newRow("gif87") << QByteArray("GIF87a\x01\0\x01\0", 10) << int(PictureFormat::Gif);
        QTest::newRow("gif89") << QByteArray("GIF89a", 6) << int(PictureFormat::Gif);
        QTest::newRow("riff but wave")
            << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16) << int(PictureFormat::Unknown);
        QTest::newRow("html named .jpg") << QByteArray("<!DOCTYPE html>") << int(PictureFormat::Unknown);
        QTest::newRow("empty") << QByteArray() << int(PictureFormat::Unknown);
        QTest::newRow("two jpeg bytes") << QByteArray("\xff\xd8", 2) << int(PictureFormat::Unknown);
    }
    void sniffing() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QCOMPARE(int(sniffPictureFormat(bytes)), format);
    }
};

QTEST_GUILESS_MAIN(TestBitmap)
#include "tst_bitmap.moc"
