#include "jpegdecoder.h"

#include "codecsupport.h"

#include <memory>
#include <turbojpeg.h>
#include <vector>

namespace avld {

namespace {

const QString kJpeg = QStringLiteral("JPEG");

struct HeaderScan {
    bool complete = false; // the bytes reach the first scan (or an early end of image)
    int width = -1;        // from the frame header, when one was found
    int height = -1;
    qsizetype scanStart = 0; // where the first scan's data begins
};

bool isFrameHeader(uchar marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

// Walks the segments from the start of image to the first scan, for two things libjpeg does not say plainly:
// whether the header itself is cut off, and the size the frame header declares (0 included).
HeaderScan scanHeader(const QByteArray& bytes) {
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    const qsizetype size = bytes.size();
    HeaderScan scan;
    qsizetype at = 2; // after SOI
    while (at < size) {
        if (data[at] != 0xff) {
            scan.complete = true; // not a marker where one belongs: damaged, not short
            return scan;
        }
        while (at < size && data[at] == 0xff)
            ++at; // fill bytes
        if (at >= size)
            return scan;
        const uchar marker = data[at++];
        if (marker == 0xd9) {
            scan.complete = true; // an end of image this early is libjpeg's to name
            return scan;
        }
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
            continue; // markers without a length
        if (at + 2 > size)
            return scan;
        const qsizetype length = (qsizetype(data[at]) << 8) | data[at + 1];
        if (at + length > size)
            return scan;
        if (isFrameHeader(marker) && length >= 7) {
            scan.height = (data[at + 3] << 8) | data[at + 4];
            scan.width = (data[at + 5] << 8) | data[at + 6];
        }
        if (marker == 0xda) {
            scan.complete = true;
            scan.scanStart = at + length;
            return scan;
        }
        at += length;
    }
    return scan;
}

// TurboJPEG prefixes its own messages with the function's name, which means nothing to a reader.
QString libraryMessage(tjhandle handle) {
    QString message = QString::fromLocal8Bit(tjGetErrorStr2(handle));
    const qsizetype prefix = message.indexOf(QLatin1String("(): "));
    if (prefix >= 0)
        message.remove(0, prefix + 4);
    return message;
}

// Decoded CMYK as Adobe writes it (inverted, the common case, and what Qt assumes too) to RGB.
void cmykToRgb(const std::vector<uchar>& cmyk, Bitmap& bitmap) {
    const uchar* in = cmyk.data();
    for (int y = 0; y < bitmap.height(); ++y) {
        Rgb* line = bitmap.scanLine(y);
        for (int x = 0; x < bitmap.width(); ++x, in += 4) {
            const int k = in[3];
            line[x] = rgb(in[0] * k / 255, in[1] * k / 255, in[2] * k / 255);
        }
    }
}

} // namespace

Result<Bitmap> decodeJpeg(const QByteArray& bytes, const DecodeLimits& limits) {
    const std::unique_ptr<void, int (*)(tjhandle)> handle(tjInitDecompress(), tjDestroy);
    if (!handle)
        return codec::decodeError(QStringLiteral("decoder-unavailable"),
                                  QStringLiteral("the JPEG decoder could not start: %1")
                                      .arg(QString::fromLocal8Bit(tjGetErrorStr2(nullptr))));
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    const auto size = static_cast<unsigned long>(bytes.size());
    int width = 0;
    int height = 0;
    int subsampling = 0;
    int colorspace = 0;
    const HeaderScan scan = scanHeader(bytes);
    // libjpeg reads a header cut short as one that ends early on purpose, and reports a 0×0 picture.
    if (!scan.complete)
        return codec::cutOff(kJpeg, bytes.size());
    if (scan.width >= 0) {
        if (auto refusal = codec::refuseDeclaredSize(kJpeg, scan.width, scan.height, limits))
            return *refusal;
    }
    // A warning (stray bytes before a marker and the like) still leaves a header read whole.
    if (tjDecompressHeader3(handle.get(), data, size, &width, &height, &subsampling, &colorspace) != 0 &&
        tjGetErrorCode(handle.get()) != TJERR_WARNING)
        return codec::damaged(kJpeg, libraryMessage(handle.get()));
    if (auto refusal = codec::refuseDeclaredSize(kJpeg, width, height, limits))
        return *refusal;

    Bitmap bitmap(width, height, limits.maxPixels);
    const bool cmyk = colorspace == TJCS_CMYK || colorspace == TJCS_YCCK;
    std::vector<uchar> cmykPixels(cmyk ? std::size_t(width) * std::size_t(height) * 4 : 0);
    // TJFLAG_LIMITSCANS refuses a progressive JPEG of thousands of scans, which would take minutes.
    const int status = cmyk ? tjDecompress2(handle.get(), data, size, cmykPixels.data(), width, width * 4,
                                            height, TJPF_CMYK, TJFLAG_LIMITSCANS)
                            : tjDecompress2(handle.get(), data, size, bitmap.bits(), width,
                                            int(bitmap.bytesPerLine()), height, TJPF_BGRX, TJFLAG_LIMITSCANS);
    if (status != 0) {
        const QString message = libraryMessage(handle.get());
        // TurboJPEG keeps the first warning's text only, so the missing end-of-image marker is looked for
        // too: entropy-coded data cannot hold one (every 0xff in it is followed by 0x00 or a restart number).
        if (message.contains(QLatin1String("Premature end")) ||
            bytes.indexOf(QByteArrayView("\xff\xd9", 2), scan.scanStart) < 0)
            return codec::cutOff(kJpeg, bytes.size());
        // Other warnings leave a whole picture: Qt shows it too.
        if (tjGetErrorCode(handle.get()) != TJERR_WARNING)
            return codec::damaged(kJpeg, message);
    }
    if (cmyk)
        cmykToRgb(cmykPixels, bitmap);
    return bitmap;
}

} // namespace avld
