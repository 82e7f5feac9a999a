#include "focusringstyle.h"

#include <QPainter>
#include <QStyleOption>

namespace avld {

namespace {

void drawRing(const QRect& area, const QPalette& palette, QPainter* painter) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen pen(palette.color(QPalette::Highlight), FocusRingStyle::RingWidth);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const qreal inset = FocusRingStyle::RingWidth / 2.0;
    painter->drawRoundedRect(QRectF(area).adjusted(inset, inset, -inset, -inset), 3, 3);
    painter->restore();
}

} // namespace

FocusRingStyle::FocusRingStyle(QStyle* base)
    : QProxyStyle(base) {}

void FocusRingStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                   const QWidget* widget) const {
    if (element == PE_FrameFocusRect) {
        drawRing(option->rect, option->palette, painter);
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

void FocusRingStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                                 const QWidget* widget) const {
    QProxyStyle::drawControl(element, option, painter, widget);
    // Fusion marks a focused push button only by a slightly different outline: draw the ring over it.
    if (element == CE_PushButton && (option->state & State_HasFocus) && (option->state & State_Enabled))
        drawRing(option->rect, option->palette, painter);
}

} // namespace avld
