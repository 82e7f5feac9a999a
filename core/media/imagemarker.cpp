#include "imagemarker.h"

#include <functional>

extern "C" {
#include <libavutil/crc.h>
}

namespace avld {

namespace {

using Bytes = QByteArray;

const Bytes PngSignature("\x89PNG\r\n\x1a\n", 8);
const Bytes PngKeyword("Software");
constexpr int MaxTextLength = 200;
constexpr int JpegMaxPayload = 0xffff - 2;
constexpr uchar WebpXmpFlag = 0x04;
constexpr uchar WebpAlphaFlag = 0x10;

uint byteAt(const Bytes& b, qsizetype i) {
    return uchar(b.at(i));
}
uint be16(const Bytes& b, qsizetype i) {
    return byteAt(b, i) << 8 | byteAt(b, i + 1);
}
quint32 be32(const Bytes& b, qsizetype i) {
    return quint32(be16(b, i)) << 16 | be16(b, i + 2);
}
quint32 le32(const Bytes& b, qsizetype i) {
    return byteAt(b, i) | byteAt(b, i + 1) << 8 | byteAt(b, i + 2) << 16 | quint32(byteAt(b, i + 3)) << 24;
}
void putBe(Bytes& out, quint32 v, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.append(char((v >> shift) & 0xff));
}
void putLe(Bytes& out, quint32 v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

// A field's text without the padding spaces (and a C string's terminator).
Bytes unpadded(Bytes payload) {
    while (!payload.isEmpty() && (payload.endsWith(' ') || payload.endsWith('\0')))
        payload.chop(1);
    return payload;
}

// Each format's reader calls this for every text in the marker's field; returning true stops the walk.
using TextVisitor = std::function<bool(const Bytes& text)>;

Error malformed(const char* format) {
    return {QStringLiteral("malformed-image"),
            QStringLiteral("The %1 data is damaged or cut short, so no marker could be added.")
                .arg(QString::fromLatin1(format)),
            {}};
}

// ---- JPEG: COM segment after SOI and the APPn segments (JFIF and Exif readers expect those first).

Result<Bytes> insertJpeg(const Bytes& image, const Bytes& payload) {
    if (payload.size() > JpegMaxPayload)
        return Error{QStringLiteral("too-much-padding"),
                     QStringLiteral("A JPEG comment holds at most %1 bytes.").arg(JpegMaxPayload),
                     {}};
    qsizetype pos = 2;
    while (pos + 4 <= image.size() && byteAt(image, pos) == 0xff && (byteAt(image, pos + 1) & 0xf0) == 0xe0)
        pos += 2 + be16(image, pos + 2);
    if (pos + 4 > image.size())
        return malformed("JPEG");
    Bytes segment("\xff\xfe", 2);
    putBe(segment, quint32(payload.size() + 2), 2);
    segment += payload;
    return Bytes(image).insert(pos, segment);
}

bool jpegTexts(const Bytes& image, const TextVisitor& visit) {
    qsizetype pos = 2;
    while (pos + 4 <= image.size() && byteAt(image, pos) == 0xff) {
        const uint marker = byteAt(image, pos + 1);
        if (marker == 0xff) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xda || marker == 0xd9) // image data starts: no metadata after this
            return false;
        if ((marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
            pos += 2;
            continue;
        }
        const uint length = be16(image, pos + 2);
        if (length < 2 || pos + 2 + qsizetype(length) > image.size())
            return false;
        if (marker == 0xfe && visit(unpadded(image.mid(pos + 4, length - 2))))
            return true;
        pos += 2 + length;
    }
    return false;
}

// ---- PNG: tEXt "Software" right after IHDR.

quint32 pngCrc(const Bytes& typeAndData) {
    const AVCRC* table = av_crc_get_table(AV_CRC_32_IEEE_LE);
    return av_crc(table, 0xffffffffu, reinterpret_cast<const uint8_t*>(typeAndData.constData()),
                  size_t(typeAndData.size())) ^
           0xffffffffu;
}

Result<Bytes> insertPng(const Bytes& image, const Bytes& payload) {
    constexpr qsizetype AfterIhdr = 8 + 4 + 4 + 13 + 4;
    if (image.size() < AfterIhdr || image.mid(12, 4) != "IHDR" || be32(image, 8) != 13)
        return malformed("PNG");
    const Bytes typeAndData = "tEXt" + PngKeyword + '\0' + payload;
    Bytes chunk;
    putBe(chunk, quint32(typeAndData.size() - 4), 4);
    chunk += typeAndData;
    putBe(chunk, pngCrc(typeAndData), 4);
    return Bytes(image).insert(AfterIhdr, chunk);
}

bool pngTexts(const Bytes& image, const TextVisitor& visit) {
    qsizetype pos = 8;
    while (pos + 12 <= image.size()) {
        const quint32 length = be32(image, pos);
        if (length > quint64(image.size() - pos - 12))
            return false;
        const Bytes type = image.mid(pos + 4, 4);
        if (type == "tEXt") {
            const Bytes data = image.mid(pos + 8, length);
            const qsizetype nul = data.indexOf('\0');
            if (nul > 0 && data.left(nul) == PngKeyword && visit(unpadded(data.mid(nul + 1))))
                return true;
        } else if (type == "IEND") {
            return false;
        }
        pos += 12 + length;
    }
    return false;
}

// ---- GIF: comment extension just before the trailer.

// Walks the block structure, calling onComment for each comment extension's text (stop by returning true).
// Returns the trailer's offset, -2 when onComment stopped the walk, -1 when the data is malformed.
qsizetype walkGif(const Bytes& b, const std::function<bool(const Bytes&)>& onComment) {
    auto skipColourTable = [](uint flags) { return (flags & 0x80) ? 3 * (2 << (flags & 7)) : 0; };
    if (b.size() < 13)
        return -1;
    qsizetype pos = 13 + skipColourTable(byteAt(b, 10));
    while (pos < b.size()) {
        const uint introducer = byteAt(b, pos);
        if (introducer == 0x3b)
            return pos;
        uint label = 0;
        if (introducer == 0x21) {
            if (pos + 2 > b.size())
                return -1;
            label = byteAt(b, pos + 1);
            pos += 2;
        } else if (introducer == 0x2c) {
            if (pos + 11 > b.size())
                return -1;
            pos += 10 + skipColourTable(byteAt(b, pos + 9)) + 1; // descriptor, local table, LZW code size
        } else {
            return -1;
        }
        Bytes comment;
        while (pos < b.size() && byteAt(b, pos) != 0) {
            const qsizetype n = byteAt(b, pos);
            if (label == 0xfe)
                comment += b.mid(pos + 1, n);
            pos += 1 + n;
        }
        if (pos >= b.size())
            return -1;
        ++pos; // block terminator
        if (label == 0xfe && onComment(comment))
            return -2;
    }
    return -1;
}

Result<Bytes> insertGif(const Bytes& image, const Bytes& payload) {
    const qsizetype trailer = walkGif(image, [](const Bytes&) { return false; });
    if (trailer < 0)
        return malformed("GIF");
    Bytes extension("\x21\xfe", 2);
    for (qsizetype i = 0; i < payload.size(); i += 255) {
        const Bytes block = payload.mid(i, 255);
        extension.append(char(block.size()));
        extension += block;
    }
    extension.append('\0');
    Bytes out = Bytes(image).insert(trailer, extension);
    out.replace(0, 6, "GIF89a"); // comment extensions are a GIF89a feature
    return out;
}

bool gifTexts(const Bytes& image, const TextVisitor& visit) {
    return walkGif(image, [&visit](const Bytes& comment) { return visit(unpadded(comment)); }) == -2;
}

// ---- WebP: XMP chunk at the end, VP8X header made or flagged.

Bytes xmpPacket(const Bytes& text, int padding) {
    return "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
           "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
           "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"" +
           text + "\"/></rdf:RDF></x:xmpmeta>" + Bytes(padding, ' ') + "<?xpacket end=\"w\"?>";
}

Bytes riffChunk(const Bytes& fourcc, const Bytes& payload) {
    Bytes chunk = fourcc;
    putLe(chunk, quint32(payload.size()), 4);
    chunk += payload;
    if (payload.size() % 2)
        chunk.append('\0');
    return chunk;
}

Result<Bytes> insertWebp(const Bytes& image, const Bytes& text, int padding) {
    if (image.size() < 30)
        return malformed("WebP");
    const Bytes first = image.mid(12, 4);
    Bytes vp8x;
    Bytes rest = image.mid(12);
    if (first == "VP8X") {
        rest[8] = char(byteAt(rest, 8) | WebpXmpFlag);
    } else {
        quint32 width = 0, height = 0;
        uchar flags = WebpXmpFlag;
        if (first == "VP8 " && image.mid(23, 3) == "\x9d\x01\x2a") {
            width = (byteAt(image, 26) | byteAt(image, 27) << 8) & 0x3fff;
            height = (byteAt(image, 28) | byteAt(image, 29) << 8) & 0x3fff;
        } else if (first == "VP8L" && byteAt(image, 20) == 0x2f) {
            const quint32 bits = le32(image, 21);
            width = (bits & 0x3fff) + 1;
            height = ((bits >> 14) & 0x3fff) + 1;
            if (bits & (1u << 28))
                flags |= WebpAlphaFlag;
        }
        if (width == 0 || height == 0)
            return malformed("WebP");
        Bytes header(1, char(flags));
        header.append(3, '\0');
        putLe(header, width - 1, 3);
        putLe(header, height - 1, 3);
        vp8x = riffChunk("VP8X", header);
    }
    const Bytes body = "WEBP" + vp8x + rest + riffChunk("XMP ", xmpPacket(text, padding));
    Bytes out = "RIFF";
    putLe(out, quint32(body.size()), 4);
    return out + body;
}

bool webpTexts(const Bytes& image, const TextVisitor& visit) {
    const Bytes attribute = "xmp:CreatorTool=\"";
    qsizetype pos = 12;
    while (pos + 8 <= image.size()) {
        const quint32 length = le32(image, pos + 4);
        if (length > quint64(image.size() - pos - 8))
            return false;
        if (image.mid(pos, 4) == "XMP ") {
            const Bytes packet = image.mid(pos + 8, length);
            const qsizetype start = packet.indexOf(attribute);
            const qsizetype end = start < 0 ? -1 : packet.indexOf('"', start + attribute.size());
            if (end > 0 && visit(packet.mid(start + attribute.size(), end - start - attribute.size())))
                return true;
        }
        pos += 8 + length + (length % 2);
    }
    return false;
}

bool visitTexts(const Bytes& image, const TextVisitor& visit) {
    switch (ImageMarker::sniff(image)) {
    case ImageMarker::Format::Jpeg:
        return jpegTexts(image, visit);
    case ImageMarker::Format::Png:
        return pngTexts(image, visit);
    case ImageMarker::Format::Gif:
        return gifTexts(image, visit);
    case ImageMarker::Format::WebP:
        return webpTexts(image, visit);
    case ImageMarker::Format::Unknown:
        break;
    }
    return false;
}

const Bytes InstanceField(" instance=");

bool validText(const QString& text) {
    if (text.isEmpty() || text.size() > MaxTextLength)
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || QStringLiteral("\"&<>\\").contains(c))
            return false;
    }
    return true;
}

} // namespace

