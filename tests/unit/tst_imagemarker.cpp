#include "media/imagemarker.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImageWriter>
#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

QImage picture() {
    QImage image(96, 54, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 96, 54);
    gradient.setColorAt(0, Qt::darkBlue);
    gradient.setColorAt(1, Qt::yellow);
    painter.fillRect(image.rect(), gradient);
    painter.fillRect(30, 10, 20, 20, Qt::red);
    return image;
}

QByteArray written(const QImage& image, const QByteArray& format, int quality = -1,
                   const QString& text = {}) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!text.isEmpty())
        writer.setText(QStringLiteral("Comment"), text);
    writer.write(image);
    return bytes;
}

// A 1x1 GIF89a, as small as they come (Qt has no GIF writer).
QByteArray tinyGif() {
    return QByteArray::fromHex(
        "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b");
}

QByteArray sample(const QString& kind) {
    if (kind == QLatin1String("jpeg"))
        return written(picture(), "jpeg", 85);
    if (kind == QLatin1String("png"))
        return written(picture(), "png");
    if (kind == QLatin1String("webp lossy"))
        return written(picture(), "webp", 80);
    if (kind == QLatin1String("webp lossless"))
        return written(picture(), "webp", 100);
    if (kind == QLatin1String("webp with ICC")) { // Qt writes VP8X + ICCP when the image has a colour space
        QImage image = picture();
        image.setColorSpace(QColorSpace::SRgb);
        return written(image, "webp", 80);
    }
    return tinyGif();
}

} // namespace

