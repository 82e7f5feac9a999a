#include "bitmapqt/qimagebridge.h"
#include "media/thumbnailrenderer.h"

#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

const QRgb Black = 0xff000000u;

// A picture whose four edges have their own colour, so we can see where it lands and which way up it is:
// top red, right green, bottom blue, left yellow; mid-grey inside.
QImage edgedPicture(QSize size, QImage::Format format = QImage::Format_RGB32) {
    QImage image(size, format);
    image.fill(QColor(128, 128, 128));
    const int band = qMax(8, qMin(size.width(), size.height()) / 10);
    QPainter painter(&image);
    painter.fillRect(0, 0, size.width(), band, QColor(255, 0, 0));
    painter.fillRect(size.width() - band, band, band, size.height() - 2 * band, QColor(0, 255, 0));
    painter.fillRect(0, size.height() - band, size.width(), band, QColor(0, 0, 255));
    painter.fillRect(0, band, band, size.height() - 2 * band, QColor(255, 255, 0));
    return image;
}

GrabbedFrame frameOf(QSize coded, double sar, int rotation) {
    GrabbedFrame frame;
    frame.image = fromQImage(edgedPicture(coded));
    frame.sampleAspect = sar;
    frame.rotationDegrees = rotation;
    return frame;
}

// 'R', 'G', 'B', 'Y', 'k' (black) or '?' for a pixel.
char colourName(QRgb pixel) {
    const int r = qRed(pixel), g = qGreen(pixel), b = qBlue(pixel);
    if (r < 30 && g < 30 && b < 30)
        return 'k';
    if (r > 200 && g > 200 && b < 60)
        return 'Y';
    if (r > 200 && g < 60 && b < 60)
        return 'R';
    if (g > 200 && r < 60 && b < 60)
        return 'G';
    if (b > 200 && r < 60 && g < 60)
        return 'B';
    return '?';
}

// Colours two pixels inside the middle of each edge of rect: top, right, bottom, left.
QString edgeColours(const QImage& image, const QRect& rect) {
    const QPoint c = rect.center();
    const char names[] = {
        colourName(image.pixel(c.x(), rect.top() + 2)), colourName(image.pixel(rect.right() - 2, c.y())),
        colourName(image.pixel(c.x(), rect.bottom() - 2)), colourName(image.pixel(rect.left() + 2, c.y()))};
    return QString::fromLatin1(names, 4);
}

int blackRun(const QImage& image, QPoint start, QPoint step) {
    int run = 0;
    for (QPoint p = start; image.rect().contains(p) && image.pixel(p) == Black; p += step)
        ++run;
    return run;
}

} // namespace

class TestThumbnailRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void letterbox_data() {
        QTest::addColumn<QSize>("coded");
        QTest::addColumn<double>("sar");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<QSize>("box");
        QTest::addColumn<QRect>("expected"); // where the picture must land
        QTest::addColumn<QString>("edges");  // top, right, bottom, left colours after rotation

