#pragma once

// Synthetic Lives tiles for the GUI test and the benchmark: drawn "real" frames and AVideo's cards.

#include "session/livetile.h"

#include <QColor>
#include <QImage>

namespace avld::test {

// A picture that looks like a video frame: a gradient, shapes and a caption; `seed` varies it.
QImage drawnFrame(QSize size, int seed, const QString& caption);
// AVideo's ONLINE or OFFLINE card: the reference picture when `referenceDir` holds it, else drawn.
QImage cardImage(ThumbnailClass cls, const QString& referenceDir);
LiveTile makeTile(int number, TileBadge badge, const QString& referenceDir = {});

} // namespace avld::test