ImageMarker::Format ImageMarker::sniff(const QByteArray& bytes) {
    if (bytes.startsWith("\xff\xd8\xff"))
        return Format::Jpeg;
    if (bytes.startsWith(PngSignature))
        return Format::Png;
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return Format::Gif;
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return Format::WebP;
    return Format::Unknown;
}

Result<QByteArray> ImageMarker::insert(const QByteArray& image, const QString& text, int padding) {
    if (!validText(text))
        return Error{QStringLiteral("bad-marker"),
                     QStringLiteral("The marker text \"%1\" cannot go into image metadata.").arg(text),
                     QStringLiteral("Use 1 to %1 printable ASCII characters without quotes, &, <, > or \\.")
                         .arg(MaxTextLength)};
    if (padding < 0)
        padding = 0;
    const Bytes latin = text.toLatin1();
    const Bytes payload = latin + Bytes(padding, ' ');
    switch (sniff(image)) {
    case Format::Jpeg:
        return insertJpeg(image, payload);
    case Format::Png:
        return insertPng(image, payload);
    case Format::Gif:
        return insertGif(image, payload);
    case Format::WebP:
        return insertWebp(image, latin, padding);
    case Format::Unknown:
        break;
    }
    return Error{
        QStringLiteral("unknown-format"),
        QStringLiteral("The data is not a JPEG, PNG, GIF or WebP image, so no marker could be added."),
        {}};
}

bool ImageMarker::carries(const QByteArray& image, const QString& text) {
    if (!validText(text))
        return false;
    const Bytes latin = text.toLatin1();
    return visitTexts(image, [&latin](const Bytes& found) { return found == latin; });
}

QString ImageMarker::ourText(const QByteArray& image) {
    const Bytes ours = defaultText().toLatin1();
    Bytes text;
    visitTexts(image, [&](const Bytes& found) {
        if (found != ours && !found.startsWith(ours + InstanceField))
            return false;
        text = found;
        return true;
    });
    return QString::fromLatin1(text);
}

bool ImageMarker::madeByUs(const QByteArray& image) {
    return !ourText(image).isEmpty();
}

QString ImageMarker::textForInstance(const QString& instance) {
    return instance.isEmpty() ? defaultText() : defaultText() + QString::fromLatin1(InstanceField) + instance;
}

QString ImageMarker::instanceOf(const QString& text) {
    const QString lead = defaultText() + QString::fromLatin1(InstanceField);
    return text.startsWith(lead) ? text.mid(lead.size()) : QString();
}

} // namespace avld
