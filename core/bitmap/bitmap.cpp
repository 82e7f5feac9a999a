#include "bitmap.h"

#include "bitmapwords.h"

#include <algorithm>
#include <cstring>

namespace avld {

Bitmap::Bitmap(int width, int height, qint64 maxPixels) {
    const QString problem = pictureSizeProblem(width, height, maxPixels);
    if (!problem.isEmpty()) {
        m_nullReason = QStringLiteral("a picture of ") + problem;
        return;
    }
    m_width = width;
    m_height = height;
    m_pixels = QByteArray(qsizetype(width) * height * 4, Qt::Uninitialized);
    fill(rgb(0, 0, 0));
}

Result<Bitmap> Bitmap::allocate(int width, int height, qint64 maxPixels) {
    Bitmap bitmap(width, height, maxPixels);
    if (bitmap.isNull())
        return Error{QStringLiteral("picture-too-large"), bitmap.nullReason(), {}};
    return bitmap;
}

Bitmap Bitmap::refused(const QString& reason) {
    Bitmap bitmap;
    bitmap.m_nullReason = reason;
    return bitmap;
}

QString Bitmap::nullReason() const {
    if (!isNull())
        return {};
    return m_nullReason.isEmpty() ? QStringLiteral("no picture") : m_nullReason;
}

const Rgb* Bitmap::constScanLine(int y) const {
    Q_ASSERT(y >= 0 && y < m_height);
    return reinterpret_cast<const Rgb*>(m_pixels.constData()) + qsizetype(y) * m_width;
}

Rgb* Bitmap::scanLine(int y) {
    Q_ASSERT(y >= 0 && y < m_height);
    return reinterpret_cast<Rgb*>(m_pixels.data()) + qsizetype(y) * m_width;
}

uchar* Bitmap::bits() {
    return isNull() ? nullptr : reinterpret_cast<uchar*>(m_pixels.data());
}

void Bitmap::fill(Rgb pixel) {
    if (isNull())
        return;
    Rgb* first = scanLine(0);
    std::fill(first, first + pixelCount(), pixel | 0xff000000u);
}

Bitmap Bitmap::copy(int x, int y, int width, int height) const {
    const int left = std::max(x, 0);
    const int top = std::max(y, 0);
    const int right = int(std::min<qint64>(qint64(x) + width, m_width));
    const int bottom = int(std::min<qint64>(qint64(y) + height, m_height));
    Bitmap part;
    if (right <= left || bottom <= top) {
        part.m_nullReason = QStringLiteral("the part %1×%2 at (%3, %4) lies outside the %5×%6 picture")
                                .arg(width)
                                .arg(height)
                                .arg(x)
                                .arg(y)
                                .arg(m_width)
                                .arg(m_height);
        return part;
    }
    if (left == 0 && top == 0 && right == m_width && bottom == m_height)
        return *this;
    part = Bitmap(right - left, bottom - top, qint64(right - left) * (bottom - top));
    for (int row = top; row < bottom; ++row)
        std::memcpy(part.scanLine(row - top), constScanLine(row) + left, std::size_t(right - left) * 4);
    return part;
}

bool Bitmap::operator==(const Bitmap& other) const {
    if (m_width != other.m_width || m_height != other.m_height)
        return false;
    if (sharesPixelsWith(other) || m_pixels == other.m_pixels)
        return true;
    const Rgb* mine = reinterpret_cast<const Rgb*>(m_pixels.constData());
    const Rgb* theirs = reinterpret_cast<const Rgb*>(other.m_pixels.constData());
    for (qint64 i = 0; i < pixelCount(); ++i) {
        if (((mine[i] ^ theirs[i]) & 0x00ffffffu) != 0)
            return false;
    }
    return true;
}

bool Bitmap::sharesPixelsWith(const Bitmap& other) const {
    return !isNull() && m_pixels.constData() == other.m_pixels.constData();
}

} // namespace avld
