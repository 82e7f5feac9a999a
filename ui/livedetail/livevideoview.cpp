#include "livevideoview.h"

#include "bitmapqt/qimagebridge.h"

#include <QPainter>

namespace avld {

LiveVideoView::LiveVideoView(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LiveVideoView::showFrame(const GrabbedFrame& frame) {
    m_frame = frame;
    m_message.clear();
    update();
}

void LiveVideoView::setMessage(const QString& message) {
    m_message = message;
    update();
}

void LiveVideoView::clear(const QString& message) {
    m_frame = {};
    setMessage(message);
}

QRect LiveVideoView::pictureRect() const {
    if (m_frame.isNull())
        return {};
    const QSize shown = m_frame.displaySize().scaled(size(), Qt::KeepAspectRatio);
    QRect area(QPoint(), shown);
    area.moveCenter(rect().center());
    return area;
}

void LiveVideoView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const QRect area = pictureRect();
    if (!area.isEmpty()) {
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.translate(QRectF(area).center());
        painter.rotate(m_frame.rotationDegrees);
        const bool sideways = m_frame.rotationDegrees == 90 || m_frame.rotationDegrees == 270;
        const QSizeF drawn = sideways ? QSizeF(area.height(), area.width()) : QSizeF(area.size());
        painter.drawImage(QRectF(QPointF(-drawn.width() / 2, -drawn.height() / 2), drawn),
                          toQImage(m_frame.image));
        painter.restore();
    }
    if (m_message.isEmpty())
        return;
    // Over a picture, on a dark band at the bottom; alone, in the middle.
    QRect band = rect().adjusted(8, 8, -8, -8);
    const int lines = fontMetrics().boundingRect(band, Qt::TextWordWrap, m_message).height();
    if (!area.isEmpty()) {
        band.setTop(band.bottom() - lines - 8);
        painter.fillRect(band.adjusted(-8, -4, 8, 8), QColor(0, 0, 0, 170));
    }
    painter.setPen(QColor(230, 230, 230));
    painter.drawText(band, Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

} // namespace avld
