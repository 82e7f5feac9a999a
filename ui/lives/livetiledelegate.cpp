#include "livetiledelegate.h"

#include "livesmodel.h"
#include "tilebadgestyle.h"
#include "tilepicture.h"
#include "tilepreview.h"
#include "tilesound.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace avld {

namespace {

constexpr int kOuter = 3;  // space between neighbouring tiles' cards, inside the item
constexpr int kMargin = 8; // inside the card
constexpr int kGap = 6;
constexpr double kRadius = 6;

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont boldFont(QFont font) {
    font.setBold(true);
    return font;
}

QFont smallFont(QFont font) {
    font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.85 : 8);
    return font;
}

QString bitrateText(qint64 bps) {
    if (bps < 1000000)
        return QStringLiteral("%1 kbit/s").arg(bps / 1000);
    return QStringLiteral("%1 Mbit/s").arg(double(bps) / 1e6, 0, 'f', 1);
}

QString infoLine(const QModelIndex& index) {
    QStringList parts;
    if (const QVariant health = index.data(LivesModel::HealthRole); health.isValid())
        parts << LiveTileDelegate::tr("health %1").arg(health.toInt());
    const QString user = index.data(LivesModel::UserRole).toString();
    if (!user.isEmpty())
        parts << user;
    const int viewers = index.data(LivesModel::ViewersRole).toInt();
    if (viewers >= 0)
        parts << (viewers == 1 ? LiveTileDelegate::tr("1 viewer")
                               : LiveTileDelegate::tr("%1 viewers").arg(viewers));
    const qint64 bitrate = index.data(LivesModel::BitrateRole).toLongLong();
    if (bitrate > 0)
        parts << bitrateText(bitrate);
    const qint64 frameAge = index.data(LivesModel::OurFrameAgeRole).toLongLong();
    if (frameAge >= 0)
        parts << LiveTileDelegate::tr("frame %1 s old").arg(double(frameAge) / 1000, 0, 'f', 1);
    if (const QString picture =
            TilePicture::infoText(index.data(LivesModel::PictureRole).value<LivePicture>());
        !picture.isEmpty())
        parts << picture;
    if (const QString sound = TileSound::infoText(index.data(LivesModel::SoundRole).value<LiveSound>());
        !sound.isEmpty())
        parts << sound;
    return parts.join(QStringLiteral(" · "));
}

QColor severityColor(int severity) {
    switch (Severity(severity)) {
    case Severity::Ok:
        return QColor(0x43, 0xa0, 0x47);
    case Severity::Warning:
        return QColor(0xfb, 0x8c, 0x00);
    case Severity::Critical:
        return QColor(0xe5, 0x39, 0x35);
    case Severity::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

// A small label on a picture: bottom left by default, top right for hints. With `playMark`, a triangle
// before the text says that the picture moves.
void paintCaption(QPainter* painter, const QRect& slot, const QString& caption, const QFont& font,
                  const QColor& fill = QColor(0, 0, 0, 150), Qt::Corner corner = Qt::BottomLeftCorner,
                  bool playMark = false) {
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int mark = playMark ? fm.ascent() * 2 / 3 : 0;
    const int markSpace = playMark ? mark + 4 : 0;
    const QRect text(0, 0, fm.horizontalAdvance(caption) + 8 + markSpace, fm.height() + 2);
    const QRect pill = corner == Qt::TopRightCorner
                           ? text.translated(slot.right() + 1 - text.width() - 4, slot.top() + 4)
                           : text.translated(slot.left() + 4, slot.bottom() - text.height() - 3);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, 3, 3);
    if (playMark) {
        const QPointF top(pill.left() + 5, pill.center().y() - mark / 2.0 + 0.5);
        QPainterPath triangle;
        triangle.moveTo(top);
        triangle.lineTo(top.x() + mark * 0.87, pill.center().y() + 0.5);
        triangle.lineTo(top.x(), top.y() + mark);
        triangle.closeSubpath();
        painter->setBrush(Qt::white);
        painter->drawPath(triangle);
    }
    painter->setPen(Qt::white);
    painter->drawText(pill.adjusted(markSpace, 0, 0, 0), Qt::AlignCenter, caption);
}

} // namespace