class TestImageMarker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void insertAndDetect_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<ImageMarker::Format>("format");
        QTest::newRow("jpeg") << "jpeg" << ImageMarker::Format::Jpeg;
        QTest::newRow("png") << "png" << ImageMarker::Format::Png;
        QTest::newRow("webp lossy (VP8)") << "webp lossy" << ImageMarker::Format::WebP;
        QTest::newRow("webp lossless (VP8L)") << "webp lossless" << ImageMarker::Format::WebP;
        QTest::newRow("webp extended (VP8X)") << "webp with ICC" << ImageMarker::Format::WebP;
        QTest::newRow("gif") << "gif" << ImageMarker::Format::Gif;
    }

    void insertAndDetect() {
        QFETCH(QString, kind);
        QFETCH(ImageMarker::Format, format);
        const QByteArray plain = sample(kind);
        QVERIFY(!plain.isEmpty());
        QCOMPARE(ImageMarker::sniff(plain), format);
        QVERIFY(!ImageMarker::carries(plain));

        const Result<QByteArray> marked = ImageMarker::insert(plain, ImageMarker::defaultText());
        QVERIFY2(marked.ok(), qPrintable(marked.ok() ? QString() : marked.error().toString()));
        QVERIFY(ImageMarker::carries(*marked));
        QVERIFY(ImageMarker::carries(*marked, QStringLiteral("AVideoLiveDoctor")));
        QVERIFY(!ImageMarker::carries(*marked, QStringLiteral("AVideoLiveDocto")));
        QVERIFY(!ImageMarker::carries(*marked, QStringLiteral("AVideoLiveDoctorX")));

        // Same pixels as before: only metadata was added.
        const QImage before = QImage::fromData(plain);
        const QImage after = QImage::fromData(*marked);
        QVERIFY(!after.isNull());
        QCOMPARE(after, before);

        const Result<QByteArray> padded = ImageMarker::insert(plain, QStringLiteral("Other tool 2.0"), 300);
        QVERIFY(padded.ok());
        QVERIFY(ImageMarker::carries(*padded, QStringLiteral("Other tool 2.0")));
        QVERIFY(!ImageMarker::carries(*padded));
        QCOMPARE(QImage::fromData(*padded), before);
    }

    // A stand-in run names itself in the marker; the run is read back, padded or not, in every format, and
    // another tool's text is not ours.
    void instanceIsReadBack_data() { insertAndDetect_data(); }

    void instanceIsReadBack() {
        QFETCH(QString, kind);
        const QByteArray plain = sample(kind);
        QVERIFY(ImageMarker::ourText(plain).isEmpty());
        QVERIFY(!ImageMarker::madeByUs(plain));

        const QString text = ImageMarker::textForInstance(QStringLiteral("cafe0001"));
        QCOMPARE(text, QStringLiteral("AVideoLiveDoctor instance=cafe0001"));
        for (const int padding : {0, 300}) {
            const Result<QByteArray> marked = ImageMarker::insert(plain, text, padding);
            QVERIFY(marked.ok());
            QVERIFY(ImageMarker::madeByUs(*marked));
            QCOMPARE(ImageMarker::ourText(*marked), text);
            QCOMPARE(ImageMarker::instanceOf(ImageMarker::ourText(*marked)), QStringLiteral("cafe0001"));
            QVERIFY(!ImageMarker::carries(*marked)); // not the bare marker
        }
        const Result<QByteArray> bare = ImageMarker::insert(plain, ImageMarker::defaultText());
        QVERIFY(ImageMarker::madeByUs(*bare));
        QVERIFY(ImageMarker::instanceOf(ImageMarker::ourText(*bare)).isEmpty());
        for (const char* other : {"AVideoLiveDoctorX", "Other AVideoLiveDoctor", "AVideoLiveDoctor2"}) {
            const Result<QByteArray> foreign = ImageMarker::insert(plain, QString::fromLatin1(other));
            QVERIFY(foreign.ok());
            QVERIFY2(!ImageMarker::madeByUs(*foreign), other);
        }
        QCOMPARE(ImageMarker::textForInstance({}), ImageMarker::defaultText());
    }

    void paddingGrowsTheFileByAboutOneBytePerSpace_data() { insertAndDetect_data(); }

    void paddingGrowsTheFileByAboutOneBytePerSpace() {
        QFETCH(QString, kind);
        QFETCH(ImageMarker::Format, format);
        const QByteArray plain = sample(kind);
        const qsizetype base = ImageMarker::insert(plain, ImageMarker::defaultText())->size();
        for (int padding : {1, 2, 3, 254, 255, 256, 1000, 60000, 70000}) {
            if (format == ImageMarker::Format::Jpeg && padding > 60000)
                continue; // a JPEG comment segment holds at most 65533 bytes
            const qsizetype grown =
                ImageMarker::insert(plain, ImageMarker::defaultText(), padding)->size() - base;
            if (format == ImageMarker::Format::Jpeg || format == ImageMarker::Format::Png)
                QCOMPARE(grown, qsizetype(padding)); // exact: one byte per space
            else // a GIF sub-block length byte every 255, a RIFF pad byte for odd chunks
                QVERIFY2(grown >= padding && grown <= padding + padding / 255 + 2,
                         qPrintable(QStringLiteral("padding %1 grew %2").arg(padding).arg(grown)));
        }
    }

    void webpHeaderIsExtendedAndConsistent() {
        const QByteArray marked =
            *ImageMarker::insert(sample(QStringLiteral("webp lossy")), ImageMarker::defaultText());
        QCOMPARE(marked.mid(12, 4), QByteArray("VP8X"));
        QVERIFY(uchar(marked.at(20)) & 0x04); // XMP flag
        const auto le = [&](int at, int n) {
            quint32 v = 0;
            for (int i = n - 1; i >= 0; --i)
                v = v << 8 | uchar(marked.at(at + i));
            return v;
        };
        QCOMPARE(le(4, 4), quint32(marked.size() - 8)); // RIFF size
        QCOMPARE(le(24, 3) + 1, 96u);                   // canvas width
        QCOMPARE(le(27, 3) + 1, 54u);                   // canvas height
    }

    void jpegCommentGoesAfterAppSegments() {
        // JFIF (APP0) then an Exif-like APP1: both must still come first, right after SOI.
        QByteArray jpeg = sample(QStringLiteral("jpeg"));
        const int afterApp0 = 2 + 2 + (uchar(jpeg.at(4)) << 8 | uchar(jpeg.at(5)));
        jpeg.insert(afterApp0, QByteArray("\xff\xe1\x00\x08"
                                          "Exif\x00\x00",
                                          10));
        const QByteArray marked = *ImageMarker::insert(jpeg, ImageMarker::defaultText());
        QCOMPARE(marked.left(afterApp0 + 10), jpeg.left(afterApp0 + 10));
        QCOMPARE(marked.mid(afterApp0 + 10, 2), QByteArray("\xff\xfe"));
        QVERIFY(ImageMarker::carries(marked));
        QCOMPARE(QImage::fromData(marked), QImage::fromData(jpeg));
    }

    void foreignImagesAreNotMistaken() {
        // A JPEG with someone else's comment, and one with our text outside any metadata field.
        QVERIFY(!ImageMarker::carries(written(picture(), "jpeg", 85, QStringLiteral("made elsewhere"))));
        QVERIFY(!ImageMarker::carries(written(picture(), "jpeg", 85) + "AVideoLiveDoctor"));
        QVERIFY(!ImageMarker::carries(written(picture(), "png") + "tEXtSoftware AVideoLiveDoctor"));
        QVERIFY(!ImageMarker::carries(QByteArray("AVideoLiveDoctor")));
        QVERIFY(!ImageMarker::carries(QByteArray()));
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        const QByteArray jpeg = sample(QStringLiteral("jpeg"));
        QTest::newRow("empty text") << jpeg << ""
                                    << "bad-marker";
        QTest::newRow("quote") << jpeg << "a\"b"
                               << "bad-marker";
        QTest::newRow("non-ASCII") << jpeg << "Käse"
                                   << "bad-marker";
        QTest::newRow("too long") << jpeg << QString(201, QLatin1Char('x')) << "bad-marker";
        QTest::newRow("not an image") << QByteArray("hello world, not an image") << "AVideoLiveDoctor"
                                      << "unknown-format";
        QTest::newRow("cut PNG") << sample(QStringLiteral("png")).left(20) << "AVideoLiveDoctor"
                                 << "malformed-image";
        QTest::newRow("cut GIF") << tinyGif().left(30) << "AVideoLiveDoctor"
                                 << "malformed-image";
        QTest::newRow("cut WebP") << sample(QStringLiteral("webp lossy")).left(24) << "AVideoLiveDoctor"
                                  << "malformed-image";
    }

    void badInput() {
        QFETCH(QByteArray, image);
        QFETCH(QString, text);
        QFETCH(QString, code);
        const Result<QByteArray> marked = ImageMarker::insert(image, text);
        QVERIFY(!marked.ok());
        QCOMPARE(marked.error().code, code);
        QVERIFY(!marked.error().message.isEmpty());
    }

    void jpegCommentHasALimit() {
        const Result<QByteArray> marked =
            ImageMarker::insert(sample(QStringLiteral("jpeg")), ImageMarker::defaultText(), 70000);
        QVERIFY(!marked.ok());
        QCOMPARE(marked.error().code, QStringLiteral("too-much-padding"));
    }
};

QTEST_GUILESS_MAIN(TestImageMarker)
#include "tst_imagemarker.moc"
