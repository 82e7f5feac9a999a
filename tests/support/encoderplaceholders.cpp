#include "encoderplaceholders.h"

#include "bitmapqt/qimagebridge.h"
#include "blocklettering.h"
#include "media/animatedencoder.h"
#include "paddedimages.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

namespace avld::test {

namespace {

QByteArray readFile(const QDir& dir, const QString& name) {
    QFile file(dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray png(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray syntheticNotFoundGif() {
    const QImage frame = BlockLettering::card(QStringLiteral("NOT FOUND"), {320, 180},
                                              QColor(0x30, 0x30, 0x30), QColor(0x10, 0x10, 0x10))
                             .convertToFormat(QImage::Format_RGB32);
    avld::AnimatedEncoder::Options options;
    options.marker = QStringLiteral("AVideoLiveDoctor fake encoder placeholder");
    const Result<QByteArray> gif = avld::AnimatedEncoder(options).encodeGif({fromQImage(frame)}, 10);
    if (gif) {
        const QByteArray padded = PaddedImages::padGif(*gif, EncoderPlaceholders::kNotFoundGifSize);
        if (!padded.isEmpty())
            return padded;
    }
    // Without FFmpeg's GIF encoder: a JPEG of the same size still carries the size AVideo looks at.
    return PaddedImages::jpegOfSize(frame, EncoderPlaceholders::kNotFoundGifSize);
}

} // namespace

EncoderPlaceholders::EncoderPlaceholders(const QString& referenceDir) {
    if (!referenceDir.isEmpty()) {
        const QDir dir(referenceDir);
        m_onAirJpg = readFile(dir, QStringLiteral("encoder-OnAir.jpg"));
        m_onAirPng = readFile(dir, QStringLiteral("encoder-OnAir.png"));
        m_notFoundGif = readFile(dir, QStringLiteral("encoder-notfound.gif"));
        m_creatingImages = readFile(dir, QStringLiteral("encoder-creatingImages.jpg"));
    }
    m_fromReference = m_onAirJpg.size() == kOnAirJpgSize && !m_onAirPng.isEmpty() &&
                      m_notFoundGif.size() == kNotFoundGifSize && !m_creatingImages.isEmpty();
    if (m_fromReference)
        return;
    const QImage onAir = BlockLettering::card(QStringLiteral("ON AIR"), {640, 360}, QColor(0xb0, 0x20, 0x20),
                                              QColor(0x50, 0x08, 0x08));
    m_onAirJpg = PaddedImages::jpegOfSize(onAir, kOnAirJpgSize);
    m_onAirPng = png(onAir);
    m_notFoundGif = syntheticNotFoundGif();
    m_creatingImages =
        PaddedImages::jpegOfSize(BlockLettering::card(QStringLiteral("CREATING IMAGES"), {640, 360},
                                                      Qt::black, Qt::black, QColor(0x90, 0x90, 0x90)),
                                 147'137);
}

} // namespace avld::test
