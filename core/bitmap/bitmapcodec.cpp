#include "bitmapcodec.h"

#include "bitmapwords.h"
#include "codecsupport.h"
#include "gifdecoder.h"
#include "jpegdecoder.h"
#include "pictureformat.h"
#include "pngcodec.h"
#include "webpcodec.h"

#include <algorithm>

namespace avld {

namespace {

// The first bytes tell a person what came instead of a picture: often an HTML error page or JSON.
QString describeStart(const QByteArray& bytes) {
    const QByteArray head = bytes.left(32);
    const bool text = std::all_of(head.begin(), head.end(), [](char c) {
        return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t';
    });
    if (text)
        return QStringLiteral("\"%1\"").arg(QString::fromLatin1(head).simplified());
    return QString::fromLatin1(head.left(16).toHex(' '));
}

} // namespace

Result<Bitmap> decodePicture(const QByteArray& bytes, const DecodeLimits& limits) {
    if (bytes.isEmpty())
        return codec::decodeError(QStringLiteral("picture-empty"),
                                  QStringLiteral("there are no bytes to decode"));
    switch (sniffPictureFormat(bytes)) {
    case PictureFormat::Jpeg:
        return decodeJpeg(bytes, limits);
    case PictureFormat::Png:
        return decodePng(bytes, limits);
    case PictureFormat::WebP:
        return decodeWebp(bytes, limits);
    case PictureFormat::Gif:
        return decodeGif(bytes, limits);
    case PictureFormat::Unknown:
        break;
    }
    return codec::decodeError(QStringLiteral("picture-unknown-format"),
                              QStringLiteral("the %1 bytes are no JPEG, PNG, WebP or GIF: they start with %2")
                                  .arg(groupedDigits(bytes.size()), describeStart(bytes)));
}

} // namespace avld
