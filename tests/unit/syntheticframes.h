#pragma once

// Pictures drawn with QPainter for the frame-check tests, without fonts (the tests run as a QCoreApplication,
// which cannot render text): digits are seven-segment shapes.

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QString>

namespace avld::test {

inline void drawDigit(QPainter& p, const QRectF& r, int digit) {
    // Segments a..g as bits 0..6.
    static const int kSegments[10] = {0x3f, 0x06, 0x5b, 0x4f, 0x66, 0x6d, 0x7d, 0x07, 0x7f, 0x6f};
    const int on = kSegments[digit % 10];
    const double t = r.width() / 5; // stroke
    const double w = r.width(), h = r.height(), x = r.x(), y = r.y();
    const QRectF segments[7] = {
        {x, y, w, t},                     // a: top
        {x + w - t, y, t, h / 2},         // b: top right
        {x + w - t, y + h / 2, t, h / 2}, // c: bottom right
        {x, y + h - t, w, t},             // d: bottom
        {x, y + h / 2, t, h / 2},         // e: bottom left
        {x, y, t, h / 2},                 // f: top left
        {x, y + (h - t) / 2, w, t},       // g: middle
    };
    for (int s = 0; s < 7; ++s)
        if (on & (1 << s))
            p.fillRect(segments[s], Qt::white);
}

// Digits, ":" and "#" in white, h high; every character (a space too) takes 0.62 h.
inline void drawText(QPainter& p, QPointF at, double h, const QString& text) {
    const double cell = h * 0.62;
    for (const QChar c : text) {
        if (c.isDigit())
            drawDigit(p, QRectF(at.x(), at.y(), h / 2, h), c.digitValue());
        else if (c == QLatin1Char(':')) {
            p.fillRect(QRectF(at.x() + h / 8, at.y() + h / 4, h / 8, h / 8), Qt::white);
            p.fillRect(QRectF(at.x() + h / 8, at.y() + 5 * h / 8, h / 8, h / 8), Qt::white);
        } else if (c == QLatin1Char('#')) {
            p.fillRect(QRectF(at.x(), at.y() + h / 3, h / 2, h / 10), Qt::white);
            p.fillRect(QRectF(at.x(), at.y() + 2 * h / 3, h / 2, h / 10), Qt::white);
            p.fillRect(QRectF(at.x() + h / 8, at.y(), h / 10, h), Qt::white);
            p.fillRect(QRectF(at.x() + 3 * h / 8, at.y(), h / 10, h), Qt::white);
        }
        at.rx() += cell;
    }
}

// Like the test publisher's picture: colour bars, a grey ramp, a checkerboard and, at the bottom centre, a
// half-transparent black box with the wall clock and the frame number (font height h/12).
inline QImage testPattern(int secondsOfDay = 12 * 3600, int frameNumber = 1, QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    const int w = size.width(), h = size.height();
    QPainter p(&image);
    const QColor bars[] = {Qt::white, Qt::yellow, Qt::cyan, Qt::green, Qt::magenta, Qt::red, Qt::blue};
    for (int i = 0; i < 7; ++i)
        p.fillRect(QRectF(i * w / 7.0, 0, w / 7.0 + 1, h * 0.6), bars[i]);
    QLinearGradient ramp(0, 0, w, 0);
    ramp.setColorAt(0, Qt::black);
    ramp.setColorAt(1, Qt::white);
    p.fillRect(QRectF(0, h * 0.6, w, h * 0.15), ramp);
    const double square = h * 0.25 / 4;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col * square < w; ++col)
            p.fillRect(QRectF(col * square, h * 0.75 + row * square, square, square),
                       (row + col) % 2 ? QColor(30, 30, 30) : QColor(220, 220, 220));
    p.setBrush(QColor(255, 128, 0));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(w * 0.5, h * 0.3), h * 0.18, h * 0.18);

    const QString clock = QStringLiteral("%1:%2:%3  #%4")
                              .arg(secondsOfDay / 3600, 2, 10, QLatin1Char('0'))
                              .arg(secondsOfDay / 60 % 60, 2, 10, QLatin1Char('0'))
                              .arg(secondsOfDay % 60, 2, 10, QLatin1Char('0'))
                              .arg(frameNumber, 4, 10, QLatin1Char('0'));
    const double th = h / 12.0;
    const double tw = clock.size() * th * 0.62;
    const QRectF box((w - tw) / 2 - 8, h - th - h / 12.0 - 8, tw + 16, th + 16);
    p.fillRect(box, QColor(0, 0, 0, 153));
    drawText(p, box.topLeft() + QPointF(8, 8), th, clock);
    return image;
}

