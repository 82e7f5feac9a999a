#include "bitmapqt/qimagebridge.h"
#include "testpictures.h"

#include <QTest>

using namespace avld;

class TestQImageBridge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void toQImageSharesThePixels() {
        Bitmap bitmap(64, 48);
        bitmap.fill(rgb(12, 34, 56));
        bitmap.setPixel(5, 7, rgb(250, 1, 2));
        const QImage image = toQImage(bitmap);
        QCOMPARE(image.format(), QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(64, 48));
        QCOMPARE(image.bytesPerLine(), qsizetype(bitmap.bytesPerLine()));
        QCOMPARE(image.constBits(), bitmap.constBits()); // no copy
        QCOMPARE(image.pixel(5, 7), qRgb(250, 1, 2));
        QCOMPARE(image.pixel(0, 0), qRgb(12, 34, 56));
    }

    void qimageOutlivesTheBitmap() {
        QImage image;
        {
            Bitmap bitmap(8, 8);
            bitmap.fill(rgb(9, 8, 7));
            image = toQImage(bitmap);
        }
        QCOMPARE(image.pixel(7, 7), qRgb(9, 8, 7));
    }

    void writingEitherSideCopies() {
        Bitmap bitmap(8, 8);
        bitmap.fill(rgb(100, 100, 100));
        QImage image = toQImage(bitmap);
        image.setPixel(0, 0, qRgb(1, 2, 3)); // the QImage copies before writing
        QCOMPARE(bitmap.pixel(0, 0), rgb(100, 100, 100));
        const QImage second = toQImage(bitmap);
        bitmap.setPixel(1, 1, rgb(4, 5, 6)); // and so does the bitmap
        QCOMPARE(second.pixel(1, 1), qRgb(100, 100, 100));
        QCOMPARE(bitmap.pixel(1, 1), rgb(4, 5, 6));
    }

    void nullBothWays() {
        QVERIFY(toQImage(Bitmap()).isNull());
        const Bitmap bitmap = fromQImage(QImage());
        QVERIFY(bitmap.isNull());
        QCOMPARE(bitmap.nullReason(), QStringLiteral("the QImage is null"));
    }

    void fromQImageOfAnyFormat_data() {
        QTest::addColumn<int>("format");
        for (const QImage::Format format :
             {QImage::Format_RGB32, QImage::Format_ARGB32, QImage::Format_ARGB32_Premultiplied,
              QImage::Format_RGB888, QImage::Format_Indexed8, QImage::Format_Grayscale8,
              QImage::Format_RGBA64, QImage::Format_RGB16, QImage::Format_Mono})
            QTest::newRow(QByteArray::number(int(format)).constData()) << int(format);
    }
    void fromQImageOfAnyFormat() {
        QFETCH(int, format);
        QImage source = testpictures::photoLike(QSize(97, 61), 6).convertToFormat(QImage::Format(format));
        if (source.hasAlphaChannel()) {
            // Half transparent in part: whatever Qt makes of that in RGB32 is what the bitmap must hold.
            for (int y = 0; y < 20; ++y)
                for (int x = 0; x < 30; ++x)
                    source.setPixelColor(x, y, QColor(200, 120, 40, (x * 9) % 256));
        }
        const Bitmap bitmap = fromQImage(source);
        QVERIFY2(!bitmap.isNull(), qPrintable(bitmap.nullReason()));
        QCOMPARE(toQImage(bitmap), source.convertToFormat(QImage::Format_RGB32));
        for (int y = 0; y < bitmap.height(); ++y)
            for (int x = 0; x < bitmap.width(); ++x)
                QCOMPARE(bitmap.pixel(x, y) >> 24, 0xffu);
    }

    void fromQImageKeepsTheLimit() {
        const Bitmap bitmap = fromQImage(QImage(200, 200, QImage::Format_RGB32), 10'000);
        QVERIFY(bitmap.isNull());
        QVERIFY2(bitmap.nullReason().contains(QStringLiteral("200×200 pixels, more than the 10 000 allowed")),
                 qPrintable(bitmap.nullReason()));
    }

    void roundTrip() {
        const QImage original = testpictures::testPattern(QSize(123, 77));
        const Bitmap bitmap = fromQImage(original);
        QCOMPARE(toQImage(bitmap), original);
        QVERIFY(fromQImage(toQImage(bitmap)) == bitmap);
    }
};

QTEST_MAIN(TestQImageBridge)
#include "tst_qimagebridge.moc"
