#include "codecsupport.h"

#include "bitmapwords.h"

namespace avld::codec {

Error decodeError(const QString& code, const QString& message) {
    return Error{code, message, {}};
}

std::optional<Error> refuseDeclaredSize(const QString& format, qint64 width, qint64 height,
                                        const DecodeLimits& limits) {
    const QString problem = pictureSizeProblem(width, height, limits.maxPixels);
    if (problem.isEmpty())
        return std::nullopt;
    const bool empty = width <= 0 || height <= 0;
    return decodeError(empty ? QStringLiteral("picture-empty") : QStringLiteral("picture-too-large"),
                       QStringLiteral("the %1 declares %2").arg(format, problem));
}

Error cutOff(const QString& format, qsizetype size) {
    return decodeError(QStringLiteral("picture-truncated"),
                       QStringLiteral("the %1 is cut off after %2 bytes").arg(format, groupedDigits(size)));
}

Error damaged(const QString& format, const QString& detail) {
    return decodeError(QStringLiteral("picture-damaged"),
                       QStringLiteral("the %1 is damaged: %2").arg(format, detail));
}

std::optional<Error> refuseEncoding(const QString& format, const Bitmap& bitmap, int quality) {
    if (bitmap.isNull())
        return Error{
            QStringLiteral("empty-image"),
            QStringLiteral("there is no picture to encode as %1 (%2)").arg(format, bitmap.nullReason()),
            {}};
    if (quality < 0 || quality > 100)
        return Error{
            QStringLiteral("bad-quality"),
            QStringLiteral("a %1 quality must lie between 0 and 100, not %2").arg(format).arg(quality),
            {}};
    return std::nullopt;
}

Error encodeError(const QString& format, const QString& detail) {
    return Error{QStringLiteral("encode-failed"),
                 QStringLiteral("the picture could not be encoded as %1: %2").arg(format, detail),
                 {}};
}

void dropAlpha(Bitmap& bitmap) {
    for (int y = 0; y < bitmap.height(); ++y) {
        Rgb* line = bitmap.scanLine(y);
        for (int x = 0; x < bitmap.width(); ++x)
            line[x] |= 0xff000000u;
    }
}

} // namespace avld::codec
