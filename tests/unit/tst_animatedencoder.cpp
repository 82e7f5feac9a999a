#include "bitmapqt/qimagebridge.h"
#include "media/animatedencoder.h"
#include "media/imageencoder.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImageReader>
#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

QRect squareAt(QSize size, int i, int count) {
    const int side = size.height() / 4;
    return {(size.width() - side) * i / qMax(1, count - 1), (size.height() - side) / 2, side, side};
}

// A clip whose frames differ: a red square moving right over a gradient, so frame order can be checked.
QList<Bitmap> clip(QSize size, int count = 30) {
    QList<Bitmap> frames;
    for (int i = 0; i < count; ++i) {
        QImage image(size, QImage::Format_RGB32);
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, size.width(), size.height());
        gradient.setColorAt(0, QColor(20, 60, 120));
        gradient.setColorAt(1, QColor(220, 200, 150));
        painter.fillRect(image.rect(), gradient);
        painter.fillRect(squareAt(size, i, count), QColor(230, 20, 20));
        painter.end();
        frames.append(fromQImage(image));
    }
    return frames;
}

quint32 le(const QByteArray& b, qsizetype at, int n) {
    quint32 v = 0;
    for (int i = n - 1; i >= 0; --i)
        v = v << 8 | uchar(b.at(at + i));
    return v;
}

struct WebpLayout {
    bool valid = false;
    quint32 flags = 0;
    QSize canvas;
    int loopCount = -1;
    QList<int> durations;
    QList<QByteArray> frameKinds; // "VP8 " or "VP8L" per ANMF
    QByteArray lastChunk;
};

// Walks the RIFF chunks of an animated WebP (FFmpeg 5.1 has no WebP demuxer).
WebpLayout parseWebp(const QByteArray& b) {
    WebpLayout layout;
    if (b.size() < 20 || !b.startsWith("RIFF") || b.mid(8, 4) != "WEBP" ||
        le(b, 4, 4) != quint32(b.size() - 8))
        return layout;
    for (qsizetype pos = 12; pos + 8 <= b.size();) {
        const QByteArray id = b.mid(pos, 4);
        const quint32 length = le(b, pos + 4, 4);
        const qsizetype data = pos + 8;
        if (id == "VP8X") {
            layout.flags = le(b, data, 1);
            layout.canvas = QSize(int(le(b, data + 4, 3)) + 1, int(le(b, data + 7, 3)) + 1);
        } else if (id == "ANIM") {
            layout.loopCount = int(le(b, data + 4, 2));
        } else if (id == "ANMF") {
            layout.durations.append(int(le(b, data + 12, 3)));
            qsizetype inner = data + 16;
            while (b.mid(inner, 4) == "ALPH") // alpha data precedes the picture chunk
                inner += 8 + le(b, inner + 4, 4) + (le(b, inner + 4, 4) % 2);
            layout.frameKinds.append(b.mid(inner, 4));
        }
        layout.lastChunk = id;
        pos = data + length + (length % 2);
        layout.valid = pos == b.size();
    }
    return layout;
}

} // namespace

class TestAnimatedEncoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(AnimatedEncoder::gifAvailable(), "this FFmpeg build cannot make GIFs");
        QVERIFY2(AnimatedEncoder::webpAvailable(), "this FFmpeg build cannot make animated WebP");
    }

    void gif() {
        const QList<Bitmap> frames = clip(AnimatedEncoder::GifSize);
        QElapsedTimer timer;
        timer.start();
        const Result<QByteArray> encoded = AnimatedEncoder().encodeGif(frames);
        const qint64 elapsedMs = timer.elapsed();
        QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().toString()));
        const QByteArray& gif = *encoded;
        qInfo("GIF 30 frames 320x180: %lld bytes in %lld ms", qint64(gif.size()), elapsedMs);

        QVERIFY(gif.startsWith("GIF89a"));
        QVERIFY(gif.endsWith(';'));
        // NETSCAPE2.0 application extension: sub-block 3 bytes, id 1, loop count 0 (forever).
        QVERIFY(gif.contains(QByteArray("\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00", 19)));
        QVERIFY(ImageEncoder::hasMarker(gif));
        QVERIFY(!ImageEncoder::inPlaceholderWindow(gif.size()));

        QBuffer buffer;
        buffer.setData(gif);
        QImageReader reader(&buffer, "gif");
        QVERIFY(reader.supportsAnimation());
        QCOMPARE(reader.imageCount(), 30);
        QCOMPARE(reader.size(), AnimatedEncoder::GifSize);
        QCOMPARE(reader.loopCount(), -1); // Qt's way of saying "forever"
        for (int i = 0; i < 30; ++i) {
            const QImage frame = reader.read();
            QVERIFY2(!frame.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(frame.size(), AnimatedEncoder::GifSize);
            QCOMPARE(reader.nextImageDelay(), 100);
            // The square is where frame i put it: red at its centre, not red where it was in frame 0.
            const QRgb centre = frame.pixel(squareAt(AnimatedEncoder::GifSize, i, 30).center());
            QVERIFY2(qRed(centre) > 180 && qGreen(centre) < 80, qPrintable(QString::number(centre, 16)));
            if (i > 5) {
                const QRgb old = frame.pixel(squareAt(AnimatedEncoder::GifSize, 0, 30).center());
                QVERIFY(qRed(old) < 150);
            }
        }
    }

    void webp() {
        const QList<Bitmap> frames = clip(AnimatedEncoder::WebpSize);
        QElapsedTimer timer;
        timer.start();
        const Result<QByteArray> encoded = AnimatedEncoder().encodeWebp(frames);
        const qint64 elapsedMs = timer.elapsed();
        QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().toString()));
        qInfo("animated WebP 30 frames 640x360 (lossy 75): %lld bytes in %lld ms", qint64(encoded->size()),
              elapsedMs);

        const WebpLayout layout = parseWebp(*encoded);
        QVERIFY(layout.valid);
        QVERIFY(layout.flags & 0x02); // animation
        QVERIFY(layout.flags & 0x04); // XMP (our marker)
        QCOMPARE(layout.canvas, AnimatedEncoder::WebpSize);
        QCOMPARE(layout.loopCount, 0); // forever
        QCOMPARE(layout.durations.size(), 30);
        for (int duration : layout.durations)
            QCOMPARE(duration, 100);
        QVERIFY(!layout.frameKinds.contains("VP8L"));
        QCOMPARE(layout.lastChunk, QByteArray("XMP "));
        QVERIFY(ImageEncoder::hasMarker(*encoded));
        QVERIFY(!ImageEncoder::inPlaceholderWindow(encoded->size()));

        QBuffer buffer;
        buffer.setData(*encoded);
        QImageReader reader(&buffer, "webp");
        QVERIFY(reader.supportsAnimation());
        QCOMPARE(reader.imageCount(), 30);
        QCOMPARE(reader.size(), AnimatedEncoder::WebpSize);
        QCOMPARE(reader.loopCount(), -1);
        for (int i = 0; i < 30; ++i) {
            const QImage frame = reader.read();
            QVERIFY2(!frame.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(frame.size(), AnimatedEncoder::WebpSize);
            const QRgb centre = frame.pixel(squareAt(AnimatedEncoder::WebpSize, i, 30).center());
            QVERIFY2(qRed(centre) > 180 && qGreen(centre) < 80, qPrintable(QString::number(centre, 16)));
        }
    }

    void webpLossless() {
        AnimatedEncoder::Options options;
        options.webpLossless = true;
        const Result<QByteArray> encoded = AnimatedEncoder(options).encodeWebp(clip(QSize(160, 90), 5));
        QVERIFY(encoded.ok());
        const WebpLayout layout = parseWebp(*encoded);
        QVERIFY(layout.valid);
        QCOMPARE(layout.durations.size(), 5);
        QVERIFY(!layout.frameKinds.contains("VP8 "));
        QVERIFY(layout.frameKinds.contains("VP8L"));
    }

    void otherFrameRates() {
        const Result<QByteArray> gif = AnimatedEncoder().encodeGif(clip(QSize(64, 36), 5), 4);
        QVERIFY(gif.ok());
        QBuffer buffer;
        buffer.setData(*gif);
        QImageReader reader(&buffer, "gif");
        QCOMPARE(reader.imageCount(), 5);
        reader.read();
        QCOMPARE(reader.nextImageDelay(), 250);

        const WebpLayout layout = parseWebp(*AnimatedEncoder().encodeWebp(clip(QSize(64, 36), 5), 4));
        QCOMPARE(layout.durations, QList<int>(5, 250));
    }

    void errors_data() {
        QTest::addColumn<bool>("webp");
        QTest::addColumn<QList<Bitmap>>("frames");
        QTest::addColumn<int>("fps");
        QTest::addColumn<QString>("code");
        QList<Bitmap> withNull = clip(QSize(64, 36), 3);
        withNull[1] = Bitmap();
        QList<Bitmap> mixed = clip(QSize(64, 36), 3);
        mixed.append(clip(QSize(64, 48), 1));
        for (bool webp : {false, true}) {
            const char* name = webp ? "webp" : "gif";
            QTest::addRow("%s: no frames", name) << webp << QList<Bitmap>() << 10 << "no-frames";
            QTest::addRow("%s: null frame", name) << webp << withNull << 10 << "empty-image";
            QTest::addRow("%s: mixed sizes", name) << webp << mixed << 10 << "size-mismatch";
            QTest::addRow("%s: fps 0", name) << webp << clip(QSize(64, 36), 2) << 0 << "bad-fps";
        }
    }

    void errors() {
        QFETCH(bool, webp);
        QFETCH(QList<Bitmap>, frames);
        QFETCH(int, fps);
        QFETCH(QString, code);
        const AnimatedEncoder encoder;
        const Result<QByteArray> encoded =
            webp ? encoder.encodeWebp(frames, fps) : encoder.encodeGif(frames, fps);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, code);
        QVERIFY(!encoded.error().message.isEmpty());
    }

    void neverReturnsPlaceholderSizes_data() {
        QTest::addColumn<bool>("webp");
        QTest::newRow("gif") << false;
        QTest::newRow("webp") << true;
    }

    // A marker padding that puts the plain result in a window must come out just past it.
    void neverReturnsPlaceholderSizes() {
        QFETCH(bool, webp);
        const QList<Bitmap> frames = clip(webp ? QSize(320, 180) : AnimatedEncoder::GifSize, 10);
        const auto sizeWithPadding = [&](int padding) {
            AnimatedEncoder::Options options;
            options.markerPadding = padding;
            const AnimatedEncoder encoder(options);
            return qint64((webp ? encoder.encodeWebp(frames) : encoder.encodeGif(frames))->size());
        };
        const qint64 plain = sizeWithPadding(0);
        const qint64 first = plain < 70'000 ? 70'805 : 2'095'335;
        const qint64 last = plain < 70'000 ? 70'810 : 2'095'350;
        int aim = int(first - plain) + 2;
        if (!webp)
            aim -= aim / 256; // a GIF comment spends one length byte per 255 bytes of text
        const qint64 below = sizeWithPadding(aim - 10);
        QVERIFY2(below >= first - 10 && below <= first - 6, qPrintable(QString::number(below)));
        const qint64 nudged = sizeWithPadding(aim);
        QVERIFY2(nudged > last && nudged <= last + 3, qPrintable(QString::number(nudged)));
    }
};

QTEST_GUILESS_MAIN(TestAnimatedEncoder)
#include "tst_animatedencoder.moc"
