#include "uptimechart.h"

#include "diagnosistext.h"

#include <algorithm>

namespace avld {

namespace {

constexpr int kTextHeight = 16;
constexpr Rgb kTitleColour = rgb(0, 0, 0);
constexpr Rgb kAxisColour = rgb(0x55, 0x55, 0x55);

QString uptimeText(const UptimeStats& uptime) {
    return uptime.uptimePercent < 0 ? DiagnosisText::tr("no probes")
                                    : DiagnosisText::tr("%1 % healthy of %2 probes")
                                          .arg(uptime.uptimePercent, 0, 'f', 1)
                                          .arg(uptime.probes);
}

} // namespace

Rgb uptimeShareColour(double share) {
    if (share >= 0.999)
        return UptimeChart::kAllHealthy;
    if (share <= 0.001)
        return UptimeChart::kNoneHealthy;
    return UptimeChart::kSomeHealthy;
}

UptimeChart layOutUptimeChart(const EncoderHistorySpan& span, const QString& title, QSize size) {
    UptimeChart chart;
    chart.size = size;
    chart.plot = QRect(0, kTextHeight + 2, size.width(), size.height() - 2 * kTextHeight - 6);
    const QRect top(0, 0, size.width(), kTextHeight);
    chart.texts.append({top, UptimeChart::Anchor::Left, title, kTitleColour});
    chart.texts.append({top, UptimeChart::Anchor::Right, uptimeText(span.uptime), kTitleColour});

    const QRect& plot = chart.plot;
    const qint64 spanMs = span.from.msecsTo(span.to);
    if (spanMs > 0) {
        for (const HistoryPoint& p : span.points) {
            if (p.probes <= 0)
                continue;
            const double x0 = double(span.from.msecsTo(p.start)) / double(spanMs);
            const double x1 = double(span.from.msecsTo(p.start.addMSecs(p.widthMs))) / double(spanMs);
            const int left = plot.left() + int(std::max(0.0, x0) * plot.width());
            const int right = plot.left() + int(std::min(1.0, x1) * plot.width());
            chart.bars.append({QRect(left, plot.top(), std::max(1, right - left), plot.height()),
                               uptimeShareColour(p.healthyShare)});
        }
    }

    const QRect axis(0, size.height() - kTextHeight, size.width(), kTextHeight);
    const QString format =
        spanMs > 2LL * 24 * 3600 * 1000 ? QStringLiteral("d MMM") : QStringLiteral("d MMM HH:mm");
    chart.texts.append(
        {axis, UptimeChart::Anchor::Left, span.from.toLocalTime().toString(format), kAxisColour});
    chart.texts.append(
        {axis, UptimeChart::Anchor::Right, span.to.toLocalTime().toString(format), kAxisColour});
    return chart;
}

} // namespace avld
