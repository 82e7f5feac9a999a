#pragma once

#include "bitmapcodec.h"

namespace avld {

// The first frame of a GIF, on its logical screen, with Qt's colours so that results stay as they were: a
// transparent pixel keeps its palette colour (Qt's conversion to RGB32 drops the alpha), and the screen
// around the frame takes the transparent index's colour, else the background colour of the global palette,
// else black.
Result<Bitmap> decodeGif(const QByteArray& bytes, const DecodeLimits& limits);

} // namespace avld
