#pragma once

#include <QCache>
#include <QImage>
#include <QPixmap>

namespace avld {

// Scaled pixmaps of tile pictures, keyed by the image's cacheKey and the size drawn, so a repaint of the
// grid only blits: scaling happens once per picture and tile size.
//
// A refresh brings new pictures for every visible tile at once, and smooth scaling them all in one paint
// stalls the event loop (~1 ms each, two per tile). So a picture not seen before is drawn first from a quick
// nearest-pixel scale (a draft) and queued; refine() replaces drafts with smooth scales a few at a time,
// between events.
class TilePixmapCache {
public:
    static constexpr qsizetype kMaxDrafts = 512;

    explicit TilePixmapCache(qsizetype maxKilobytes = 64 * 1024);

    // `image` fitted into `box` (aspect kept) at `devicePixelRatio`; null for a null image.
    QPixmap pixmap(const QImage& image, QSize box, qreal devicePixelRatio);
    qsizetype count() const { return m_cache.count(); }
    void clear() {
        m_cache.clear();
        m_drafts.clear();
    }

    // Smooth-scales queued drafts for up to `budgetMs`; true when some were replaced (repaint then).
    bool refine(int budgetMs);
    bool hasDrafts() const { return !m_drafts.isEmpty(); }

private:
    struct Key {
        qint64 imageKey = 0;
        QSize size;
        bool operator==(const Key&) const = default;
    };
    friend size_t qHash(const Key& key, size_t seed) {
        return qHashMulti(seed, key.imageKey, key.size.width(), key.size.height());
    }

    struct Draft {
        Key key;
        QImage image;
        qreal devicePixelRatio = 1;
    };

    QCache<Key, QPixmap> m_cache;
    QList<Draft> m_drafts; // newest last: the tiles painted last are on screen now
};

} // namespace avld
