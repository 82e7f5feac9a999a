#include "encoderhistorychart.h"

#include "encodercelltext.h"
#include "encoderstatestyle.h"
#include "palettecolours.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace avld {

namespace {

// One flat step per bucket; between buckets that do not touch the area drops to zero, so no area spans a
// time without probes.
void appendStep(QList<QPointF>& upper, const HistoryPoint& p, qreal value) {
    const qreal start = qreal(p.start.toMSecsSinceEpoch());
    if (!upper.isEmpty() && upper.last().x() < start) {
        upper.append({upper.last().x(), 0});
        upper.append({start, 0});
    }
    upper.append({start, value});
    upper.append({start + qreal(p.widthMs), value});
}

} // namespace

EncoderHistoryChart::EncoderHistoryChart(QWidget* parent)
    : QChartView(parent)
    , m_latency(new QLineSeries)
    , m_imageLatency(new QLineSeries)
    , m_successUpper(new QLineSeries)
    , m_success(new QAreaSeries(m_successUpper))
    , m_failedUpper(new QLineSeries)
    , m_failed(new QAreaSeries(m_failedUpper))
    , m_time(new QDateTimeAxis)
    , m_ms(new QValueAxis)
    , m_percent(new QValueAxis) {
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    applyPaletteToChart(chart, palette());
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundRoundness(0);

    m_success->setName(tr("healthy probes %"));
    QColor fill = encoderStateColor(EncoderState::Online);
    fill.setAlpha(60);
    m_success->setBrush(fill);
    m_success->setPen(QPen(encoderStateColor(EncoderState::Online), 1));
    m_failed->setName(tr("failed probes %"));
    QColor red = encoderStateColor(EncoderState::Offline);
    m_failed->setPen(Qt::NoPen); // an outline would draw a red line along 0 % when nothing failed
    red.setAlpha(70);
    m_failed->setBrush(red);
    m_latency->setName(tr("latency ms"));
    m_latency->setPen(QPen(QColor(0x2b, 0x5f, 0xb3), 2));
    m_imageLatency->setName(tr("getImage ms"));
    m_imageLatency->setPen(QPen(QColor(0x8a, 0x4f, 0xb0), 1.5, Qt::DashLine));
    // A line of one point draws nothing: the first minutes after an encoder is added show dots.
    for (QLineSeries* line : {m_latency, m_imageLatency}) {
        line->setPointsVisible(true);
        line->setMarkerSize(5);
    }

    chart->addSeries(m_success);
    chart->addSeries(m_failed);
    chart->addSeries(m_latency);
    chart->addSeries(m_imageLatency);
    m_time->setTickCount(7);
    // QtCharts cuts a label that touches its neighbour's room ("1…" for 100): show them whole.
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_time), static_cast<QAbstractAxis*>(m_ms),
                                static_cast<QAbstractAxis*>(m_percent)})
        axis->setTruncateLabels(false);
    m_ms->setTitleText(QStringLiteral("ms"));
    m_ms->setLabelFormat(QStringLiteral("%d"));
    m_percent->setRange(0, 100);
    m_percent->setTitleText(tr("healthy %"));
    m_percent->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_ms, Qt::AlignLeft);
    chart->addAxis(m_percent, Qt::AlignRight);
    for (QAbstractSeries* s :
         {static_cast<QAbstractSeries*>(m_latency), static_cast<QAbstractSeries*>(m_imageLatency)}) {
        s->attachAxis(m_time);
        s->attachAxis(m_ms);
    }
    for (QAreaSeries* area : {m_success, m_failed}) {
        area->attachAxis(m_time);
        area->attachAxis(m_percent);
    }
    setChart(chart);
    setMinimumHeight(200);
    clear(tr("Select an encoder to see its history"));
}

void EncoderHistoryChart::clear(const QString& message) {
    m_series = {};
    m_pointCount = 0;
    m_latency->clear();
    m_imageLatency->clear();
    m_successUpper->clear();
    m_failedUpper->clear();
    chart()->setTitle(message);
    const QDateTime now = QDateTime::currentDateTime();
    m_time->setRange(now.addSecs(-3600), now);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_ms->setRange(0, 100);
}

void EncoderHistoryChart::setSeries(const EncoderSeries& series) {
    m_series = series;
    m_pointCount = int(series.points.size());
    QList<QPointF> latency;
    QList<QPointF> image;
    QList<QPointF> success;
    QList<QPointF> failed;
    qint64 maxMs = 0;
    for (const HistoryPoint& p : series.points) {
        const qreal middle = qreal(p.start.toMSecsSinceEpoch() + p.widthMs / 2);
        // A refused connection "answers" in a millisecond: latency means something only when some worked.
        if (p.meanTotalMs >= 0 && p.failed < p.probes) {
            latency.append({middle, qreal(p.meanTotalMs)});
            maxMs = std::max(maxMs, p.meanTotalMs);
        }
        if (p.meanFunctionalMs >= 0) {
            image.append({middle, qreal(p.meanFunctionalMs)});
            maxMs = std::max(maxMs, p.meanFunctionalMs);
        }
        appendStep(success, p, p.healthyShare * 100.0);
        appendStep(failed, p, p.probes > 0 ? 100.0 * p.failed / p.probes : 0.0);
    }
    m_latency->replace(latency);
    m_imageLatency->replace(image);
    m_successUpper->replace(success);
    m_failedUpper->replace(failed);
    m_imageLatency->setVisible(!image.isEmpty());
    chart()->setTitle(series.points.isEmpty()
                          ? tr("No probes in the last %1").arg(historyWindowText(series.window))
                          : QString());
    setAxes(series, maxMs);
}

void EncoderHistoryChart::setAxes(const EncoderSeries& series, qint64 maxLatencyMs) {
    m_time->setRange(series.from.toLocalTime(), series.to.toLocalTime());
    m_time->setFormat(series.window == HistoryWindow::LastWeek ? QStringLiteral("ddd HH:mm")
                                                               : QStringLiteral("HH:mm"));
    // A round top a little above the highest mean.
    qint64 top = 100;
    while (top < maxLatencyMs * 11 / 10)
        top = top < 1000 ? top + 100 : top + 1000;
    m_ms->setRange(0, qreal(top));
}

} // namespace avld
