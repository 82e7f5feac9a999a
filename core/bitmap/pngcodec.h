#pragma once

#include "bitmapcodec.h"

namespace avld {

Result<Bitmap> decodePng(const QByteArray& bytes, const DecodeLimits& limits);

} // namespace avld
