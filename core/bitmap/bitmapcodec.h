#pragma once

#include "bitmap.h"
#include "result.h"

#include <QByteArray>

namespace avld {

struct DecodeLimits {
    // A picture whose header declares more pixels is refused before anything is allocated for it.
    qint64 maxPixels = Bitmap::kDefaultMaxPixels;
};

// JPEG, PNG, WebP (the first frame of an animated one) or GIF (its first frame), told apart by their magic
// bytes. Transparency comes out as QImage::convertToFormat(Format_RGB32) left it for core until now: each
// pixel keeps its colour, made opaque (for GIF see gifdecoder.h). Every failure is an error saying what was
// wrong with the bytes; nothing here aborts or exits.
Result<Bitmap> decodePicture(const QByteArray& bytes, const DecodeLimits& limits = {});

// Baseline JPEG, 4:2:0, with optimised Huffman tables (as the thumbnails are written today). quality 1–100.
Result<QByteArray> encodeJpeg(const Bitmap& bitmap, int quality);
// 8-bit RGB PNG, no alpha channel.
Result<QByteArray> encodePng(const Bitmap& bitmap);
// Lossy WebP, no alpha channel. quality 0–100.
Result<QByteArray> encodeWebp(const Bitmap& bitmap, int quality);

} // namespace avld
