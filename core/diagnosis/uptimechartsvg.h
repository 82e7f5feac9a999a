#pragma once

#include "uptimechart.h"

#include <QByteArray>

namespace avld {

// The chart as a standalone SVG document (UTF-8), without Qt Gui: the HTML report embeds it. Its texts are
// escaped for XML, and characters XML cannot hold (controls, lone surrogates) become U+FFFD, so a hostile
// encoder title can neither break the document nor add markup to it.
QByteArray uptimeChartSvg(const UptimeChart& chart);

// `text` fit for an XML text node or a quoted attribute value.
QString xmlEscaped(const QString& text);

} // namespace avld
