// avld_bitmap's decoders (decodePicture): site thumbnails and encoder answers are remote bytes of any shape.
// A refusal is fine; a crash, a leak, a hang or a picture past the limit is not.
#include "bitmap/bitmapcodec.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    // A small limit keeps each run fast; the refusal path is the same at any limit.
    const DecodeLimits limits{1 << 20};
    const Result<Bitmap> decoded = decodePicture(fuzz::bytesOf(data, size), limits);
    if (!decoded.ok()) {
        if (decoded.error().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    const Bitmap& bitmap = *decoded;
    if (bitmap.isNull() || bitmap.pixelCount() > limits.maxPixels)
        __builtin_trap();
    for (int y = 0; y < bitmap.height(); ++y) {
        const Rgb* line = bitmap.constScanLine(y);
        for (int x = 0; x < bitmap.width(); ++x)
            if ((line[x] >> 24) != 0xff)
                __builtin_trap();
    }
    return 0;
}
