#pragma once

#include "site/liveentry.h"

#include <QColor>

namespace avld {

// The accent of a verdict (banners, badges), readable on light and dark palettes alike.
QColor severityColour(Severity severity);

} // namespace avld
