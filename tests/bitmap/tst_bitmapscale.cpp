#include "bitmap/bitmapscale.h"
#include "testpictures.h"

#include <QTest>

using namespace avld;
using namespace avld::testpictures;

class TestBitmapScale : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Against QImage::scaled(Qt::SmoothTransformation), which core uses today: the mean difference per
    // channel must stay small (different filters, and swscale's trip through YUV, forbid an exact match).
    void likeQtSmoothScaling_data() {
        QTest::addColumn<QImage>("source");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("bound");
        const QImage photo = photoLike(QSize(1280, 720), 4);
        const QImage pattern = testPattern(QSize(1280, 720));
        QTest::newRow("photo 720p to 640x360") << photo << QSize(640, 360) << 1.0;
        QTest::newRow("photo 720p to 320x180") << photo << QSize(320, 180) << 1.0;
        QTest::newRow("photo 720p to 213x120") << photo << QSize(213, 120) << 1.0;
        QTest::newRow("photo to other aspect") << photo << QSize(500, 500) << 1.0;
        QTest::newRow("photo 320x180 enlarged to 640x360")
            << photoLike(QSize(320, 180), 4) << QSize(640, 360) << 1.2;
        QTest::newRow("pattern 720p to 640x360") << pattern << QSize(640, 360) << 0.5;
        QTest::newRow("pattern 720p to 213x120") << pattern << QSize(213, 120) << 1.0;
    }
    void likeQtSmoothScaling() {
        QFETCH(QImage, source);
        QFETCH(QSize, size);
        QFETCH(double, bound);
        const Bitmap ours = scaled(fromQImage(source), size.width(), size.height());
        QVERIFY2(!ours.isNull(), qPrintable(ours.nullReason()));
        QCOMPARE(ours.width(), size.width());
        QCOMPARE(ours.height(), size.height());
        const QImage qt = source.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const double difference = meanAbsoluteDifference(ours, qt);
        qInfo("mean absolute difference from QImage::scaled: %.3f (bound %.1f)", difference, bound);
        QVERIFY2(difference >= 0 && difference <= bound, qPrintable(QString::number(difference)));
    }

    // Halving is the one case with an exact answer, the mean of each 2x2 block: rounded, not truncated.
    void halvingGivesTheBlockMean() {
        const QImage photo = photoLike(QSize(1280, 720), 4);
        const QImage ours = toQImage(scaled(fromQImage(photo), 640, 360));
        const QImage qt = photo.scaled(640, 360, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        double oursError = 0;
        double qtError = 0;
        double worst = 0;
        for (int y = 0; y < 360; ++y) {
            for (int x = 0; x < 640; ++x) {
                for (const int shift : {16, 8, 0}) {
                    const auto channel = [shift](QRgb pixel) { return int((pixel >> shift) & 0xff); };
                    const double mean =
                        (channel(photo.pixel(2 * x, 2 * y)) + channel(photo.pixel(2 * x + 1, 2 * y)) +
                         channel(photo.pixel(2 * x, 2 * y + 1)) +
                         channel(photo.pixel(2 * x + 1, 2 * y + 1))) /
                        4.0;
                    const double error = std::abs(channel(ours.pixel(x, y)) - mean);
                    oursError += error;
                    worst = std::max(worst, error);
                    qtError += std::abs(channel(qt.pixel(x, y)) - mean);
                }
            }
        }
        const double samples = 640.0 * 360 * 3;
        qInfo("mean distance from the 2x2 mean: ours %.3f, QImage::scaled %.3f; ours at worst %.2f",
              oursError / samples, qtError / samples, worst);
        QVERIFY(worst <= 0.5);
        QVERIFY(oursError / samples <= 0.26);
    }

    // A flat colour has nothing to average: it must come out the very same colour, enlarged or shrunk.
    void flatColourStaysFlat_data() {
        QTest::addColumn<uint>("colour");
        QTest::newRow("grey") << uint(rgb(128, 128, 128));
        QTest::newRow("AVideo red") << uint(rgb(204, 0, 0));
        QTest::newRow("white") << uint(rgb(255, 255, 255));
        QTest::newRow("black") << uint(rgb(0, 0, 0));
        QTest::newRow("teal") << uint(rgb(0, 128, 128));
    }
    void flatColourStaysFlat() {
        QFETCH(uint, colour);
        Bitmap source(400, 300);
        source.fill(colour);
        for (const QSize size : {QSize(100, 75), QSize(333, 111), QSize(800, 600)}) {
            const Bitmap result = scaled(source, size.width(), size.height());
            for (int y = 0; y < result.height(); y += 7) {
                for (int x = 0; x < result.width(); x += 5) {
                    const Rgb pixel = result.pixel(x, y);
                    QCOMPARE(pixel >> 24, 0xffu);
                    QVERIFY2(pixel == (colour | 0xff000000u),
                             qPrintable(QStringLiteral("%1 became %2 at %3x%4")
                                            .arg(colour, 8, 16)
                                            .arg(pixel, 8, 16)
                                            .arg(size.width())
                                            .arg(size.height())));
                }
            }
        }
    }

    void sameSizeIsTheSamePicture() {
        const Bitmap source = fromQImage(photoLike(QSize(64, 36), 0));
        const Bitmap result = scaled(source, 64, 36);
        QVERIFY(result.sharesPixelsWith(source));
    }

    void toWidthKeepsTheAspect_data() {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("16:9") << QSize(1280, 720) << 640 << 360;
        QTest::newRow("rounded") << QSize(1280, 720) << 213 << 120; // 119.8
        QTest::newRow("4:3 enlarged") << QSize(320, 240) << 640 << 480;
        QTest::newRow("a line stays a line") << QSize(1000, 2) << 100 << 1;
    }
    void toWidthKeepsTheAspect() {
        QFETCH(QSize, source);
        QFETCH(int, width);
        QFETCH(int, height);
        const Bitmap result = scaledToWidth(Bitmap(source.width(), source.height()), width);
        QCOMPARE(result.width(), width);
        QCOMPARE(result.height(), height);
    }

    void refusals() {
        const Bitmap fromNull = scaled(Bitmap(), 10, 10);
        QVERIFY(fromNull.isNull());
        QVERIFY2(fromNull.nullReason().startsWith(QStringLiteral("there is no picture to scale")),
                 qPrintable(fromNull.nullReason()));
        const Bitmap source(100, 100);
        const Bitmap tooLarge = scaled(source, 60000, 60000);
        QVERIFY(tooLarge.isNull());
        QCOMPARE(tooLarge.nullReason(),
                 QStringLiteral("a picture of 60000×60000 pixels, more than the 67 million allowed"));
        QVERIFY(scaled(source, 0, 10).isNull());
        QVERIFY(scaled(source, 400, 400, 1000).isNull());
    }
};

QTEST_MAIN(TestBitmapScale)
#include "tst_bitmapscale.moc"
