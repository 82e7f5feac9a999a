#include "pngcodec.h"

#include "codecsupport.h"

#include <algorithm>
#include <png.h>

namespace avld {

namespace {

const QString kPng = QStringLiteral("PNG");

QString libraryMessage(const png_image& image) {
    return QString::fromLocal8Bit(image.message);
}

// libpng's simplified API says "read beyond end of data" (and the like) when the bytes stop early.
bool endedEarly(const QString& message) {
    return message.contains(QLatin1String("end of data")) || message.contains(QLatin1String("Not enough")) ||
           message.contains(QLatin1String("truncated"), Qt::CaseInsensitive);
}

quint32 bigEndian32(const uchar* p) {
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

// Qt keeps a PNG's pixels as stored whatever its gAMA chunk says (it only notes a colour space), while
// libpng's simplified API converts them to sRGB: a file saying gamma 1.0 came out far brighter than through
// QImage. Without the chunk libpng takes the pixels as sRGB already, as Qt does. The bytes are copied only
// when there is such a chunk.
QByteArray withoutGamma(const QByteArray& bytes) {
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    for (qsizetype at = 8; at + 12 <= bytes.size();) {
        const qint64 chunkSize = 12 + qint64(bigEndian32(data + at));
        if (bytes.mid(at + 4, 4) == "gAMA")
            return QByteArray(bytes).remove(at, qsizetype(std::min<qint64>(chunkSize, bytes.size() - at)));
        if (bytes.mid(at + 4, 4) == "IDAT")
            break; // gAMA must come before the image data
        at += qsizetype(std::min<qint64>(chunkSize, bytes.size()));
    }
    return bytes;
}

} // namespace

Result<Bitmap> decodePng(const QByteArray& bytes, const DecodeLimits& limits) {
    // The size is read from IHDR before libpng sees it: libpng calls 0×0 and 2^31 alike "Invalid IHDR data".
    if (bytes.size() >= 24 && bytes.mid(12, 4) == "IHDR") {
        const auto* ihdr = reinterpret_cast<const uchar*>(bytes.constData()) + 16;
        if (auto refusal = codec::refuseDeclaredSize(kPng, bigEndian32(ihdr), bigEndian32(ihdr + 4), limits))
            return *refusal;
    }
    const QByteArray stored = withoutGamma(bytes);
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, stored.constData(), std::size_t(stored.size()))) {
        const QString message = libraryMessage(image);
        png_image_free(&image);
        return endedEarly(message) ? codec::cutOff(kPng, bytes.size()) : codec::damaged(kPng, message);
    }
    if (auto refusal = codec::refuseDeclaredSize(kPng, image.width, image.height, limits)) {
        png_image_free(&image);
        return *refusal;
    }
    const bool hasAlpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    // Without this, a 16-bit PNG that names no gamma is taken as linear light and comes out far too bright;
    // Qt reads such files as sRGB.
    image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
    image.format = PNG_FORMAT_BGRA;
    Bitmap bitmap(int(image.width), int(image.height), limits.maxPixels);
    if (!png_image_finish_read(&image, nullptr, bitmap.bits(), png_int_32(bitmap.bytesPerLine()), nullptr)) {
        const QString message = libraryMessage(image);
        png_image_free(&image);
        return endedEarly(message) ? codec::cutOff(kPng, bytes.size()) : codec::damaged(kPng, message);
    }
    if (hasAlpha)
        codec::dropAlpha(bitmap);
    return bitmap;
}

Result<QByteArray> encodePng(const Bitmap& bitmap) {
    if (auto refusal = codec::refuseEncoding(kPng, bitmap, 0))
        return *refusal;
    // The simplified API writes only formats it knows, and B,G,R,X is none: packed B,G,R rows go in, so the
    // file has no alpha channel (like Qt's PNG of an RGB32 picture).
    QByteArray packed(qsizetype(bitmap.pixelCount()) * 3, Qt::Uninitialized);
    auto* out = reinterpret_cast<uchar*>(packed.data());
    for (int y = 0; y < bitmap.height(); ++y) {
        const Rgb* line = bitmap.constScanLine(y);
        for (int x = 0; x < bitmap.width(); ++x) {
            *out++ = uchar(blueOf(line[x]));
            *out++ = uchar(greenOf(line[x]));
            *out++ = uchar(redOf(line[x]));
        }
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = png_uint_32(bitmap.width());
    image.height = png_uint_32(bitmap.height());
    image.format = PNG_FORMAT_BGR;
    // Written once into a buffer of the largest size the picture can take, then cut to what was written.
    QByteArray encoded(qsizetype(PNG_IMAGE_PNG_SIZE_MAX(image)), Qt::Uninitialized);
    png_alloc_size_t size = png_alloc_size_t(encoded.size());
    if (!png_image_write_to_memory(&image, encoded.data(), &size, 0, packed.constData(), 0, nullptr)) {
        const QString message = libraryMessage(image);
        png_image_free(&image);
        return codec::encodeError(kPng, message);
    }
    encoded.truncate(qsizetype(size));
    encoded.squeeze();
    return encoded;
}

} // namespace avld
