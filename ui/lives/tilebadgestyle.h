#pragma once

#include "session/livetile.h"

#include <QColor>

namespace avld {

// A badge is a filled pill with its own text colour, so it reads the same on light and dark palettes.
struct TileBadgeStyle {
    QColor fill;
    QColor text;
};

TileBadgeStyle tileBadgeStyle(TileBadge badge);
// "stale 3 min" for a Stale tile whose picture age is known, else tileBadgeText().
QString tileBadgeLabel(TileBadge badge, qint64 siteImageAgeMs);
// "45 s", "3 min", "2 h".
QString shortAge(qint64 ms);

} // namespace avld
