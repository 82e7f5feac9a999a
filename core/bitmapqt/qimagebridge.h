#pragma once

#include "bitmap/bitmap.h"

#include <QImage>

namespace avld {

// Bitmap and QImage::Format_RGB32 share one pixel layout. toQImage() copies nothing: the QImage keeps the
// bitmap's pixels alive and copies them only if it is written to.
QImage toQImage(const Bitmap& bitmap);
// Any format, converted to RGB32 first by Qt (which drops straight alpha and keeps premultiplied colours).
Bitmap fromQImage(const QImage& image, qint64 maxPixels = Bitmap::kDefaultMaxPixels);

} // namespace avld
