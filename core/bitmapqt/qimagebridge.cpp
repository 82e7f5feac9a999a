#include "qimagebridge.h"

#include <cstring>

namespace avld {

QImage toQImage(const Bitmap& bitmap) {
    if (bitmap.isNull())
        return {};
    auto* keeper = new Bitmap(bitmap); // shares the pixels; deleted with the QImage's last copy
    return QImage(
        keeper->constBits(), keeper->width(), keeper->height(), keeper->bytesPerLine(), QImage::Format_RGB32,
        [](void* kept) { delete static_cast<Bitmap*>(kept); }, keeper);
}

Bitmap fromQImage(const QImage& image, qint64 maxPixels) {
    if (image.isNull())
        return Bitmap::refused(QStringLiteral("the QImage is null"));
    const QImage rgb32 =
        image.format() == QImage::Format_RGB32 ? image : image.convertToFormat(QImage::Format_RGB32);
    Bitmap bitmap(rgb32.width(), rgb32.height(), maxPixels);
    if (bitmap.isNull())
        return bitmap;
    for (int y = 0; y < bitmap.height(); ++y)
        std::memcpy(bitmap.scanLine(y), rgb32.constScanLine(y), std::size_t(bitmap.bytesPerLine()));
    return bitmap;
}

} // namespace avld
