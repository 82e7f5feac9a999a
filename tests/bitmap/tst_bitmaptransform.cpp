// Quarter turns and nearest-neighbour scaling of a Bitmap, against what QImage gave core before (issue #18).
#include "bitmap/bitmaptransform.h"
#include "testpictures.h"

#include <QTest>
#include <QTransform>

using namespace avld;
using namespace avld::testpictures;

namespace {

// How many pixels differ at all; -1 when the sizes differ.
qint64 differingPixels(const Bitmap& ours, const QImage& theirs) {
    const QImage image = theirs.convertToFormat(QImage::Format_RGB32);
    if (QSize(ours.width(), ours.height()) != image.size())
        return -1;
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += ((ours.pixel(x, y) ^ line[x]) & 0x00ffffffu) != 0 ? 1 : 0;
    }
    return count;
}

} // namespace

class TestBitmapTransform : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The very pixels QImage::transformed(QTransform().rotate(degrees)) gives for a quarter turn.
    void quarterTurnsLikeQt_data() {
        QTest::addColumn<int>("degrees");
        QTest::newRow("90") << 90;
        QTest::newRow("180") << 180;
        QTest::newRow("270") << 270;
    }
    void quarterTurnsLikeQt() {
        QFETCH(int, degrees);
        const QImage source = testPattern(QSize(64, 36));
        const Bitmap turned = rotatedClockwise(fromQImage(source), degrees);
        const QImage qt = source.transformed(QTransform().rotate(degrees));
        QCOMPARE(differingPixels(turned, qt), qint64(0));
    }

    // Clockwise: the top-left corner goes to the top-right at 90 degrees, to the bottom-left at 270.
    void clockwise() {
        Bitmap corner(3, 2);
        corner.setPixel(0, 0, rgb(255, 0, 0));
        const Bitmap right = rotatedClockwise(corner, 90);
        QCOMPARE(right.width(), 2);
        QCOMPARE(right.height(), 3);
        QCOMPARE(right.pixel(1, 0), rgb(255, 0, 0));
        const Bitmap left = rotatedClockwise(corner, 270);
        QCOMPARE(left.pixel(0, 2), rgb(255, 0, 0));
        QCOMPARE(rotatedClockwise(corner, 180).pixel(2, 1), rgb(255, 0, 0));
    }

    void otherAnglesLeaveThePictureAsItIs() {
        const Bitmap source = fromQImage(testPattern(QSize(16, 9)));
        QVERIFY(rotatedClockwise(source, 0).sharesPixelsWith(source));
        QVERIFY(rotatedClockwise(source, 45).sharesPixelsWith(source));
        QVERIFY(rotatedClockwise(Bitmap(), 90).isNull());
    }

    // Nearest neighbour takes the pixel under each target pixel's centre, in fixed-point steps rounded as
    // Qt's fast scaling rounds them: the very same pixels.
    void fastScalingLikeQt_data() {
        QTest::addColumn<QSize>("from");
        QTest::addColumn<QSize>("to");
        QTest::newRow("720p to 480x270") << QSize(1280, 720) << QSize(480, 270);
        QTest::newRow("AVideo card to 480x252") << QSize(1200, 630) << QSize(480, 252);
        QTest::newRow("portrait to 480x853") << QSize(720, 1280) << QSize(480, 853);
        QTest::newRow("enlarged") << QSize(320, 180) << QSize(480, 270);
    }
    void fastScalingLikeQt() {
        QFETCH(QSize, from);
        QFETCH(QSize, to);
        const QImage source = photoLike(from, 8);
        const Bitmap ours = scaledFast(fromQImage(source), to.width(), to.height());
        QCOMPARE(ours.width(), to.width());
        QCOMPARE(ours.height(), to.height());
        const QImage qt = source.scaled(to, Qt::IgnoreAspectRatio, Qt::FastTransformation);
        QCOMPARE(differingPixels(ours, qt), qint64(0));
    }

    void fastScalingCornerCases() {
        const Bitmap source = fromQImage(testPattern(QSize(40, 30)));
        QVERIFY(scaledFast(source, 40, 30).sharesPixelsWith(source));
        QVERIFY(scaledFast(Bitmap(), 10, 10).isNull());
        QVERIFY(scaledFast(source, 0, 10).isNull());
        const Bitmap dot = scaledFast(source, 1, 1);
        QCOMPARE(dot.pixel(0, 0), source.pixel(20, 15)); // the centre
        Bitmap flat(7, 5);
        flat.fill(rgb(1, 2, 3));
        const Bitmap bigger = scaledFast(flat, 23, 11);
        for (int y = 0; y < bigger.height(); ++y)
            for (int x = 0; x < bigger.width(); ++x)
                QCOMPARE(bigger.pixel(x, y), rgb(1, 2, 3));
    }
};

QTEST_GUILESS_MAIN(TestBitmapTransform)
#include "tst_bitmaptransform.moc"
