#pragma once

#include "tilepixmapcache.h"
#include "tileviewmode.h"

#include <QStyledItemDelegate>
#include <QTimer>

namespace avld {

class TilePreview;

// Paints one live as a tile: the site's thumbnail beside our own frame (or one of them), a badge, title,
// user, viewers, bitrate and the assessment, from cached pixmaps. No widgets per tile.
class LiveTileDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit LiveTileDelegate(QObject* parent = nullptr);

    int tileWidth() const { return m_tileWidth; }
    void setTileWidth(int width);
    TileViewMode mode() const { return m_mode; }
    void setMode(TileViewMode mode);
    QSize tileSize(const QFont& font) const;
    const TilePixmapCache& pixmapCache() const { return m_pixmaps; }
    // The animated preview to draw in its tile (not owned); null for none.
    void setPreview(TilePreview* preview) { m_preview = preview; }
    // Where a tile at `rect` plays its preview: over our frame, or the whole picture in site-only mode.
    QRect previewRect(const QRect& rect, const QFont& font) const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

Q_SIGNALS:
    // Drafts of some pictures were replaced by their smooth scales: the view should repaint.
    void picturesRefined();

private:
    // Where a tile's tooltip goes (global): under the tile, or above it near the window's bottom.
    static QPoint tooltipPosition(const QAbstractItemView* view, const QModelIndex& index,
                                  const QString& text);

    struct Layout;
    Layout layoutFor(const QRect& rect, const QFont& font) const;
    void paintPicture(QPainter* painter, const QStyleOptionViewItem& option, const QRect& slot,
                      const QImage& image, const QString& caption, const QString& missing) const;
    void paintPreview(QPainter* painter, const QStyleOptionViewItem& option, const QRect& slot) const;
    bool previewShownFor(const QModelIndex& index) const;
    int paintBadge(QPainter* painter, const QRect& row, const QFont& font, const QModelIndex& index) const;

    int m_tileWidth = 360;
    TileViewMode m_mode = TileViewMode::SideBySide;
    mutable TilePixmapCache m_pixmaps;
    mutable QTimer m_refine; // smooth-scales drafts between events, a few milliseconds at a time
    TilePreview* m_preview = nullptr;
};

} // namespace avld
