#include "tilepixmapcache.h"

namespace avld {

TilePixmapCache::TilePixmapCache(qsizetype maxKilobytes)
    : m_cache(maxKilobytes) {}

QPixmap TilePixmapCache::pixmap(const QImage& image, QSize box, qreal devicePixelRatio) {
    if (image.isNull() || box.isEmpty())
        return {};
    const QSize device =
        (image.size().scaled(box, Qt::KeepAspectRatio) * devicePixelRatio).expandedTo({1, 1});
    const Key key{image.cacheKey(), device};
    if (const QPixmap* cached = m_cache.object(key))
        return *cached;
    auto* pixmap = new QPixmap(
        QPixmap::fromImage(image.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)));
    pixmap->setDevicePixelRatio(devicePixelRatio);
    const QPixmap result = *pixmap;
    const qsizetype kilobytes = qMax<qsizetype>(1, qsizetype(device.width()) * device.height() * 4 / 1024);
    m_cache.insert(key, pixmap, kilobytes);
    return result;
}

} // namespace avld
