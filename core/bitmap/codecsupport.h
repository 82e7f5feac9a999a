#pragma once

// What the decoders and encoders of this folder share; not part of the library's interface.

#include "bitmap.h"
#include "bitmapcodec.h"
#include "result.h"

#include <QtGlobal>

#include <optional>

// The codecs are handed B,G,R,X bytes (TJPF_BGRX, JCS_EXT_BGRX, PNG_FORMAT_BGRA, MODE_BGRA): that is how
// 0xffRRGGBB lies in memory on a little-endian machine only.
static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "avld_bitmap's codecs assume a little-endian machine");

namespace avld::codec {

Error decodeError(const QString& code, const QString& message);
// "the PNG declares 60000×60000 pixels, more than the 67 million allowed"; nothing when the size is fine.
std::optional<Error> refuseDeclaredSize(const QString& format, qint64 width, qint64 height,
                                        const DecodeLimits& limits);
// "the JPEG is cut off after 1 204 bytes"
Error cutOff(const QString& format, qsizetype size);
// "the JPEG is damaged: <what the library said>"
Error damaged(const QString& format, const QString& detail);
// Refuses a null bitmap, or quality outside 0–100, for the encoder of format.
std::optional<Error> refuseEncoding(const QString& format, const Bitmap& bitmap, int quality);
Error encodeError(const QString& format, const QString& detail);

// The bitmap's fourth byte held straight alpha: each pixel keeps its colour and becomes opaque. This is what
// QImage's conversion from ARGB32 to RGB32 does (it drops alpha, it does not composite), so pictures with
// transparency come out as core saw them through QImage.
void dropAlpha(Bitmap& bitmap);

} // namespace avld::codec
