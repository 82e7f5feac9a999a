#pragma once

#include "bitmap.h"

namespace avld {

// Smooth scaling through FFmpeg's swscale, comparable to QImage::scaled(Qt::SmoothTransformation): area
// averaging when shrinking, bicubic when enlarging. A null bitmap (with its reason) when the source is null
// or the size is refused.
Bitmap scaled(const Bitmap& source, int width, int height, qint64 maxPixels = Bitmap::kDefaultMaxPixels);
// To width pixels wide, keeping the aspect ratio (at least one pixel high).
Bitmap scaledToWidth(const Bitmap& source, int width, qint64 maxPixels = Bitmap::kDefaultMaxPixels);

} // namespace avld
