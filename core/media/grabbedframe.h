#pragma once

#include "bitmap/bitmap.h"

#include <QList>
#include <QSize>

namespace avld {

// One decoded video picture as the grabber hands it on: pixels at the stream's coded size, plus what is
// needed to show it right (sample aspect ratio, rotation) and to date it (stream time).
struct GrabbedFrame {
    Bitmap image;              // coded width x height (not yet corrected for SAR or rotation)
    double sampleAspect = 1.0; // pixel width / pixel height (SAR); 1.0 for square pixels
    int rotationDegrees = 0;   // clockwise rotation to apply for display: 0, 90, 180 or 270
    qint64 ptsMs = -1;         // presentation time in the stream, in ms; -1 when unknown
    bool keyFrame = false;

    bool isNull() const { return image.isNull(); }
    // The size a viewer should see: coded size corrected for SAR, then rotated.
    QSize displaySize() const {
        if (image.isNull())
            return {};
        const int w = qMax(1, qRound(image.width() * sampleAspect));
        const int h = image.height();
        return (rotationDegrees == 90 || rotationDegrees == 270) ? QSize(h, w) : QSize(w, h);
    }
};

// A short run of frames sampled at a fixed rate, for animated thumbnails (GIF, animated WebP).
struct GrabbedClip {
    QList<GrabbedFrame> frames;
    int fps = 10;
};

} // namespace avld