struct LiveTileDelegate::Layout {
    QRect card;
    QRect site; // empty when not shown
    QRect ours; // empty when not shown
    QRect titleRow;
    QRect info;
    QRect summary;
};

namespace {
constexpr int kRefineBudgetMs = 8; // per turn of the event loop
} // namespace

LiveTileDelegate::LiveTileDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {
    m_refine.setSingleShot(true);
    m_refine.setInterval(0);
    connect(&m_refine, &QTimer::timeout, this, [this] {
        if (m_pixmaps.refine(kRefineBudgetMs))
            Q_EMIT picturesRefined();
        if (m_pixmaps.hasDrafts())
            m_refine.start();
    });
}

void LiveTileDelegate::setTileWidth(int width) {
    m_tileWidth = qMax(120, width);
}

void LiveTileDelegate::setMode(TileViewMode mode) {
    m_mode = mode;
}

LiveTileDelegate::Layout LiveTileDelegate::layoutFor(const QRect& rect, const QFont& font) const {
    const int line = QFontMetrics(font).height();
    const int titleLine = QFontMetrics(boldFont(font)).height() + 4;
    Layout l;
    l.card = rect.adjusted(kOuter, kOuter, -kOuter, -kOuter);
    const QRect inner = l.card.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    int pictureHeight = 0;
    if (m_mode == TileViewMode::SideBySide) {
        const int w = (inner.width() - kGap) / 2;
        pictureHeight = w * 9 / 16;
        l.site = QRect(inner.left(), inner.top(), w, pictureHeight);
        l.ours = QRect(inner.right() + 1 - w, inner.top(), w, pictureHeight);
    } else {
        pictureHeight = inner.width() * 9 / 16;
        const QRect slot(inner.left(), inner.top(), inner.width(), pictureHeight);
        (m_mode == TileViewMode::SiteOnly ? l.site : l.ours) = slot;
    }
    int y = inner.top() + pictureHeight + kGap;
    l.titleRow = QRect(inner.left(), y, inner.width(), titleLine);
    y += titleLine + 2;
    l.info = QRect(inner.left(), y, inner.width(), line);
    y += line + 2;
    l.summary = QRect(inner.left(), y, inner.width(), line);
    return l;
}

QSize LiveTileDelegate::tileSize(const QFont& font) const {
    const Layout l = layoutFor(QRect(0, 0, m_tileWidth, 10000), font);
    return {m_tileWidth, l.summary.bottom() + 1 + kMargin + kOuter};
}

QSize LiveTileDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return tileSize(option.font);
}

void LiveTileDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    const Layout l = layoutFor(option.rect, option.font);
    const QPalette& palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor highlight = palette.color(QPalette::Highlight);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor border = mix(base, text, 0.2);
    if (selected)
        border = highlight;
    else if (hovered)
        border = mix(border, highlight, 0.6);
    painter->setPen(QPen(border, selected ? 2 : 1));
    painter->setBrush(selected ? mix(base, highlight, 0.12) : base);
    painter->drawRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    // The preview plays over our frame, or over the only picture in site-only mode.
    const bool preview = previewShownFor(index);
    const QRect previewSlot = l.ours.isEmpty() ? l.site : l.ours;
    const bool playing = preview && m_preview->state() == TilePreview::State::Playing;
    if (!l.site.isEmpty() && !(playing && previewSlot == l.site)) {
        QString missing = tr("No picture from the site");
        const QString detail = index.data(LivesModel::SiteDetailRole).toString();
        if (!detail.isEmpty())
            missing += QStringLiteral("\n") + detail;
        paintPicture(painter, option, l.site, index.data(LivesModel::SiteImageRole).value<QImage>(),
                     tr("site"), missing);
    }
    if (!l.ours.isEmpty() && !(playing && previewSlot == l.ours)) {
        const QString error = index.data(LivesModel::OurErrorRole).toString();
        paintPicture(painter, option, l.ours, index.data(LivesModel::OurImageRole).value<QImage>(),
                     tr("ours"), error.isEmpty() ? tr("Not grabbed") : error);
    }
    if (preview)
        paintPreview(painter, option, previewSlot);
    // The sound belongs to the stream: over our frame, or the only picture shown.
    const LiveSound sound = index.data(LivesModel::SoundRole).value<LiveSound>();
    TileSound::paint(painter, previewSlot, option.font, sound);
    // The picture's pill likewise, below the silent one when both show.
    const QRect silentPill = TileSound::silentOverlayRect(previewSlot, option.font, sound);
    TilePicture::paint(painter, previewSlot, option.font,
                       index.data(LivesModel::PictureRole).value<LivePicture>(),
                       silentPill.isEmpty() ? 0 : silentPill.height() + 4);

    const int badgeWidth = paintBadge(painter, l.titleRow, option.font, index);
    const QFont titleFont = boldFont(option.font);
    const QRect title = l.titleRow.adjusted(badgeWidth + 8, 0, 0, 0);
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(index.data(LivesModel::TitleRole).toString(),
                                                         Qt::ElideRight, title.width()));

    painter->setPen(mix(text, base, 0.3));
    painter->setFont(option.font);
    const QFontMetrics fm(option.font);
    painter->drawText(l.info, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(infoLine(index), Qt::ElideRight, l.info.width()));

    const int dot = fm.height() / 2;
    painter->setPen(Qt::NoPen);
    painter->setBrush(severityColor(index.data(LivesModel::SeverityRole).toInt()));
    painter->drawEllipse(QRect(l.summary.left(), l.summary.center().y() - dot / 2, dot, dot));
    const QRect summaryText = l.summary.adjusted(dot + 5, 0, 0, 0);
    QString summary = index.data(LivesModel::SummaryRole).toString();
    if (summary.isEmpty())
        summary = tr("No problem found");
    painter->setPen(text);
    painter->drawText(summaryText, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(summary, Qt::ElideRight, summaryText.width()));
    painter->restore();
}

void LiveTileDelegate::paintPicture(QPainter* painter, const QStyleOptionViewItem& option, const QRect& slot,
                                    const QImage& image, const QString& caption,
                                    const QString& missing) const {
    QPainterPath clip;
    clip.addRoundedRect(QRectF(slot), 3, 3);
    painter->save();
    painter->setClipPath(clip);
    if (image.isNull()) {
        painter->fillRect(slot, option.palette.color(QPalette::AlternateBase));
        painter->setPen(
            mix(option.palette.color(QPalette::Text), option.palette.color(QPalette::Base), 0.25));
        painter->setFont(smallFont(option.font));
        painter->drawText(slot.adjusted(6, 4, -6, -4), Qt::AlignCenter | Qt::TextWordWrap, missing);
    } else {
        painter->fillRect(slot, Qt::black);
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap pixmap = m_pixmaps.pixmap(image, slot.size(), dpr);
        if (m_pixmaps.hasDrafts() && !m_refine.isActive())
            m_refine.start();
        const QSize shown = (QSizeF(pixmap.size()) / pixmap.devicePixelRatio()).toSize();
        painter->drawPixmap(
            QRect(QPoint(), shown).translated(slot.center() - QRect(QPoint(), shown).center()), pixmap);
    }
    paintCaption(painter, slot, caption, smallFont(option.font));
    painter->restore();
}

bool LiveTileDelegate::previewShownFor(const QModelIndex& index) const {
    // Cheap for every other tile: one comparison, and the key is read only while a preview is on.
    return m_preview && m_preview->isActive() &&
           index.data(LivesModel::KeyRole).toString() == m_preview->key();
}

