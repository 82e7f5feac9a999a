#include "tilepixmapcache.h"

#include <QElapsedTimer>

namespace avld {

namespace {
qsizetype kilobytesOf(QSize device) {
    return qMax<qsizetype>(1, qsizetype(device.width()) * device.height() * 4 / 1024);
}
} // namespace

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
    auto* pixmap =
        new QPixmap(QPixmap::fromImage(image.scaled(device, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
    pixmap->setDevicePixelRatio(devicePixelRatio);
    const QPixmap result = *pixmap;
    m_cache.insert(key, pixmap, kilobytesOf(device));
    m_drafts.append({key, image, devicePixelRatio});
    if (m_drafts.size() > kMaxDrafts)
        m_drafts.remove(0, m_drafts.size() - kMaxDrafts); // the oldest are scrolled away or gone
    return result;
}

bool TilePixmapCache::refine(int budgetMs) {
    QElapsedTimer spent;
    spent.start();
    bool replaced = false;
    while (!m_drafts.isEmpty() && spent.elapsed() < budgetMs) {
        const Draft draft = m_drafts.takeLast();
        if (!m_cache.contains(draft.key))
            continue; // evicted, or the cache was cleared: nothing shows it
        auto* pixmap = new QPixmap(QPixmap::fromImage(
            draft.image.scaled(draft.key.size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)));
        pixmap->setDevicePixelRatio(draft.devicePixelRatio);
        m_cache.insert(draft.key, pixmap, kilobytesOf(draft.key.size));
        replaced = true;
    }
    return replaced;
}

} // namespace avld
