#pragma once

#include "diagnosis/uptimechart.h"

#include <QImage>

namespace avld {

// The chart drawn with QPainter, for the PDF (its QTextDocument takes pictures, not SVG): the same picture as
// uptimeChartSvg from the same layout. Needs a QGuiApplication (fonts).
QImage paintUptimeChart(const UptimeChart& chart);

} // namespace avld