QRect LiveTileDelegate::previewRect(const QRect& rect, const QFont& font) const {
    const Layout l = layoutFor(rect, font);
    return l.ours.isEmpty() ? l.site : l.ours;
}

void LiveTileDelegate::paintPreview(QPainter* painter, const QStyleOptionViewItem& option,
                                    const QRect& slot) const {
    QPainterPath clip;
    clip.addRoundedRect(QRectF(slot), 3, 3);
    painter->save();
    painter->setClipPath(clip);
    const QFont font = smallFont(option.font);
    QColor accent = option.palette.color(QPalette::Highlight);
    switch (m_preview->state()) {
    case TilePreview::State::Playing: {
        painter->fillRect(slot, Qt::black);
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap pixmap = m_preview->framePixmap(slot.size(), dpr);
        const QSize shown = (QSizeF(pixmap.size()) / pixmap.devicePixelRatio()).toSize();
        painter->drawPixmap(
            QRect(QPoint(), shown).translated(slot.center() - QRect(QPoint(), shown).center()), pixmap);
        // Where the loop is: a thin bar along the bottom edge.
        const int frames = m_preview->frameCount();
        if (frames > 1)
            painter->fillRect(QRect(slot.left(), slot.bottom() - 2,
                                    slot.width() * (m_preview->currentFrame() + 1) / frames, 3),
                              accent);
        accent.setAlpha(210);
        paintCaption(painter, slot, tr("preview"), font, accent, Qt::BottomLeftCorner, true);
        break;
    }
    case TilePreview::State::Loading:
        paintCaption(painter, slot, tr("loading preview…"), font, QColor(0, 0, 0, 150), Qt::TopRightCorner);
        break;
    case TilePreview::State::Failed:
        paintCaption(painter, slot, tr("no preview"), font, QColor(0, 0, 0, 120), Qt::TopRightCorner);
        break;
    case TilePreview::State::Idle:
        break;
    }
    painter->restore();
}

bool LiveTileDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                 const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString text = index.data(Qt::ToolTipRole).toString();
    if (previewShownFor(index) && m_preview->state() == TilePreview::State::Failed)
        text += QStringLiteral("\n") + tr("Preview: %1").arg(m_preview->reason());
    if (text.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(tooltipPosition(view, index, text), text, view->viewport(), view->visualRect(index));
    return true;
}

QPoint LiveTileDelegate::tooltipPosition(const QAbstractItemView* view, const QModelIndex& index,
                                         const QString& text) {
    // Beside the picture, never over it (the preview plays there): under the tile, or above it when the
    // window ends first. Qt puts a tooltip's top-left a little below and right of the point it is given.
    const QRect tile = view->visualRect(index);
    const QWidget* viewport = view->viewport();
    const QFontMetrics metrics(QToolTip::font());
    const int height = int(text.count(QLatin1Char('\n')) + 1) * metrics.lineSpacing() + 12;
    const QRect window = view->window()->geometry();
    const QPoint below = viewport->mapToGlobal(tile.bottomLeft());
    if (below.y() + 16 + height <= window.bottom())
        return below;
    return viewport->mapToGlobal(tile.topLeft()) - QPoint(0, 16 + height + 4);
}

int LiveTileDelegate::paintBadge(QPainter* painter, const QRect& row, const QFont& baseFont,
                                 const QModelIndex& index) const {
    const auto badge = TileBadge(index.data(LivesModel::BadgeRole).toInt());
    const QString label = tileBadgeLabel(badge, index.data(LivesModel::SiteImageAgeRole).toLongLong());
    const TileBadgeStyle style = tileBadgeStyle(badge);
    const QFont font = boldFont(smallFont(baseFont));
    const QRect pill(row.left(), row.top() + 1, QFontMetrics(font).horizontalAdvance(label) + 12,
                     row.height() - 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.fill);
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setFont(font);
    painter->setPen(style.text);
    painter->drawText(pill, Qt::AlignCenter, label);
    return pill.width();
}

} // namespace avld