// A different scene: coloured shapes placed by a seeded generator.
inline QImage shapes(quint32 seed, QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    image.fill(QColor(rng.bounded(256), rng.bounded(256), rng.bounded(256)));
    QPainter p(&image);
    p.setPen(Qt::NoPen);
    for (int i = 0; i < 12; ++i) {
        p.setBrush(QColor(rng.bounded(256), rng.bounded(256), rng.bounded(256)));
        const QRectF r(rng.bounded(size.width()), rng.bounded(size.height()), 80 + rng.bounded(400),
                       60 + rng.bounded(300));
        if (i % 2)
            p.drawEllipse(r);
        else
            p.drawRect(r);
    }
    return image;
}

inline QImage linearGradient(QPointF from, QPointF to, QColor a, QColor b, QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(from, to);
    g.setColorAt(0, a);
    g.setColorAt(1, b);
    p.fillRect(image.rect(), g);
    return image;
}

inline QImage radialGradient(QColor centre, QColor edge, QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QRadialGradient g(size.width() / 2.0, size.height() / 2.0, size.width() / 1.8);
    g.setColorAt(0, centre);
    g.setColorAt(1, edge);
    p.fillRect(image.rect(), g);
    return image;
}

// Light grey with soft horizontal bands: the kind of picture closest to AVideo's waiting loop.
inline QImage lightBands(QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, 0, size.height());
    g.setColorAt(0, QColor(220, 220, 228));
    g.setColorAt(0.3, QColor(250, 250, 255));
    g.setColorAt(0.55, QColor(215, 215, 225));
    g.setColorAt(0.8, QColor(245, 245, 250));
    g.setColorAt(1, QColor(200, 200, 210));
    p.fillRect(image.rect(), g);
    return image;
}

inline QImage noise(quint32 seed, int base = 0, int spread = 256, bool grey = false,
                    QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < size.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int r = base + rng.bounded(spread);
            line[x] = grey ? qRgb(r, r, r) : qRgb(r, base + rng.bounded(spread), base + rng.bounded(spread));
        }
    }
    return image;
}

// Random colour blocks of 40x40 pixels: noise that survives a downscale, unlike fine noise.
inline QImage blockNoise(quint32 seed) {
    return noise(seed, 0, 256, false, {32, 18})
        .scaled(1280, 720, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

inline QImage flat(QColor colour, QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

// A dark city at night: a near-black sky, a moon, a skyline with lit windows and street lights; about 5% of
// the picture is bright.
inline QImage nightScene(QSize size = {1280, 720}) {
    const int w = size.width(), h = size.height();
    QImage image = linearGradient({0, 0}, {0, double(h)}, QColor(2, 4, 14), QColor(10, 10, 18), size);
    QPainter p(&image);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(235, 235, 210));
    p.drawEllipse(QPointF(w * 0.82, h * 0.16), h * 0.06, h * 0.06);
    QRandomGenerator rng(2024);
    for (int b = 0; b < 10; ++b) {
        const double bx = b * w / 10.0, bw = w / 10.0 - 12, bh = h * (0.25 + 0.35 * rng.generateDouble());
        p.fillRect(QRectF(bx, h - bh, bw, bh), QColor(6, 6, 9));
        for (double wy = h - bh + 14; wy < h - 20; wy += 34)
            for (double wx = bx + 10; wx < bx + bw - 14; wx += 24)
                if (rng.bounded(4) == 0)
                    p.fillRect(QRectF(wx, wy, 12, 16), QColor(255, 210, 120));
    }
    for (int i = 0; i < 8; ++i)
        p.drawEllipse(QPointF(60 + i * w / 8.0, h * 0.93), 7, 7);
    return image;
}

// A dark title card: near-black with large white block letters.
inline QImage darkTitle(QSize size = {1280, 720}) {
    QImage image =
        linearGradient({0, 0}, {0, double(size.height())}, QColor(5, 5, 8), QColor(40, 40, 45), size);
    QPainter p(&image);
    drawText(p, QPointF(size.width() * 0.25, size.height() * 0.4), size.height() * 0.2,
             QStringLiteral("2024"));
    return image;
}

inline QImage jpegRoundTrip(const QImage& image, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", quality);
    return QImage::fromData(bytes, "JPG");
}

inline QImage resized(const QImage& image, QSize size) {
    return image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// What AVideo does to its cards: stretched from 1280x720 to 1200x630, then served as a JPEG.
inline QImage asServedByAvideo(const QImage& image, int quality) {
    return jpegRoundTrip(resized(image, {1200, 630}), quality);
}

// Every channel: value * gain + offset, clamped.
inline QImage brightness(const QImage& image, double gain, int offset) {
    QImage out = image.convertToFormat(QImage::Format_RGB32);
    auto adjust = [&](int v) { return qBound(0, qRound(v * gain) + offset, 255); };
    for (int y = 0; y < out.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x)
            line[x] = qRgb(adjust(qRed(line[x])), adjust(qGreen(line[x])), adjust(qBlue(line[x])));
    }
    return out;
}

inline QImage inverted(const QImage& image) {
    QImage out = image.convertToFormat(QImage::Format_RGB32);
    out.invertPixels();
    return out;
}

} // namespace avld::test
