#pragma once

#include "encoders/encoderseries.h"

#include <QImage>

namespace avld {

// A strip chart of one encoder's history for reports: one bar per bucket, coloured by the share of healthy
// probes (green all, amber some, red none), grey where nothing was probed, with the span's ends and its
// uptime written under it. Drawn with QPainter so that the HTML and the PDF show the same picture. Needs a
// QGuiApplication (fonts).
QImage drawUptimeChart(const EncoderHistorySpan& span, const QString& title, QSize size = {640, 110});

} // namespace avld
