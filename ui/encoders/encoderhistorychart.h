#pragma once

#include "encoders/encoderseries.h"

#include <QChartView>

class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace avld {

// One encoder's history over a window: mean latency of the reachability request (line, left axis, ms),
// mean getImage time when a live was asked for (dashed line), and the share of healthy probes (area, right
// axis, %) over that of failed ones (red). Gaps without probes stay empty.
class EncoderHistoryChart : public QChartView {
    Q_OBJECT
public:
    explicit EncoderHistoryChart(QWidget* parent = nullptr);

    void setSeries(const EncoderSeries& series);
    // Empties the chart and says why ("Select an encoder", "No probes in the last 24 h").
    void clear(const QString& message);

    int pointCount() const { return m_pointCount; }
    const EncoderSeries& series() const { return m_series; }

private:
    void setAxes(const EncoderSeries& series, qint64 maxLatencyMs);

    QLineSeries* m_latency;
    QLineSeries* m_imageLatency;
    QLineSeries* m_successUpper;
    QAreaSeries* m_success;
    QLineSeries* m_failedUpper;
    QAreaSeries* m_failed;
    QDateTimeAxis* m_time;
    QValueAxis* m_ms;
    QValueAxis* m_percent;
    EncoderSeries m_series;
    int m_pointCount = 0;
};

} // namespace avld