        const QSize box(640, 360);
        QTest::newRow("16:9 720p") << QSize(1280, 720) << 1.0 << 0 << box << QRect(0, 0, 640, 360) << "RGBY";
        QTest::newRow("16:9 1080p") << QSize(1920, 1080) << 1.0 << 0 << box << QRect(0, 0, 640, 360)
                                    << "RGBY";
        QTest::newRow("16:9 upscale") << QSize(160, 90) << 1.0 << 0 << box << QRect(0, 0, 640, 360) << "RGBY";
        QTest::newRow("4:3") << QSize(640, 480) << 1.0 << 0 << box << QRect(80, 0, 480, 360) << "RGBY";
        // 360 * 1080 / 1920 = 202.5, rounded up as FFmpeg does; (640 - 203) / 2 = 218
        QTest::newRow("9:16") << QSize(1080, 1920) << 1.0 << 0 << box << QRect(218, 0, 203, 360) << "RGBY";
        QTest::newRow("1:1") << QSize(1000, 1000) << 1.0 << 0 << box << QRect(140, 0, 360, 360) << "RGBY";
        QTest::newRow("3.2:1 letterbox")
            << QSize(2560, 800) << 1.0 << 0 << box << QRect(0, 80, 640, 200) << "RGBY";
        // PAL 4:3: 720x576 with SAR 16:15 shows as 768x576
        QTest::newRow("SAR 16:15") << QSize(720, 576) << 16.0 / 15.0 << 0 << box << QRect(80, 0, 480, 360)
                                   << "RGBY";
        // HDV: 1440x1080 with SAR 4:3 shows as 1920x1080
        QTest::newRow("SAR 4:3 anamorphic")
            << QSize(1440, 1080) << 4.0 / 3.0 << 0 << box << QRect(0, 0, 640, 360) << "RGBY";
        QTest::newRow("unknown SAR 0")
            << QSize(640, 480) << 0.0 << 0 << box << QRect(80, 0, 480, 360) << "RGBY";
        QTest::newRow("rotate 90") << QSize(1280, 720) << 1.0 << 90 << box << QRect(218, 0, 203, 360)
                                   << "YRGB";
        QTest::newRow("rotate 180") << QSize(1280, 720) << 1.0 << 180 << box << QRect(0, 0, 640, 360)
                                    << "BYRG";
        QTest::newRow("rotate 270") << QSize(1280, 720) << 1.0 << 270 << box << QRect(218, 0, 203, 360)
                                    << "GBYR";
        QTest::newRow("rotate -90") << QSize(1280, 720) << 1.0 << -90 << box << QRect(218, 0, 203, 360)
                                    << "GBYR";
        // A phone held upright records 1920x1080 with a 90° display matrix: a vertical picture, pillarboxed.
        QTest::newRow("phone portrait")
            << QSize(1920, 1080) << 1.0 << 90 << box << QRect(218, 0, 203, 360) << "YRGB";
        QTest::newRow("rotate 90 of 4:3")
            << QSize(640, 480) << 1.0 << 90 << box << QRect(185, 0, 270, 360) << "YRGB";
        QTest::newRow("gif box 16:9")
            << QSize(1920, 1080) << 1.0 << 0 << QSize(320, 180) << QRect(0, 0, 320, 180) << "RGBY";
        // 180 * 1080 / 1920 = 101.25 -> 101; (320 - 101) / 2 = 109
        QTest::newRow("gif box 9:16")
            << QSize(1080, 1920) << 1.0 << 0 << QSize(320, 180) << QRect(109, 0, 101, 180) << "RGBY";
    }

    void letterbox() {
        QFETCH(QSize, coded);
        QFETCH(double, sar);
        QFETCH(int, rotation);
        QFETCH(QSize, box);
        QFETCH(QRect, expected);
        QFETCH(QString, edges);

        const GrabbedFrame frame = frameOf(coded, sar, rotation);
        QCOMPARE(ThumbnailRenderer::placement(ThumbnailRenderer::displaySize(coded, sar, rotation), box),
                 expected);

        ThumbnailRenderer renderer(box);
        const Result<Bitmap> rendered = renderer.render(frame);
        QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().toString()));
        const QImage image = toQImage(*rendered);
        QCOMPARE(image.size(), box);
        QCOMPARE(image.format(), QImage::Format_RGB32);

        // Bars measured on the middle row and column, from each side.
        const QPoint mid = expected.center();
        QCOMPARE(blackRun(image, QPoint(0, mid.y()), QPoint(1, 0)), expected.left());
        QCOMPARE(blackRun(image, QPoint(box.width() - 1, mid.y()), QPoint(-1, 0)),
                 box.width() - 1 - expected.right());
        QCOMPARE(blackRun(image, QPoint(mid.x(), 0), QPoint(0, 1)), expected.top());
        QCOMPARE(blackRun(image, QPoint(mid.x(), box.height() - 1), QPoint(0, -1)),
                 box.height() - 1 - expected.bottom());

        // Everything outside the picture is pure black; the picture's outermost pixels are not.
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (!expected.contains(x, y) && image.pixel(x, y) != Black)
                    QFAIL(qPrintable(QStringLiteral("bar pixel %1,%2 is not black").arg(x).arg(y)));
            }
        }
        for (const QPoint& p : {QPoint(expected.left(), mid.y()), QPoint(expected.right(), mid.y()),
                                QPoint(mid.x(), expected.top()), QPoint(mid.x(), expected.bottom())})
            QVERIFY2(colourName(image.pixel(p)) != 'k',
                     qPrintable(QStringLiteral("picture edge at %1,%2 is black").arg(p.x()).arg(p.y())));

        QCOMPARE(edgeColours(image, expected), edges);
        // The grey inside stays grey: no range or colour shift from the scaler.
        const QRgb centre = image.pixel(mid);
        for (int channel : {qRed(centre), qGreen(centre), qBlue(centre)})
            QVERIFY2(qAbs(channel - 128) <= 3, qPrintable(QString::number(centre, 16)));
    }

    void fitOnly_data() { letterbox_data(); }

    void fitOnly() {
        QFETCH(QSize, coded);
        QFETCH(double, sar);
        QFETCH(int, rotation);
        QFETCH(QSize, box);
        QFETCH(QRect, expected);
        QFETCH(QString, edges);

        ThumbnailRenderer renderer(box, ThumbnailRenderer::Mode::FitOnly);
        const Result<Bitmap> rendered = renderer.render(frameOf(coded, sar, rotation));
        QVERIFY(rendered.ok());
        const QImage image = toQImage(*rendered);
        QCOMPARE(image.size(), expected.size());
        QCOMPARE(edgeColours(image, image.rect()), edges);
        QVERIFY(colourName(image.pixel(0, image.height() / 2)) != 'k');
        QVERIFY(colourName(image.pixel(image.width() - 1, image.height() / 2)) != 'k');
    }

    void otherPixelFormatsAreAccepted() {
        GrabbedFrame frame;
        frame.image = fromQImage(edgedPicture(QSize(1280, 720), QImage::Format_RGB888));
        ThumbnailRenderer renderer;
        const Result<Bitmap> rendered = renderer.render(frame);
        QVERIFY(rendered.ok());
        const QImage image = toQImage(*rendered);
        QCOMPARE(image.size(), QSize(640, 360));
        QCOMPARE(edgeColours(image, image.rect()), QStringLiteral("RGBY"));
    }

    void rendererIsReusedAcrossSizes() {
        // The cached scaler must be rebuilt when the input size changes, and give the same result each time.
        ThumbnailRenderer renderer;
        const GrabbedFrame big = frameOf(QSize(1920, 1080), 1.0, 0);
        const GrabbedFrame square = frameOf(QSize(500, 500), 1.0, 0);
        const Bitmap first = *renderer.render(big);
        const Bitmap other = *renderer.render(square);
        QCOMPARE(ThumbnailRenderer(renderer.box()).render(square)->width(), other.width());
        QCOMPARE(ThumbnailRenderer(renderer.box()).render(square)->height(), other.height());
        QCOMPARE(*renderer.render(big), first);
        ThumbnailRenderer moved = std::move(renderer);
        QCOMPARE(*moved.render(big), first);
    }

    void errors_data() {
        QTest::addColumn<bool>("nullImage");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<QSize>("box");
        QTest::addColumn<QString>("code");
        QTest::newRow("null image") << true << 0 << QSize(640, 360) << "empty-frame";
        QTest::newRow("rotation 45") << false << 45 << QSize(640, 360) << "bad-rotation";
        QTest::newRow("empty box") << false << 0 << QSize(0, 360) << "bad-box";
    }

    void errors() {
        QFETCH(bool, nullImage);
        QFETCH(int, rotation);
        QFETCH(QSize, box);
        QFETCH(QString, code);
        GrabbedFrame frame = frameOf(QSize(64, 36), 1.0, rotation);
        if (nullImage)
            frame.image = Bitmap();
        ThumbnailRenderer renderer(box);
        const Result<Bitmap> rendered = renderer.render(frame);
        QVERIFY(!rendered.ok());
        QCOMPARE(rendered.error().code, code);
        QVERIFY(!rendered.error().message.isEmpty());
    }

    void benchmark1080p() {
        ThumbnailRenderer renderer;
        const GrabbedFrame frame = frameOf(QSize(1920, 1080), 1.0, 0);
        Bitmap out;
        QBENCHMARK {
            out = *renderer.render(frame);
        }
        QCOMPARE(out.width(), 640);
        QCOMPARE(out.height(), 360);
    }
};

QTEST_GUILESS_MAIN(TestThumbnailRenderer)
#include "tst_thumbnailrenderer.moc"
