#pragma once

#include "bitmap/bitmap.h"
#include "grabbedframe.h"
#include "result.h"

#include <QRect>
#include <QSize>

struct SwsContext;

namespace avld {

// Fits a grabbed frame into a fixed box the way AVideo's encoder does
// (scale=W:H:force_original_aspect_ratio=decrease,pad=W:H:(ow-iw)/2:(oh-ih)/2), but in display terms: the
// sample aspect ratio and the rotation are applied, so anamorphic and vertical video look right.
//
// A renderer keeps its libswscale context between calls (rebuilt only when the sizes change), so render()
// is cheap when called per request; it is not thread-safe, use one renderer per thread.
class ThumbnailRenderer {
public:
    enum class Mode {
        Letterbox, // exactly the box size, picture centred, black bars (what the encoder serves)
        FitOnly,   // just the scaled picture, no bars (UI previews)
    };
    static constexpr QSize DefaultBox{640, 360};

    explicit ThumbnailRenderer(QSize box = DefaultBox, Mode mode = Mode::Letterbox);
    ~ThumbnailRenderer();
    ThumbnailRenderer(ThumbnailRenderer&& other) noexcept;
    ThumbnailRenderer& operator=(ThumbnailRenderer&& other) noexcept;
    ThumbnailRenderer(const ThumbnailRenderer&) = delete;
    ThumbnailRenderer& operator=(const ThumbnailRenderer&) = delete;

    QSize box() const { return m_box; }
    Mode mode() const { return m_mode; }

    // Box-sized in Letterbox mode, fittedSize() in FitOnly mode.
    Result<Bitmap> render(const GrabbedFrame& frame);

    // The size a viewer should see (SAR applied, then rotation); a non-positive or non-finite SAR counts
    // as 1.
    static QSize displaySize(QSize codedSize, double sampleAspect, int rotationDegrees);
    // The picture's size inside the box, rounded as FFmpeg's force_original_aspect_ratio=decrease does.
    static QSize fittedSize(QSize displaySize, QSize box);
    // Where the picture lands inside the box in Letterbox mode.
    static QRect placement(QSize displaySize, QSize box);

private:
    Status scale(const Bitmap& source, uchar* dest, qsizetype destStride, QSize destSize);

    QSize m_box;
    Mode m_mode;
    SwsContext* m_sws = nullptr;
};

} // namespace avld
