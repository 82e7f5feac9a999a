#pragma once

// Pictures the codec tests need that Qt cannot write: GIFs (giflib), an animated WebP (libwebpmux), a CMYK
// JPEG (TurboJPEG), and headers patched to lie about their size.

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QList>

#include <cstring>
#include <gif_lib.h>
#include <turbojpeg.h>
#include <vector>
#include <webp/encode.h>
#include <webp/mux.h>
#include <zlib.h>

namespace avld::codecfixtures {

inline QByteArray qtEncoded(const QImage& image, const QByteArray& format, int quality,
                            bool optimized = false, bool progressive = false) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.setOptimizedWrite(optimized);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        qWarning("Qt could not write %s: %s", format.constData(), qPrintable(writer.errorString()));
    return bytes;
}

// Qt's decoding (the first frame of an animation), as RGB32: what core has used until now.
inline QImage qtDecoded(const QByteArray& bytes) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QImage image = reader.read();
    return image.isNull() ? image : image.convertToFormat(QImage::Format_RGB32);
}

struct GifFrame {
    int left = 0;
    int top = 0;
    int width = 0;
    int height = 0;
    bool interlaced = false;
    QList<QRgb> palette; // empty: the global one
    int transparent = -1;
    std::vector<GifByteType> indices; // width * height, row by row
};

struct GifPicture {
    int width = 0;
    int height = 0;
    QList<QRgb> palette; // a power of two long
    int background = 0;
    std::vector<GifFrame> frames;
};

inline ColorMapObject* gifPalette(const QList<QRgb>& colours) {
    if (colours.isEmpty())
        return nullptr;
    std::vector<GifColorType> entries;
    for (const QRgb colour : colours)
        entries.push_back(
            GifColorType{GifByteType(qRed(colour)), GifByteType(qGreen(colour)), GifByteType(qBlue(colour))});
    return GifMakeMapObject(int(entries.size()), entries.data());
}

inline int appendToArray(GifFileType* gif, const GifByteType* data, int size) {
    static_cast<QByteArray*>(gif->UserData)->append(reinterpret_cast<const char*>(data), size);
    return size;
}

inline QByteArray writeGif(const GifPicture& picture) {
    QByteArray bytes;
    int error = 0;
    GifFileType* gif = EGifOpen(&bytes, appendToArray, &error);
    EGifSetGifVersion(gif, true);
    ColorMapObject* global = gifPalette(picture.palette);
    EGifPutScreenDesc(gif, picture.width, picture.height, 8, picture.background, global);
    GifFreeMapObject(global);
    for (const GifFrame& frame : picture.frames) {
        if (frame.transparent >= 0) {
            GraphicsControlBlock control{DISPOSAL_UNSPECIFIED, false, 10, frame.transparent};
            GifByteType extension[4];
            const std::size_t length = EGifGCBToExtension(&control, extension);
            EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension);
        }
        ColorMapObject* local = gifPalette(frame.palette);
        EGifPutImageDesc(gif, frame.left, frame.top, frame.width, frame.height, frame.interlaced, local);
        GifFreeMapObject(local);
        std::vector<int> rows;
        if (frame.interlaced) {
            for (const auto& [start, step] : {std::pair{0, 8}, {4, 8}, {2, 4}, {1, 2}})
                for (int y = start; y < frame.height; y += step)
                    rows.push_back(y);
        } else {
            for (int y = 0; y < frame.height; ++y)
                rows.push_back(y);
        }
        for (const int y : rows) {
            std::vector<GifByteType> line(frame.indices.begin() + std::ptrdiff_t(y) * frame.width,
                                          frame.indices.begin() + std::ptrdiff_t(y + 1) * frame.width);
            EGifPutLine(gif, line.data(), frame.width);
        }
    }
    EGifCloseFile(gif, &error);
    return bytes;
}

// A frame whose indices draw diagonal bands of colours 0..count-1.
inline GifFrame bandedFrame(int left, int top, int width, int height, int count) {
    GifFrame frame{left, top, width, height, false, {}, -1, {}};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            frame.indices.push_back(GifByteType(((x + y) / 3) % count));
    return frame;
}

inline QList<QRgb> sixteenColours() {
    QList<QRgb> colours;
    for (int i = 0; i < 16; ++i)
        colours << qRgb(i * 16, 255 - i * 13, (i * 77) % 256);
    return colours;
}

