#pragma once

// Pictures and measures for the bitmap tests and the bench that compare with QImage.

#include "bitmapqt/qimagebridge.h"

#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>

#include <cmath>
#include <cstdlib>

namespace avld::testpictures {

// Like a camera frame: a sky gradient, a few soft shapes and, if asked, sensor-like noise (fixed seed).
inline QImage photoLike(QSize size, int noise) {
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, size.width() * 0.3, size.height());
    sky.setColorAt(0, QColor(40, 90, 170));
    sky.setColorAt(1, QColor(200, 170, 120));
    painter.fillRect(image.rect(), sky);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
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

// Hard edges and fine detail: colour bars, a checkerboard of 4-pixel squares and one-pixel stripes.
inline QImage testPattern(QSize size) {
    QImage image(size, QImage::Format_RGB32);
    const QRgb bars[] = {qRgb(235, 235, 235), qRgb(235, 235, 16), qRgb(16, 235, 235), qRgb(16, 235, 16),
                         qRgb(235, 16, 235),  qRgb(235, 16, 16),  qRgb(16, 16, 235),  qRgb(16, 16, 16)};
    for (int y = 0; y < size.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            if (y < size.height() / 2)
                line[x] = bars[x * 8 / size.width()];
            else if (x < size.width() / 2)
                line[x] = ((x / 4 + y / 4) % 2) ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
            else
                line[x] = (x % 2) ? qRgb(200, 40, 40) : qRgb(40, 40, 200);
        }
    }
    return image;
}

// Mean of |a - b| over every colour channel of every pixel; -1 when the sizes differ.
inline double meanAbsoluteDifference(const QImage& first, const QImage& second) {
    if (first.size() != second.size())
        return -1;
    const QImage a = first.convertToFormat(QImage::Format_RGB32);
    const QImage b = second.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* p = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* q = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            sum += std::abs(qRed(p[x]) - qRed(q[x])) + std::abs(qGreen(p[x]) - qGreen(q[x])) +
                   std::abs(qBlue(p[x]) - qBlue(q[x]));
    }
    return sum / (3.0 * a.width() * a.height());
}

inline double meanAbsoluteDifference(const Bitmap& first, const QImage& second) {
    return meanAbsoluteDifference(toQImage(first), second);
}

// The same size and the same colour in every pixel; unlike QImage's ==, blind to a colour space Qt's reader
// noted (from a PNG's gAMA, say) and to the alpha byte.
inline bool samePixels(const Bitmap& bitmap, const QImage& image) {
    return QSize(bitmap.width(), bitmap.height()) == image.size() &&
           meanAbsoluteDifference(bitmap, image) == 0.0;
}

// Peak signal-to-noise ratio in dB of a picture against its original (infinite when equal).
inline double psnr(const QImage& original, const QImage& other) {
    const QImage a = original.convertToFormat(QImage::Format_RGB32);
    const QImage b = other.convertToFormat(QImage::Format_RGB32);
    double squares = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* p = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* q = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int dr = qRed(p[x]) - qRed(q[x]);
            const int dg = qGreen(p[x]) - qGreen(q[x]);
            const int db = qBlue(p[x]) - qBlue(q[x]);
            squares += dr * dr + dg * dg + db * db;
        }
    }
    const double mse = squares / (3.0 * a.width() * a.height());
    return mse == 0 ? INFINITY : 10 * std::log10(255.0 * 255.0 / mse);
}

} // namespace avld::testpictures
