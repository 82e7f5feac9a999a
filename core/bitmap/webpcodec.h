#pragma once

#include "bitmapcodec.h"

namespace avld {

// A still WebP, or the first frame of an animated one (AVideo serves animated previews).
Result<Bitmap> decodeWebp(const QByteArray& bytes, const DecodeLimits& limits);

} // namespace avld
