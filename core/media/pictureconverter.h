#pragma once

#include "bitmap/bitmap.h"

#include <memory>

struct AVFrame;
struct SwsContext;

namespace avld {

// Decoded pictures to Bitmaps in the colours the stream says it has: its YCbCr matrix (BT.709, BT.601…) and
// range (limited or full) from the frame's tags, or when untagged the usual guess by height (HD is BT.709).
// Optionally scaled down to a width in the same pass. Keeps swscale's context, and the buffer it writes
// into, between pictures of one size. Not thread-safe: one per decoding thread.
class PictureConverter {
public:
    explicit PictureConverter(int maxWidth = 0);
    ~PictureConverter();

    void setMaxWidth(int maxWidth) { m_maxWidth = maxWidth; }
    // A null bitmap (saying why) when swscale cannot convert the frame's pixel format.
    Bitmap toBitmap(const AVFrame* frame);

private:
    struct SwsFree {
        void operator()(SwsContext* s) const;
    };
    struct AvFree {
        void operator()(unsigned char* p) const;
    };
    int m_maxWidth = 0;
    std::unique_ptr<SwsContext, SwsFree> m_context;
    std::unique_ptr<unsigned char, AvFree> m_buffer; // swscale's padded rows
    std::size_t m_bufferSize = 0;
};

} // namespace avld
