#include "uptimechartpainter.h"

#include <QPainter>

namespace avld {

QImage paintUptimeChart(const UptimeChart& chart) {
    QImage image(chart.size, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(UptimeChart::kBackground));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    QFont font = painter.font();
    font.setPixelSize(UptimeChart::kTextPixelSize);
    painter.setFont(font);
    painter.fillRect(chart.plot, QColor::fromRgb(UptimeChart::kNotProbed));
    for (const UptimeChart::Bar& bar : chart.bars)
        painter.fillRect(bar.rect, QColor::fromRgb(bar.colour));
    for (const UptimeChart::Text& text : chart.texts) {
        painter.setPen(QColor::fromRgb(text.colour));
        const Qt::Alignment side = text.anchor == UptimeChart::Anchor::Left ? Qt::AlignLeft : Qt::AlignRight;
        painter.drawText(text.box, side | Qt::AlignVCenter, text.text);
    }
    return image;
}

} // namespace avld
