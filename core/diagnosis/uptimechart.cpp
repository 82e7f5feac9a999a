#include "uptimechart.h"

#include "diagnosistext.h"

#include <QPainter>

namespace avld {

namespace {

QColor shareColour(double share) {
    if (share >= 0.999)
        return QColor(0x2e, 0x9d, 0x4f);
    if (share <= 0.001)
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0xe0, 0x9b, 0x1a);
}

} // namespace

QImage drawUptimeChart(const EncoderHistorySpan& span, const QString& title, QSize size) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    const int textHeight = 16;
    const QRect plot(0, textHeight + 2, size.width(), size.height() - 2 * textHeight - 6);

    const QString uptime = span.uptime.uptimePercent < 0 ? DiagnosisText::tr("no probes")
                                                         : DiagnosisText::tr("%1 % healthy of %2 probes")
                                                               .arg(span.uptime.uptimePercent, 0, 'f', 1)
                                                               .arg(span.uptime.probes);
    painter.setPen(Qt::black);
    painter.drawText(QRect(0, 0, size.width(), textHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.drawText(QRect(0, 0, size.width(), textHeight), Qt::AlignRight | Qt::AlignVCenter, uptime);
    painter.fillRect(plot, QColor(0xee, 0xee, 0xee));

    const qint64 spanMs = span.from.msecsTo(span.to);
    if (spanMs > 0) {
        for (const HistoryPoint& p : span.points) {
            if (p.probes <= 0)
                continue;
            const double x0 = double(span.from.msecsTo(p.start)) / double(spanMs);
            const double x1 = double(span.from.msecsTo(p.start.addMSecs(p.widthMs))) / double(spanMs);
            const int left = plot.left() + int(std::max(0.0, x0) * plot.width());
            const int right = plot.left() + int(std::min(1.0, x1) * plot.width());
            painter.fillRect(QRect(left, plot.top(), std::max(1, right - left), plot.height()),
                             shareColour(p.healthyShare));
        }
    }
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QRect axis(0, size.height() - textHeight, size.width(), textHeight);
    const QString format =
        spanMs > 2LL * 24 * 3600 * 1000 ? QStringLiteral("d MMM") : QStringLiteral("d MMM HH:mm");
    painter.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, span.from.toLocalTime().toString(format));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, span.to.toLocalTime().toString(format));
    return image;
}

} // namespace avld
