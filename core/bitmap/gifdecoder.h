#pragma once

#include "bitmapcodec.h"

namespace avld {

// The first frame of a GIF, on its logical screen.
Result<Bitmap> decodeGif(const QByteArray& bytes, const DecodeLimits& limits);

} // namespace avld
