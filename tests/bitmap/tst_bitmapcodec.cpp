#include "bitmap/bitmapcodec.h"
#include "bitmap/bitmapwords.h"
#include "bitmap/pictureformat.h"
#include "codecfixtures.h"
#include "requirefixture.h"
#include "testpictures.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <atomic>
#include <thread>

#ifndef AVLD_REFERENCE_IMAGES
#error "tests/bitmap/bitmap.cmake defines AVLD_REFERENCE_IMAGES for this test"
#endif

using namespace avld;
using namespace avld::codecfixtures;
using namespace avld::testpictures;

namespace {

const char* const kNoReferences = "the reference images are not here (" AVLD_REFERENCE_IMAGES
                                  "): they sit in shared/reference-images beside the repository";

QImage photo() {
    static const QImage image = photoLike(QSize(1280, 720), 4);
    return image;
}

QImage transparentPicture() {
    QImage image = photoLike(QSize(160, 90), 0).convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < 80; ++x)
            image.setPixelColor(x, y, QColor(250, 200, 20, (x * 3 + y) % 256));
    return image;
}

// Two bytes where a marker belongs, before the start of scan: libjpeg warns and reads on, as Qt does.
QByteArray withStrayBytesBeforeTheScan(QByteArray jpeg) {
    return jpeg.insert(jpeg.indexOf("\xff\xda"), QByteArray(2, '\x00'));
}

bool everyPixelOpaque(const Bitmap& bitmap) {
    for (int y = 0; y < bitmap.height(); ++y)
        for (int x = 0; x < bitmap.width(); ++x)
            if ((bitmap.pixel(x, y) >> 24) != 0xff)
                return false;
    return true;
}

} // namespace

class TestBitmapCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QImage>("picture");
        QTest::addColumn<double>("bound"); // mean absolute difference from the original
        QTest::newRow("JPEG photo") << "JPEG" << photo() << 2.5;
        QTest::newRow("JPEG pattern") << "JPEG" << testPattern(QSize(320, 180)) << 20.0;
        QTest::newRow("PNG photo") << "PNG" << photo() << 0.0;
        QTest::newRow("PNG pattern, odd size") << "PNG" << testPattern(QSize(321, 177)) << 0.0;
        QTest::newRow("WebP photo") << "WebP" << photo() << 3.0;
        QTest::newRow("WebP pattern") << "WebP" << testPattern(QSize(320, 180)) << 20.0;
        QTest::newRow("one pixel PNG") << "PNG" << testPattern(QSize(1, 1)) << 0.0;
        QTest::newRow("one pixel JPEG") << "JPEG" << photoLike(QSize(1, 1), 0) << 3.0;
    }
    void roundTrips() {
        QFETCH(QString, format);
        QFETCH(QImage, picture);
        QFETCH(double, bound);
        const Bitmap original = fromQImage(picture);
        const Result<QByteArray> encoded = format == QLatin1String("JPEG")  ? encodeJpeg(original, 85)
                                           : format == QLatin1String("PNG") ? encodePng(original)
                                                                            : encodeWebp(original, 80);
        QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().message));
        QCOMPARE(pictureFormatName(sniffPictureFormat(*encoded)), format);
        const Result<Bitmap> decoded = decodePicture(*encoded);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        QCOMPARE(decoded->width(), original.width());
        QCOMPARE(decoded->height(), original.height());
        QVERIFY(everyPixelOpaque(*decoded));
        const double difference = meanAbsoluteDifference(*decoded, picture);
        qInfo("%s: %lld bytes, mean absolute difference %.3f", qPrintable(format), qint64(encoded->size()),
              difference);
        if (bound == 0)
            QVERIFY(*decoded == original);
        else
            QVERIFY2(difference <= bound, qPrintable(QString::number(difference)));
        // Qt reads what we write.
        QVERIFY(meanAbsoluteDifference(qtDecoded(*encoded), toQImage(*decoded)) == 0.0);
    }

    // What Qt's writers (and the tools of the fixtures) produce, decoded by us and by Qt. maxDifference 0
    // means the very same pixels.
    void decodesAsQtDoes_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<double>("maxDifference");
        const QImage small = photoLike(QSize(320, 180), 4);
        QTest::newRow("JPEG q85") << qtEncoded(photo(), "jpeg", 85) << 0.0;
        QTest::newRow("JPEG q30") << qtEncoded(small, "jpeg", 30) << 0.0;
        QTest::newRow("JPEG optimised") << qtEncoded(small, "jpeg", 85, true) << 0.0;
        QTest::newRow("JPEG progressive") << qtEncoded(small, "jpeg", 85, false, true) << 0.0;
        QTest::newRow("JPEG with stray bytes")
            << withStrayBytesBeforeTheScan(qtEncoded(small, "jpeg", 85)) << 0.0;
        QTest::newRow("JPEG grey") << qtEncoded(small.convertToFormat(QImage::Format_Grayscale8), "jpeg", 85)
                                   << 0.0;
        QTest::newRow("JPEG odd size") << qtEncoded(photoLike(QSize(333, 97), 4), "jpeg", 85) << 0.0;
        QTest::newRow("JPEG CMYK") << cmykJpeg(small) << 0.0;
        QTest::newRow("PNG RGB") << qtEncoded(photo(), "png", -1) << 0.0;
        QTest::newRow("PNG with alpha") << qtEncoded(transparentPicture(), "png", -1) << 0.0;
        QTest::newRow("PNG grey") << qtEncoded(small.convertToFormat(QImage::Format_Grayscale8), "png", -1)
                                  << 0.0;
        QTest::newRow("PNG palette") << qtEncoded(small.convertToFormat(QImage::Format_Indexed8), "png", -1)
                                     << 0.0;
        QTest::newRow("PNG 16-bit") << qtEncoded(small.convertToFormat(QImage::Format_RGBX64), "png", -1)
                                    << 0.0;
        const QByteArray smallPng = qtEncoded(small, "png", -1);
        QTest::newRow("PNG gamma 1.0") << pngWithChunk(smallPng, "gAMA", gammaChunk(100000)) << 0.0;
        QTest::newRow("PNG gamma 1/2.2") << pngWithChunk(smallPng, "gAMA", gammaChunk(45455)) << 0.0;
        QTest::newRow("PNG 16-bit, gamma 1.0")
            << pngWithChunk(qtEncoded(small.convertToFormat(QImage::Format_RGBX64), "png", -1), "gAMA",
                            gammaChunk(100000))
            << 0.0;
        QTest::newRow("PNG 1-bit") << qtEncoded(small.convertToFormat(QImage::Format_Mono), "png", -1) << 0.0;
        QTest::newRow("WebP q80") << qtEncoded(photo(), "webp", 80) << 0.0;
        QTest::newRow("WebP with alpha") << qtEncoded(transparentPicture(), "webp", 80) << 0.0;
        QTest::newRow("WebP lossless") << qtEncoded(small, "webp", 100) << 0.0;
        QTest::newRow("WebP animated") << animatedWebp({small, testPattern(small.size())}) << 0.0;

        GifPicture plain{64, 40, sixteenColours(), 0, {bandedFrame(0, 0, 64, 40, 16)}};
        QTest::newRow("GIF") << writeGif(plain) << 0.0;
        GifPicture interlaced = plain;
        interlaced.frames[0].interlaced = true;
        QTest::newRow("GIF interlaced") << writeGif(interlaced) << 0.0;
        GifPicture transparent = plain;
        transparent.frames[0].transparent = 3;
        QTest::newRow("GIF transparent") << writeGif(transparent) << 0.0;
        GifPicture local = plain;
        local.frames[0].palette = {qRgb(255, 0, 0), qRgb(0, 255, 0), qRgb(0, 0, 255), qRgb(255, 255, 0)};
        local.frames[0].indices = bandedFrame(0, 0, 64, 40, 4).indices;
        QTest::newRow("GIF local palette") << writeGif(local) << 0.0;
        GifPicture animated = plain;
        animated.frames.push_back(bandedFrame(0, 0, 64, 40, 5));
        QTest::newRow("GIF animated") << writeGif(animated) << 0.0;
    }
    void decodesAsQtDoes() {
        QFETCH(QByteArray, bytes);
        QFETCH(double, maxDifference);
        QVERIFY(!bytes.isEmpty());
        const QImage qt = qtDecoded(bytes);
        QVERIFY2(!qt.isNull(), "Qt could not decode the fixture");
        const Result<Bitmap> ours = decodePicture(bytes);
        QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().message));
        QVERIFY(everyPixelOpaque(*ours));
        QCOMPARE(QSize(ours->width(), ours->height()), qt.size());
        const double difference = meanAbsoluteDifference(*ours, qt);
        if (maxDifference == 0)
            QVERIFY2(samePixels(*ours, qt), qPrintable(QStringLiteral("mean difference %1").arg(difference)));
        else
            QVERIFY2(difference <= maxDifference, qPrintable(QString::number(difference)));
    }

    // AVideo's own cards and the encoder's placeholders (the 2 MB animated GIF among them), as Qt reads them.
    void referencePicturesAsQtDoes() {
        const QDir references(QStringLiteral(AVLD_REFERENCE_IMAGES));
        if (!references.exists(QStringLiteral("avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING(kNoReferences);
        QStringList files =
            references.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png"), QStringLiteral("*.gif")});
        for (const QString& frame : QDir(references.filePath(QStringLiteral("avideo-loop-background")))
                                        .entryList({QStringLiteral("*.jpg")}))
            files << QStringLiteral("avideo-loop-background/") + frame;
        QVERIFY(files.size() >= 7);
        for (const QString& file : files) {
            QFile input(references.filePath(file));
            QVERIFY(input.open(QIODevice::ReadOnly));
            const QByteArray bytes = input.readAll();
            const Result<Bitmap> ours = decodePicture(bytes);
            QVERIFY2(ours.ok(), qPrintable(file + QStringLiteral(": ") +
                                           (ours.ok() ? QString() : ours.error().message)));
            const QImage qt = qtDecoded(bytes);
            QVERIFY2(samePixels(*ours, qt), qPrintable(QStringLiteral("%1: mean difference %2")
                                                           .arg(file)
                                                           .arg(meanAbsoluteDifference(*ours, qt))));
        }
    }

    // Thumbnails served to AVideo must not grow or lose quality by the change: against Qt's writer set as
    // core's ImageEncoder sets it (optimised Huffman tables).
    void jpegLikeQtAt85() {
        const Bitmap bitmap = fromQImage(photo());
        const Result<QByteArray> ours = encodeJpeg(bitmap, 85);
        QVERIFY(ours.ok());
        const QByteArray qt = qtEncoded(photo(), "jpeg", 85, true);
        const double sizeRatio = double(ours->size()) / double(qt.size());
        const double ourPsnr = psnr(photo(), qtDecoded(*ours));
        const double qtPsnr = psnr(photo(), qtDecoded(qt));
        qInfo("JPEG q85: ours %lld bytes, %.2f dB; Qt's %lld bytes, %.2f dB", qint64(ours->size()), ourPsnr,
              qint64(qt.size()), qtPsnr);
        QVERIFY2(sizeRatio > 0.97 && sizeRatio < 1.03, qPrintable(QString::number(sizeRatio)));
        QVERIFY2(std::abs(ourPsnr - qtPsnr) < 0.2, qPrintable(QString::number(ourPsnr - qtPsnr)));
    }

    void webpLikeQt() {
        const Bitmap bitmap = fromQImage(photo());
        const Result<QByteArray> ours = encodeWebp(bitmap, 80);
        QVERIFY(ours.ok());
        const QByteArray qt = qtEncoded(photo(), "webp", 80);
        const double sizeRatio = double(ours->size()) / double(qt.size());
        const double ourPsnr = psnr(photo(), qtDecoded(*ours));
        const double qtPsnr = psnr(photo(), qtDecoded(qt));
        qInfo("WebP q80: ours %lld bytes, %.2f dB; Qt's %lld bytes, %.2f dB", qint64(ours->size()), ourPsnr,
              qint64(qt.size()), qtPsnr);
        QVERIFY2(sizeRatio > 0.97 && sizeRatio < 1.03, qPrintable(QString::number(sizeRatio)));
        QVERIFY2(std::abs(ourPsnr - qtPsnr) < 0.2, qPrintable(QString::number(ourPsnr - qtPsnr)));
        QVERIFY(!ours->contains("ALPH")); // no alpha channel
    }

    void pngLikeQt() {
        const Bitmap bitmap = fromQImage(photo());
        const Result<QByteArray> ours = encodePng(bitmap);
        QVERIFY(ours.ok());
        const QByteArray qt = qtEncoded(photo(), "png", -1);
        qInfo("PNG: ours %lld bytes, Qt's %lld bytes", qint64(ours->size()), qint64(qt.size()));
        QVERIFY2(double(ours->size()) / double(qt.size()) < 1.10,
                 "our PNG is more than 10 % larger than Qt's");
        QCOMPARE(int(uchar(ours->at(25))), 2); // IHDR colour type 2: RGB, no alpha
    }

    void animatedWebpGivesItsFirstFrame() {
        const QImage first = photoLike(QSize(200, 120), 3);
        const QImage second = testPattern(QSize(200, 120));
        const QByteArray bytes = animatedWebp({first, second, first});
        QVERIFY(bytes.contains("ANIM"));
        const Result<Bitmap> decoded = decodePicture(bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        QVERIFY(samePixels(*decoded, first));
        const Result<Bitmap> starting = decodePicture(animatedWebp({second, first}));
        QVERIFY(starting.ok());
        QVERIFY(samePixels(*starting, second));
    }

    // Around a first frame smaller than the screen: the transparent index's colour, else the global
    // palette's background colour (Qt's rules; a transparent pixel keeps its colour, as Qt's RGB32 has it).
    void gifScreenAroundTheFirstFrame_data() {
        QTest::addColumn<int>("background");
        QTest::addColumn<int>("transparent");
        QTest::addColumn<uint>("around");
        QTest::newRow("background 0") << 0 << -1 << uint(sixteenColours()[0]);
        QTest::newRow("background 5") << 5 << -1 << uint(sixteenColours()[5]);
        QTest::newRow("transparent 2") << 5 << 2 << uint(sixteenColours()[2]);
    }
    void gifScreenAroundTheFirstFrame() {
        QFETCH(int, background);
        QFETCH(int, transparent);
        QFETCH(uint, around);
        GifPicture picture{40, 30, sixteenColours(), background, {bandedFrame(10, 6, 20, 12, 16)}};
        picture.frames[0].transparent = transparent;
        const QByteArray bytes = writeGif(picture);
        const Result<Bitmap> decoded = decodePicture(bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        QCOMPARE(decoded->width(), 40);
        QCOMPARE(decoded->pixel(0, 0), around | 0xff000000u);
        QCOMPARE(decoded->pixel(39, 29), around | 0xff000000u);
        QCOMPARE(decoded->pixel(10, 6), sixteenColours()[0] | 0xff000000u);
        QVERIFY(samePixels(*decoded, qtDecoded(bytes)));
    }

    // Only a local palette: black around the frame (Qt agrees), and its own colours inside.
    void gifWithALocalPaletteAlone() {
        GifPicture picture{40, 30, {}, 0, {bandedFrame(10, 6, 20, 12, 4)}};
        picture.frames[0].palette = {qRgb(255, 0, 0), qRgb(0, 255, 0), qRgb(0, 0, 255), qRgb(255, 255, 0)};
        const QByteArray bytes = writeGif(picture);
        const Result<Bitmap> decoded = decodePicture(bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->pixel(0, 0), rgb(0, 0, 0));
        QCOMPARE(decoded->pixel(10, 6), rgb(255, 0, 0));
        QVERIFY(samePixels(*decoded, qtDecoded(bytes)));
    }

    void hostileInputs_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("words");
        const QImage small = photoLike(QSize(320, 180), 4);
        const QByteArray jpeg = qtEncoded(small, "jpeg", 85);
        const QByteArray png = qtEncoded(small, "png", -1);
        const QByteArray webp = qtEncoded(small, "webp", 80);
        const QByteArray gif =
            writeGif(GifPicture{64, 40, sixteenColours(), 0, {bandedFrame(0, 0, 64, 40, 16)}});
        const QByteArray animated = animatedWebp({small, testPattern(small.size())});

        QTest::newRow("empty") << QByteArray() << "picture-empty" << QStringList{"no bytes"};
        QTest::newRow("text") << QByteArray("hello") << "picture-unknown-format"
                              << QStringList{"5 bytes are no JPEG, PNG, WebP or GIF", "\"hello\""};
        QTest::newRow("html error page")
            << QByteArray("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")
            << "picture-unknown-format" << QStringList{"start with \"<!DOCTYPE html><html><body>502 B\""};
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03", 4) << "picture-unknown-format"
                                << QStringList{"00 01 02 03"};

        QTest::newRow("JPEG cut in the scan")
            << jpeg.left(1204) << "picture-truncated" << QStringList{"the JPEG is cut off after 1 204 bytes"};
        QTest::newRow("JPEG cut in the header")
            << jpeg.left(100) << "picture-truncated" << QStringList{"the JPEG is cut off after 100 bytes"};
        // libjpeg's first warning (the stray bytes) hides the second: the missing end marker tells.
        const QByteArray stray = withStrayBytesBeforeTheScan(jpeg);
        QTest::newRow("JPEG with stray bytes, cut") << stray.left(2000) << "picture-truncated"
                                                    << QStringList{"the JPEG is cut off after 2 000 bytes"};
        QTest::newRow("JPEG magic alone")
            << jpeg.left(3) << "picture-truncated" << QStringList{"the JPEG is cut off after 3 bytes"};
        QByteArray garbledJpeg = jpeg;
        garbledJpeg[garbledJpeg.indexOf("\xff\xc0") + 4] = 7; // 7 bits a sample
        QTest::newRow("JPEG damaged header")
            << garbledJpeg << "picture-damaged"
            << QStringList{"the JPEG is damaged: Unsupported JPEG data precision 7"};
        QTest::newRow("JPEG 60000x60000")
            << jpegDeclaring(jpeg, 60000, 60000) << "picture-too-large"
            << QStringList{"the JPEG declares 60000×60000 pixels, more than the 67 million allowed"};
        QTest::newRow("JPEG 0x0") << jpegDeclaring(jpeg, 0, 0) << "picture-empty"
                                  << QStringList{"the JPEG declares 0×0 pixels, an empty picture"};

        QTest::newRow("PNG cut in the data")
            << png.left(png.size() / 2) << "picture-truncated" << QStringList{"the PNG is cut off after"};
        QTest::newRow("PNG cut in the header")
            << png.left(20) << "picture-truncated" << QStringList{"the PNG is cut off after 20 bytes"};
        QByteArray badCrc = png;
        badCrc[png.indexOf("IDAT") + 40] = char(badCrc[png.indexOf("IDAT") + 40] ^ 0x55);
        QTest::newRow("PNG damaged data") << badCrc << "picture-damaged" << QStringList{"the PNG is damaged"};
        QTest::newRow("PNG 60000x60000")
            << pngDeclaring(png, 60000, 60000) << "picture-too-large"
            << QStringList{"the PNG declares 60000×60000 pixels, more than the 67 million allowed"};
        QTest::newRow("PNG 0x0") << pngDeclaring(png, 0, 0) << "picture-empty"
                                 << QStringList{"the PNG declares 0×0 pixels, an empty picture"};
        QTest::newRow("PNG 2^31 wide") << pngDeclaring(png, 0x80000000u, 1) << "picture-too-large"
                                       << QStringList{"the PNG declares 2147483648×1 pixels"};

        QTest::newRow("WebP cut") << webp.left(webp.size() / 2) << "picture-truncated"
                                  << QStringList{QStringLiteral("the WebP is cut off after %1 bytes")
                                                     .arg(groupedDigits(webp.size() / 2))};
        QTest::newRow("WebP header alone")
            << webp.left(12) << "picture-truncated" << QStringList{"the WebP is cut off after 12 bytes"};
        QTest::newRow("WebP 16000x16000")
            << webpDeclaring(webp, 16000, 16000) << "picture-too-large"
            << QStringList{"the WebP declares 16000×16000 pixels, more than the 67 million allowed"};
        QTest::newRow("WebP 0x0") << webpDeclaring(webp, 0, 0) << "picture-empty"
                                  << QStringList{"the WebP declares 0×0 pixels, an empty picture"};
        QByteArray garbledWebp = webp;
        for (qsizetype i = 20; i < garbledWebp.size(); ++i)
            garbledWebp[i] = char(i * 7);
        QTest::newRow("WebP garbled")
            << garbledWebp << "picture-damaged" << QStringList{"the WebP is damaged"};
        QTest::newRow("WebP animation cut") << animated.left(animated.size() - 100) << "picture-truncated"
                                            << QStringList{"the WebP is cut off after"};

        QTest::newRow("GIF cut") << gif.left(gif.size() / 2) << "picture-truncated"
                                 << QStringList{QStringLiteral("the GIF is cut off after %1 bytes")
                                                    .arg(groupedDigits(gif.size() / 2))};
        QTest::newRow("GIF header alone")
            << gif.left(8) << "picture-truncated" << QStringList{"the GIF is cut off after 8 bytes"};
        QTest::newRow("GIF 60000x60000")
            << gifDeclaring(gif, 60000, 60000) << "picture-too-large"
            << QStringList{"the GIF declares 60000×60000 pixels, more than the 67 million allowed"};
        QTest::newRow("GIF 0x0") << gifDeclaring(gif, 0, 0) << "picture-empty"
                                 << QStringList{"the GIF declares 0×0 pixels, an empty picture"};
        QTest::newRow("GIF without frames")
            << QByteArray("GIF89a\x02\x00\x02\x00\x00\x00\x00\x3b", 14) << "picture-empty"
            << QStringList{"the GIF ends without a single frame"};
    }
    void hostileInputs() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QFETCH(QStringList, words);
        const Result<Bitmap> decoded = decodePicture(bytes);
        QVERIFY2(!decoded.ok(), "decoded what should have been refused");
        const QString message = decoded.error().message;
        for (const QString& word : words)
            QVERIFY2(message.contains(word),
                     qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(message, word)));
        QCOMPARE(decoded.error().code, code);
    }

    void ownLimitIsKept() {
        const QByteArray png = qtEncoded(photoLike(QSize(100, 100), 0), "png", -1);
        const Result<Bitmap> refused = decodePicture(png, DecodeLimits{5000});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message,
                 QStringLiteral("the PNG declares 100×100 pixels, more than the 5 000 allowed"));
        QVERIFY(decodePicture(png, DecodeLimits{10'000}).ok());
    }

    void encodersRefuse() {
        const Result<QByteArray> none = encodeJpeg(Bitmap(), 85);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().message, QStringLiteral("there is no picture to encode as JPEG (no picture)"));
        QVERIFY(!encodePng(Bitmap()).ok());
        const Result<QByteArray> quality = encodeWebp(Bitmap(4, 4), 101);
        QVERIFY(!quality.ok());
        QCOMPARE(quality.error().message,
                 QStringLiteral("a WebP quality must lie between 0 and 100, not 101"));
        const Result<QByteArray> wide = encodeWebp(Bitmap(20000, 2), 80);
        QVERIFY(!wide.ok());
        QVERIFY2(wide.error().message.contains(QStringLiteral("at most 16383 pixels a side")),
                 qPrintable(wide.error().message));
    }

    // No global state: pictures decoded and encoded on several threads at once come out as on one.
    void threadsDoNotMeet() {
        QList<QByteArray> inputs{
            qtEncoded(photo(), "jpeg", 85), qtEncoded(photo(), "png", -1), qtEncoded(photo(), "webp", 80),
            writeGif(GifPicture{64, 40, sixteenColours(), 0, {bandedFrame(0, 0, 64, 40, 16)}}),
            jpegDeclaring(qtEncoded(photo(), "jpeg", 85), 60000, 60000)};
        QList<Bitmap> expected;
        for (const QByteArray& input : inputs)
            expected << decodePicture(input).valueOr(Bitmap());
        std::atomic<int> mismatches = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < 6; ++round) {
                    const int i = (t + round) % int(inputs.size());
                    if (!(decodePicture(inputs[i]).valueOr(Bitmap()) == expected[i]))
                        ++mismatches;
                    if (!encodeJpeg(expected[0], 80).ok() || !encodeWebp(expected[0], 60).ok())
                        ++mismatches;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
    }
};

QTEST_MAIN(TestBitmapCodec)
#include "tst_bitmapcodec.moc"
