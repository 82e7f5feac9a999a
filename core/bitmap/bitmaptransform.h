#pragma once

#include "bitmap.h"

namespace avld {

// A quarter turn clockwise, pixel for pixel, as QImage::transformed(QTransform().rotate(degrees)) does for
// multiples of 90: degrees is 90, 180 or 270 (any other angle, 0 included, returns the source as it is).
Bitmap rotatedClockwise(const Bitmap& source, int degrees);

// Nearest-neighbour scaling, the pixels of QImage::scaled(Qt::FastTransformation): each target pixel takes
// the source pixel under its centre. Much cheaper than scaled() and blocky; for pictures a view scales again.
// A null bitmap (with its reason) when the source is null or the size is refused.
Bitmap scaledFast(const Bitmap& source, int width, int height, qint64 maxPixels = Bitmap::kDefaultMaxPixels);

} // namespace avld
