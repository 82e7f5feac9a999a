#pragma once

#include "bitmapcodec.h"

namespace avld {

Result<Bitmap> decodeJpeg(const QByteArray& bytes, const DecodeLimits& limits);

} // namespace avld
