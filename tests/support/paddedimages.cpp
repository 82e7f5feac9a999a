#include "paddedimages.h"

#include <QBuffer>

namespace avld::test {

QByteArray PaddedImages::padJpeg(const QByteArray& jpeg, qint64 size) {
    if (!jpeg.startsWith("\xFF\xD8"))
        return {};
    qint64 remaining = size - jpeg.size();
    if (remaining < 0 || (remaining > 0 && remaining < 4))
        return {};
    QByteArray segments;
    while (remaining > 0) {
        qint64 total = qMin<qint64>(remaining, 65533 + 4); // marker (2) + length (2) + up to 65533 bytes
        if (remaining - total > 0 && remaining - total < 4)
            total -= 4; // leave room for a whole segment after this one
        const qint64 data = total - 4;
        const quint16 length = quint16(data + 2);
        segments += "\xFF\xFE";
        segments += char(length >> 8);
        segments += char(length & 0xFF);
        segments += QByteArray(data, ' ');
        remaining -= total;
    }
    QByteArray out = jpeg;
    out.insert(2, segments);
    return out;
}

QByteArray PaddedImages::jpegOfSize(const QImage& image, qint64 size) {
    for (int quality = 90; quality >= 10; quality -= 5) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "JPG", quality))
            return {};
        const QByteArray padded = padJpeg(bytes, size);
        if (!padded.isEmpty())
            return padded;
    }
    return {};
}

QByteArray PaddedImages::padGif(const QByteArray& gif, qint64 size) {
    if (!gif.startsWith("GIF8") || !gif.endsWith('\x3B'))
        return {};
    const qint64 remaining = size - gif.size();
    if (remaining == 0)
        return gif;
    if (remaining < 5)
        return {};
    // Extension introducer + comment label + terminator (3 bytes), and per sub-block one length byte.
    const qint64 blocks = (remaining - 3 + 255) / 256;
    const qint64 data = remaining - 3 - blocks;
    QByteArray extension("\x21\xFE");
    for (qint64 i = 0; i < blocks; ++i) {
        const qint64 length = data / blocks + (i < data % blocks ? 1 : 0);
        extension += char(quint8(length));
        extension += QByteArray(length, ' ');
    }
    extension += '\0';
    QByteArray out = gif;
    out.insert(out.size() - 1, extension);
    return out;
}

} // namespace avld::test
