#include "sitecardimages.h"

#include "blocklettering.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>

namespace avld::test {

namespace {

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray jpeg(const QImage& image, int quality = 90) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", quality);
    return bytes;
}

// A stand-in for one of AVideo's cards, drawn to keep the card's coarse structure, which is what the
// perceptual hash looks at: the background grey (with the lighter patch at the top of the ONLINE card),
// the word in block capitals over the box it covers in the real picture, and its glow. The boxes and greys
// were measured on reference-images/ (bright-pixel bounding boxes, mean greys, a 16x9 grey grid).
struct CardStyle {
    int background = 10;
    int topPatch = 0; // grey added at the top centre, fading out
    int text = 230;
    qreal glow = 0.6; // opacity of the blurred halo around the letters
};

QByteArray drawnCard(const QList<QPair<QString, QRectF>>& lines, const CardStyle& style) {
    const QSize size = SiteCardImages::kCardSize;
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(style.background, style.background, style.background));
    QPainter painter(&image);
    if (style.topPatch > 0) {
        QRadialGradient patch(QPointF(size.width() * 0.5, 0), size.width() * 0.45);
        patch.setColorAt(0, QColor(255, 255, 255, style.topPatch));
        patch.setColorAt(1, QColor(255, 255, 255, 0));
        painter.fillRect(image.rect(), patch);
    }
    QImage letters(size, QImage::Format_RGB32);
    letters.fill(Qt::black);
    for (const auto& [word, box] : lines)
        BlockLettering::drawFilled(letters, word, box, QColor(style.text, style.text, style.text));
    // The glow: the letters blurred by a smooth downscale and upscale, added to the background.
    const QImage halo = letters.scaled(size / 24, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                            .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    painter.setCompositionMode(QPainter::CompositionMode_Plus);
    painter.setOpacity(style.glow);
    painter.drawImage(0, 0, halo);
    painter.setOpacity(1);
    painter.setCompositionMode(QPainter::CompositionMode_Lighten);
    painter.drawImage(0, 0, letters);
    painter.end();
    return jpeg(image);
}

} // namespace

SiteCardImages::SiteCardImages(const QString& referenceDir) {
    if (!referenceDir.isEmpty()) {
        const QDir dir(referenceDir);
        m_onAir = readFile(dir.filePath(QStringLiteral("avideo-OnAir.jpg")));
        m_offline = readFile(dir.filePath(QStringLiteral("avideo-Offline.jpg")));
        m_comingSoon = readFile(dir.filePath(QStringLiteral("avideo-ComingSoon.jpg")));
    }
    m_fromReference = !m_onAir.isEmpty() && !m_offline.isEmpty() && !m_comingSoon.isEmpty();
    if (!m_fromReference) {
        m_onAir = drawnCard({{QStringLiteral("ONLINE"), QRectF(298, 290, 682, 140)}},
                            {.background = 9, .topPatch = 40, .text = 235, .glow = 0.7});
        m_offline = drawnCard({{QStringLiteral("OFFLINE"), QRectF(265, 292, 750, 136)}},
                              {.background = 10, .text = 120, .glow = 0.3});
        // "COMING" and, centred below it in the same letter size, "SOON".
        const qreal cell = 744.0 / 35;
        m_comingSoon = drawnCard({{QStringLiteral("COMING"), QRectF(257, 204, 744, 136)},
                                  {QStringLiteral("SOON"), QRectF(629 - 23 * cell / 2, 354, 23 * cell, 136)}},
                                 {.background = 8, .text = 250, .glow = 0.7});
    }
    m_onAirScaled = scaledJpeg(m_onAir, kScaledSize);
}

QByteArray SiteCardImages::scaledJpeg(const QByteArray& picture, QSize size) {
    const QImage image = QImage::fromData(picture);
    if (image.isNull())
        return {};
    return jpeg(image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
}

} // namespace avld::test