// Lossless, so that the first frame must come back exactly.
inline QByteArray animatedWebp(const QList<QImage>& frames) {
    WebPAnimEncoderOptions options;
    WebPAnimEncoderOptionsInit(&options);
    WebPAnimEncoder* encoder = WebPAnimEncoderNew(frames[0].width(), frames[0].height(), &options);
    WebPConfig config;
    WebPConfigInit(&config);
    config.lossless = 1;
    int timestamp = 0;
    for (const QImage& frame : frames) {
        const QImage argb = frame.convertToFormat(QImage::Format_ARGB32);
        WebPPicture picture;
        WebPPictureInit(&picture);
        picture.use_argb = 1;
        picture.width = argb.width();
        picture.height = argb.height();
        WebPPictureImportBGRA(&picture, argb.constBits(), int(argb.bytesPerLine()));
        WebPAnimEncoderAdd(encoder, &picture, timestamp, &config);
        WebPPictureFree(&picture);
        timestamp += 100;
    }
    WebPAnimEncoderAdd(encoder, nullptr, timestamp, nullptr);
    WebPData data;
    WebPDataInit(&data);
    WebPAnimEncoderAssemble(encoder, &data);
    const QByteArray bytes(reinterpret_cast<const char*>(data.bytes), qsizetype(data.size));
    WebPDataClear(&data);
    WebPAnimEncoderDelete(encoder);
    return bytes;
}

inline QByteArray cmykJpeg(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    std::vector<unsigned char> cmyk;
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = rgb.pixel(x, y);
            // Adobe's inverted CMYK with no black: each ink byte is the colour's own channel.
            cmyk.insert(cmyk.end(), {uchar(qRed(p)), uchar(qGreen(p)), uchar(qBlue(p)), 255});
        }
    tjhandle handle = tjInitCompress();
    unsigned char* out = nullptr;
    unsigned long size = 0;
    tjCompress2(handle, cmyk.data(), rgb.width(), rgb.width() * 4, rgb.height(), TJPF_CMYK, &out, &size,
                TJSAMP_444, 90, 0);
    const QByteArray bytes(reinterpret_cast<const char*>(out), qsizetype(size));
    tjFree(out);
    tjDestroy(handle);
    return bytes;
}

inline void putBigEndian32(QByteArray& bytes, qsizetype at, quint32 value) {
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((value >> (24 - 8 * i)) & 0xff);
}

// A real PNG whose IHDR declares another size, with the CRC made right again so that only the size is wrong.
inline QByteArray pngDeclaring(const QByteArray& png, quint32 width, quint32 height) {
    QByteArray bytes = png;
    putBigEndian32(bytes, 16, width);
    putBigEndian32(bytes, 20, height);
    const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.constData()) + 12, 17));
    putBigEndian32(bytes, 29, crc);
    return bytes;
}

// A real PNG with one more chunk after IHDR.
inline QByteArray pngWithChunk(const QByteArray& png, const QByteArray& type, const QByteArray& data) {
    QByteArray chunk(4, 0);
    putBigEndian32(chunk, 0, quint32(data.size()));
    const QByteArray body = type + data;
    QByteArray crc(4, 0);
    putBigEndian32(crc, 0,
                   quint32(crc32(0, reinterpret_cast<const Bytef*>(body.constData()), uInt(body.size()))));
    return QByteArray(png).insert(33, chunk + body + crc);
}

inline QByteArray gammaChunk(quint32 gamma) {
    QByteArray data(4, 0);
    putBigEndian32(data, 0, gamma);
    return data;
}

// A real JPEG whose frame header (SOF) declares another size.
inline QByteArray jpegDeclaring(const QByteArray& jpeg, int width, int height) {
    QByteArray bytes = jpeg;
    for (qsizetype at = 2; at + 9 < bytes.size();) {
        const uchar marker = uchar(bytes[at + 1]);
        const int length = (uchar(bytes[at + 2]) << 8) | uchar(bytes[at + 3]);
        if (marker == 0xc0 || marker == 0xc1 || marker == 0xc2) {
            bytes[at + 5] = char(height >> 8);
            bytes[at + 6] = char(height & 0xff);
            bytes[at + 7] = char(width >> 8);
            bytes[at + 8] = char(width & 0xff);
            return bytes;
        }
        at += 2 + length;
    }
    return {};
}

// A real lossy WebP (simple format: RIFF, then one 'VP8 ' chunk) whose key frame declares another size.
inline QByteArray webpDeclaring(const QByteArray& webp, int width, int height) {
    QByteArray bytes = webp;
    if (bytes.mid(12, 4) != "VP8 ")
        return {};
    // chunk header (8), frame tag (3), start code (3), then 14-bit width and height, little-endian
    const qsizetype at = 12 + 8 + 6;
    bytes[at] = char(width & 0xff);
    bytes[at + 1] = char((width >> 8) & 0x3f);
    bytes[at + 2] = char(height & 0xff);
    bytes[at + 3] = char((height >> 8) & 0x3f);
    return bytes;
}

inline QByteArray gifDeclaring(const QByteArray& gif, int width, int height) {
    QByteArray bytes = gif;
    bytes[6] = char(width & 0xff);
    bytes[7] = char(width >> 8);
    bytes[8] = char(height & 0xff);
    bytes[9] = char(height >> 8);
    return bytes;
}

} // namespace avld::codecfixtures
