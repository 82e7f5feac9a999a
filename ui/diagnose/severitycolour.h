#pragma once

#include "site/liveentry.h"

#include <QColor>
#include <QPalette>

namespace avld {

// The accent of a verdict (banners, badges), readable on light and dark palettes alike.
QColor severityColour(Severity severity);
// A verdict's colour for text on `palette` (light or dark), readable as text must be.
QColor severityTextColour(Severity severity, const QPalette& palette);

} // namespace avld
