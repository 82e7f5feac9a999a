#include "bitmapqt/qimagebridge.h"
#include "media/imageencoder.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace avld;

namespace {

// Something like a camera frame: gradient, shapes and, if asked, sensor-like noise (fixed seed).
QImage photoLike(QSize size, int noise) {
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, QColor(40, 90, 170));
    sky.setColorAt(1, QColor(200, 170, 120));
    painter.fillRect(image.rect(), sky);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(230, 60, 40));
    painter.drawEllipse(
        QRectF(size.width() * 0.1, size.height() * 0.2, size.width() * 0.3, size.height() * 0.5));
    painter.setBrush(QColor(30, 140, 60));
    painter.drawRect(
        QRectF(size.width() * 0.55, size.height() * 0.4, size.width() * 0.35, size.height() * 0.45));
    painter.end();
    if (noise > 0) {
        QRandomGenerator random(42);
        for (int y = 0; y < image.height(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const int d = int(random.bounded(2 * noise + 1)) - noise;
                line[x] = qRgb(qBound(0, qRed(line[x]) + d, 255), qBound(0, qGreen(line[x]) + d, 255),
                               qBound(0, qBlue(line[x]) + d, 255));
            }
        }
    }
    return image;
}

double meanAbsoluteDifference(const QImage& a, const QImage& b) {
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            sum += qAbs(qRed(p[col]) - qRed(q[col])) + qAbs(qGreen(p[col]) - qGreen(q[col])) +
                   qAbs(qBlue(p[col]) - qBlue(q[col]));
    }
    return sum / (3.0 * x.width() * x.height());
}

QByteArray written(const QImage& image, const QByteArray& format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, format).write(image);
    return bytes;
}

QByteArray tinyGif() {
    return QByteArray::fromHex(
        "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b");
}

} // namespace

class TestImageEncoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // First, while this process has loaded no image plugin: the encoder writes through avld_bitmap's codecs
    // and loads none of Qt's (QImageWriter asked every plugin in turn: TIFF, MNG, SVG… with their libraries).
    void loadsNoImagePlugin() {
        const Bitmap picture = fromQImage(photoLike(QSize(64, 36), 0));
        QVERIFY(ImageEncoder().encodeJpeg(picture).ok());
        QVERIFY(ImageEncoder().encodePng(picture).ok());
        QVERIFY(ImageEncoder().encodeWebp(picture).ok());
        QFile maps(QStringLiteral("/proc/self/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        QVERIFY2(!mapped.contains("imageformats/"), mapped.constData());
    }

    void stills_data() {
        QTest::addColumn<ImageEncoder::Format>("format");
        QTest::addColumn<int>("noise");
        QTest::addColumn<double>("maxError"); // mean absolute difference per channel, 0-255
        QTest::newRow("jpeg smooth") << ImageEncoder::Format::Jpeg << 0 << 3.0;
        QTest::newRow("jpeg noisy") << ImageEncoder::Format::Jpeg << 12 << 6.0;
        QTest::newRow("png smooth") << ImageEncoder::Format::Png << 0 << 0.0;
        QTest::newRow("png noisy") << ImageEncoder::Format::Png << 12 << 0.0;
        QTest::newRow("webp smooth") << ImageEncoder::Format::WebP << 0 << 3.0;
        QTest::newRow("webp noisy") << ImageEncoder::Format::WebP << 12 << 7.0;
    }

    void stills() {
        QFETCH(ImageEncoder::Format, format);
        QFETCH(int, noise);
        QFETCH(double, maxError);
        const QImage source = photoLike(QSize(640, 360), noise);

        QElapsedTimer timer;
        timer.start();
        const Result<QByteArray> encoded = ImageEncoder().encode(fromQImage(source), format);
        const qint64 elapsedMs = timer.elapsed();
        QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().toString()));
        qInfo("%s: %lld bytes in %lld ms", QTest::currentDataTag(), qint64(encoded->size()), elapsedMs);

        const ImageMarker::Format expectedKind =
            format == ImageEncoder::Format::Jpeg  ? ImageMarker::Format::Jpeg
            : format == ImageEncoder::Format::Png ? ImageMarker::Format::Png
                                                  : ImageMarker::Format::WebP;
        QCOMPARE(ImageMarker::sniff(*encoded), expectedKind);
        QVERIFY(ImageEncoder::hasMarker(*encoded));
        QVERIFY(!ImageEncoder::inPlaceholderWindow(encoded->size()));

        QImage decoded;
        QVERIFY(decoded.loadFromData(*encoded));
        QCOMPARE(decoded.size(), QSize(640, 360));
        const double error = meanAbsoluteDifference(source, decoded);
        QVERIFY2(error <= maxError, qPrintable(QString::number(error)));
        if (format == ImageEncoder::Format::WebP)
            QCOMPARE(encoded->mid(30, 4), QByteArray("VP8 ")); // lossy, after RIFF header and VP8X
    }

    void qualityOptionsApply() {
        const Bitmap source = fromQImage(photoLike(QSize(640, 360), 6));
        ImageEncoder::Options low, high;
        low.jpegQuality = low.webpQuality = 40;
        high.jpegQuality = high.webpQuality = 95;
        QVERIFY(ImageEncoder(low).encodeJpeg(source)->size() < ImageEncoder(high).encodeJpeg(source)->size());
        QVERIFY(ImageEncoder(low).encodeWebp(source)->size() < ImageEncoder(high).encodeWebp(source)->size());
    }

    void markerIsConfigurable() {
        ImageEncoder::Options options;
        options.marker = QStringLiteral("My Site thumbnails 1.0");
        const QByteArray jpeg = *ImageEncoder(options).encodeJpeg(fromQImage(photoLike(QSize(320, 180), 0)));
        QVERIFY(ImageEncoder::hasMarker(jpeg, options.marker));
        QVERIFY(!ImageEncoder::hasMarker(jpeg));
        QVERIFY(!ImageEncoder::hasMarker(written(photoLike(QSize(320, 180), 0), "jpeg")));
        QVERIFY(!ImageEncoder::hasMarker(written(photoLike(QSize(320, 180), 0), "png")));

        options.marker = QStringLiteral("bad \"marker\"");
        const Result<QByteArray> refused =
            ImageEncoder(options).encodePng(fromQImage(photoLike(QSize(32, 18), 0)));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("bad-marker"));
    }

    void nullImageIsRefused_data() {
        QTest::addColumn<ImageEncoder::Format>("format");
        QTest::newRow("jpeg") << ImageEncoder::Format::Jpeg;
        QTest::newRow("png") << ImageEncoder::Format::Png;
        QTest::newRow("webp") << ImageEncoder::Format::WebP;
    }

    void nullImageIsRefused() {
        QFETCH(ImageEncoder::Format, format);
        const Result<QByteArray> encoded = ImageEncoder().encode(Bitmap(), format);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, QStringLiteral("empty-image"));
        QVERIFY(encoded.error().message.contains(ImageEncoder::formatName(format)));
    }

    void placeholderWindows_data() {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("inside");
        for (auto [size, inside] : std::initializer_list<std::pair<qint64, bool>>{{0, false},
                                                                                  {70'804, false},
                                                                                  {70'805, true},
                                                                                  {70'808, true},
                                                                                  {70'810, true},
                                                                                  {70'811, false},
                                                                                  {2'095'334, false},
                                                                                  {2'095'335, true},
                                                                                  {2'095'341, true},
                                                                                  {2'095'350, true},
                                                                                  {2'095'351, false}})
            QTest::addRow("%lld", size) << size << inside;
    }

    void placeholderWindows() {
        QFETCH(qint64, size);
        QFETCH(bool, inside);
        QCOMPARE(ImageEncoder::inPlaceholderWindow(size), inside);
    }

    // The nudge on its own, deterministically: pad the marker so that the marked file would land exactly in
    // a window, then check that markOutsideWindows() moves it just past the window and the image survives.
    void nudgeMovesSizeOutOfWindow_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        const QImage image = photoLike(QSize(320, 180), 0);
        const struct {
            const char* name;
            QByteArray raw;
        } kinds[] = {{"jpeg", written(photoLike(QSize(640, 360), 6), "jpeg")}, // big enough for 64 KB padding
                     {"png", written(image, "png")},
                     {"webp", written(image, "webp")},
                     {"gif", tinyGif()}};
        for (const auto& kind : kinds) {
            QTest::addRow("%s 70 KB", kind.name) << kind.raw << qint64(70'805) << qint64(70'810);
            if (qstrcmp(kind.name, "jpeg") != 0) // a JPEG comment cannot hold 2 MB of padding
                QTest::addRow("%s 2 MB", kind.name) << kind.raw << qint64(2'095'335) << qint64(2'095'350);
        }
    }

    void nudgeMovesSizeOutOfWindow() {
        QFETCH(QByteArray, raw);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const QString marker = ImageMarker::defaultText();

        int padding = 0;
        QByteArray unNudged = *ImageMarker::insert(raw, marker, padding);
        for (int round = 0; round < 20 && !ImageEncoder::inPlaceholderWindow(unNudged.size()); ++round) {
            padding += int(first + 2 - unNudged.size());
            const Result<QByteArray> marked = ImageMarker::insert(raw, marker, padding);
            QVERIFY2(marked.ok(), qPrintable(marked.ok() ? QString() : marked.error().toString()));
            unNudged = *marked;
        }
        QVERIFY2(unNudged.size() >= first && unNudged.size() <= last,
                 qPrintable(QString::number(unNudged.size())));

        const Result<QByteArray> nudged = ImageEncoder::markOutsideWindows(raw, marker, padding);
        QVERIFY(nudged.ok());
        QVERIFY(!ImageEncoder::inPlaceholderWindow(nudged->size()));
        QVERIFY2(nudged->size() > last && nudged->size() <= last + 3,
                 qPrintable(QString::number(nudged->size())));
        QVERIFY(ImageEncoder::hasMarker(*nudged));
        const QImage decoded = QImage::fromData(*nudged);
        QVERIFY(!decoded.isNull());
        QCOMPARE(decoded, QImage::fromData(raw));
    }

    // Through the public encoder: a padding that puts the plain result in the window comes out past it.
    void encoderNeverReturnsPlaceholderSizes_data() {
        QTest::addColumn<ImageEncoder::Format>("format");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("jpeg 70 KB") << ImageEncoder::Format::Jpeg << qint64(70'805) << qint64(70'810);
        QTest::newRow("png 70 KB") << ImageEncoder::Format::Png << qint64(70'805) << qint64(70'810);
        QTest::newRow("png 2 MB") << ImageEncoder::Format::Png << qint64(2'095'335) << qint64(2'095'350);
        QTest::newRow("webp 70 KB") << ImageEncoder::Format::WebP << qint64(70'805) << qint64(70'810);
        QTest::newRow("webp 2 MB") << ImageEncoder::Format::WebP << qint64(2'095'335) << qint64(2'095'350);
    }

    void encoderNeverReturnsPlaceholderSizes() {
        QFETCH(ImageEncoder::Format, format);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const QImage source = photoLike(QSize(640, 360), 0);
        const auto sizeWithPadding = [&](int padding) {
            ImageEncoder::Options options;
            options.markerPadding = padding;
            return qint64(ImageEncoder(options).encode(fromQImage(source), format)->size());
        };
        const qint64 plain = sizeWithPadding(0);
        QVERIFY2(plain < first - 100, qPrintable(QString::number(plain)));
        const int aim = int(first - plain) + 2; // plain + aim = first + 2, inside the window

        // Below the window the size follows the padding one for one (RIFF rounds odd chunks up by one)...
        const qint64 below = sizeWithPadding(aim - 10);
        QVERIFY2(below >= first - 8 && below <= first - 7, qPrintable(QString::number(below)));
        // ...so at the aim it would be first + 2 or + 3; the encoder hands out a file just past the window.
        const qint64 nudged = sizeWithPadding(aim);
        QVERIFY2(nudged > last && nudged <= last + 2, qPrintable(QString::number(nudged)));

        ImageEncoder::Options options;
        options.markerPadding = aim;
        const QByteArray bytes = *ImageEncoder(options).encode(fromQImage(source), format);
        QVERIFY(ImageEncoder::hasMarker(bytes));
        QCOMPARE(QImage::fromData(bytes).size(), source.size());
    }

    void timings() {
        const Bitmap source = fromQImage(photoLike(QSize(640, 360), 6));
        const ImageEncoder encoder;
        for (ImageEncoder::Format format :
             {ImageEncoder::Format::Jpeg, ImageEncoder::Format::Png, ImageEncoder::Format::WebP}) {
            QList<qint64> times;
            qsizetype size = 0;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer timer;
                timer.start();
                size = encoder.encode(source, format)->size();
                times.append(timer.nsecsElapsed() / 1000);
            }
            std::sort(times.begin(), times.end());
            qInfo("%s 640x360 (noise 6): %lld bytes, median %.1f ms",
                  qPrintable(ImageEncoder::formatName(format)), qint64(size), times[2] / 1000.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestImageEncoder)
#include "tst_imageencoder.moc"
