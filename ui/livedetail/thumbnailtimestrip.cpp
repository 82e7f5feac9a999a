#include "thumbnailtimestrip.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace avld {

namespace {

constexpr int kTickHeight = 6;
constexpr int kGap = 4;

int thumbHeight() {
    return ThumbnailTimeStrip::kThumbWidth * 9 / 16;
}

} // namespace

ThumbnailTimeStrip::ThumbnailTimeStrip(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("thumbnailStrip"));
    setFixedHeight(kTickHeight + kGap + thumbHeight() + kGap + fontMetrics().height() + kGap);
}

void ThumbnailTimeStrip::setThumbnails(const QList<Thumbnail>& thumbnails) {
    m_thumbnails = thumbnails;
    m_pixmaps.clear();
    const qreal ratio = devicePixelRatioF();
    for (const Thumbnail& thumbnail : m_thumbnails) {
        QPixmap pixmap = QPixmap::fromImage(thumbnail.image.scaled(
            QSize(kThumbWidth, thumbHeight()) * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(ratio);
        m_pixmaps.append(pixmap);
    }
    layOut();
}

void ThumbnailTimeStrip::setAxis(const QDateTime& from, const QDateTime& to, int left, int right) {
    m_from = from;
    m_to = to;
    m_left = left;
    m_right = right;
    layOut();
}

int ThumbnailTimeStrip::xOf(const QDateTime& at) const {
    const qint64 span = m_from.msecsTo(m_to);
    if (span <= 0)
        return m_right;
    return m_left + int(double(m_from.msecsTo(at)) / double(span) * (m_right - m_left));
}

void ThumbnailTimeStrip::layOut() {
    m_placed.clear();
    const int top = kTickHeight + kGap;
    int limit = width() + kGap; // the left edge of the picture placed before (to the right), plus the gap
    for (qsizetype i = m_thumbnails.size() - 1; i >= 0; --i) {
        if (m_pixmaps.at(i).isNull() || !m_from.isValid())
            continue;
        const int centre = xOf(m_thumbnails.at(i).at);
        const int left = qBound(0, centre - kThumbWidth / 2, qMax(0, width() - kThumbWidth));
        if (left + kThumbWidth + kGap > limit)
            continue; // the newer picture is there
        m_placed.prepend({int(i), centre, QRect(left, top, kThumbWidth, thumbHeight())});
        limit = left;
    }
    update();
}

QList<QPair<QDateTime, int>> ThumbnailTimeStrip::placed() const {
    QList<QPair<QDateTime, int>> out;
    for (const Placed& placed : m_placed)
        out.append({m_thumbnails.at(placed.index).at, placed.centre});
    return out;
}

void ThumbnailTimeStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QColor tick = palette().color(QPalette::WindowText);
    for (const Placed& placed : m_placed) {
        painter.setPen(tick);
        painter.drawLine(placed.centre, 0, placed.centre, kTickHeight);
        const QPixmap& pixmap = m_pixmaps.at(placed.index);
        const QSize size = pixmap.deviceIndependentSize().toSize();
        const QRect target(placed.box.center().x() - size.width() / 2, placed.box.top(), size.width(),
                           size.height());
        painter.drawPixmap(target, pixmap);
        const QRect caption(placed.box.left(), placed.box.bottom() + kGap, placed.box.width(),
                            fontMetrics().height());
        painter.drawText(caption, Qt::AlignHCenter | Qt::AlignTop,
                         m_thumbnails.at(placed.index).at.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    }
}

bool ThumbnailTimeStrip::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (const Placed& placed : m_placed) {
            if (placed.box.contains(help->pos())) {
                QToolTip::showText(help->globalPos(), m_thumbnails.at(placed.index).note, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void ThumbnailTimeStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layOut();
}

} // namespace avld
