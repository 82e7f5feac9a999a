#pragma once

#include <QChartView>
#include <QList>

class QLineSeries;
class QValueAxis;

namespace avld {

// p50 and p99 of the stand-in's answer time, one point a second, over the last two minutes.
class LatencyChartView : public QChartView {
    Q_OBJECT
public:
    static constexpr int WindowSeconds = 120;

    explicit LatencyChartView(QWidget* parent = nullptr);

    // One second's percentiles, in ms, at `atMs` (any monotonic clock); seconds without requests (-1) show
    // as gaps in the points.
    void addSample(qint64 atMs, double p50Ms, double p99Ms);
    void clearSamples();
    int pointCount() const;

private:
    struct Point {
        qint64 atMs;
        double p50Ms;
        double p99Ms;
    };
    void redraw();

    QList<Point> m_points;
    qint64 m_nowMs = 0;
    QLineSeries* m_p50;
    QLineSeries* m_p99;
    QValueAxis* m_x;
    QValueAxis* m_y;
};

} // namespace avld
