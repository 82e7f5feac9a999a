#include "latencychartview.h"

#include "palettecolours.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace avld {

namespace {

// 10, 20, 50, 100, 200, 500, … above `value`.
double niceCeiling(double value) {
    double step = 10;
    while (true) {
        for (const double factor : {1.0, 2.0, 5.0})
            if (step * factor >= value)
                return step * factor;
        step *= 10;
    }
}

} // namespace

LatencyChartView::LatencyChartView(QWidget* parent)
    : QChartView(parent)
    , m_p50(new QLineSeries)
    , m_p99(new QLineSeries)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis) {
    setObjectName(QStringLiteral("latencyChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    auto* chart = new QChart;
    applyPaletteToChart(chart, palette());
    chart->setTitle(tr("Answer time (ms), last 2 min"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_p50->setName(tr("p50"));
    m_p99->setName(tr("p99"));
    m_p50->setPointsVisible(true);
    m_p99->setPointsVisible(true);
    chart->addSeries(m_p50);
    chart->addSeries(m_p99);
    m_x->setRange(-WindowSeconds, 0);
    // Few, short labels: the chart shares a 1024 px window with the settings and the counters.
    m_x->setTickCount(4);
    m_x->setTruncateLabels(false); // "-12…" otherwise, at the narrow width the page allows
    m_y->setTruncateLabels(false);
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_y->setRange(0, 10);
    m_y->setTickCount(6);
    m_y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries* series : {m_p50, m_p99}) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    setChart(chart);
}

void LatencyChartView::addSample(qint64 atMs, double p50Ms, double p99Ms) {
    m_nowMs = atMs;
    if (p50Ms >= 0 && p99Ms >= 0)
        m_points.append({atMs, p50Ms, p99Ms});
    while (!m_points.isEmpty() && m_points.first().atMs < atMs - WindowSeconds * 1000)
        m_points.removeFirst();
    redraw();
}

void LatencyChartView::clearSamples() {
    m_points.clear();
    redraw();
}

int LatencyChartView::pointCount() const {
    return int(m_p99->count());
}

void LatencyChartView::redraw() {
    QList<QPointF> p50, p99;
    double highest = 0;
    for (const Point& point : std::as_const(m_points)) {
        const double x = double(point.atMs - m_nowMs) / 1000.0;
        p50.append({x, point.p50Ms});
        p99.append({x, point.p99Ms});
        highest = std::max(highest, point.p99Ms);
    }
    m_p50->replace(p50);
    m_p99->replace(p99);
    m_y->setRange(0, niceCeiling(highest * 1.1));
}

} // namespace avld
