#pragma once

#include <QColor>
#include <QPalette>

namespace avld {

// The text colour of a log level, derived from the palette so it stays readable on light and dark themes:
// debug is muted, info is plain text (invalid colour: the view's default), warnings amber, errors red.
QColor levelColor(QtMsgType level, const QPalette& palette);

} // namespace avld
