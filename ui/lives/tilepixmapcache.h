#pragma once

#include <QCache>
#include <QImage>
#include <QPixmap>

namespace avld {

// Scaled pixmaps of tile pictures, keyed by the image's cacheKey and the size drawn, so a repaint of the
// grid only blits: scaling happens once per picture and tile size.
class TilePixmapCache {
public:
    explicit TilePixmapCache(qsizetype maxKilobytes = 64 * 1024);

    // `image` fitted into `box` (aspect kept) at `devicePixelRatio`; null for a null image.
    QPixmap pixmap(const QImage& image, QSize box, qreal devicePixelRatio);
    qsizetype count() const { return m_cache.count(); }
    void clear() { m_cache.clear(); }

private:
    struct Key {
        qint64 imageKey = 0;
        QSize size;
        bool operator==(const Key&) const = default;
    };
    friend size_t qHash(const Key& key, size_t seed) {
        return qHashMulti(seed, key.imageKey, key.size.width(), key.size.height());
    }

    QCache<Key, QPixmap> m_cache;
};

} // namespace avld
