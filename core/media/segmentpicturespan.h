#pragma once

#include "framesample.h"
#include "pictureconverter.h"

#include <QtGlobal>

extern "C" {
#include <libavutil/rational.h>
}

struct AVFrame;

namespace avld {

// How long a segment's picture stayed the same, and stayed black (GrabReport::pictureStillForMs,
// pictureBlackForMs), from pictures of one decode compared with its newest one as FrameSamples, with
// FrameChecks' own tests (samePicture, isBlack): first the picture at the keyframe the decode started from
// (one extra 64x36 sample), then, while it is the same, the keyframes before it, each decoded alone (an
// I-frame; a moving picture costs none of them). A span only counts what lies between the pictures compared;
// the picture may have moved and come back in between (rare for a live; freezedetect would see it, a few
// comparisons cannot).
struct SegmentPictureSpan {
    qint64 stillForMs = -1; // the span when the pictures are the same, 0 when it moved, -1 unknown
    qint64 blackForMs =
        -1; // the span when they are black, 0 when the newest or the start one is not, -1 unknown
};

class SegmentPictureSpanMeter {
public:
    // The span runs to the end of the newest picture, which is shown for one frame (`frameMs`, 0 when the
    // frame rate is unknown): a 2 s GOP at 25 fps whose pictures are all the same is still for 1.96 + 0.04
    // = 2.0 s, as freezedetect would count it.
    SegmentPictureSpanMeter(const AVFrame* newest, AVRational timeBase, qint64 frameMs);

    // An earlier picture of the segment, the latest first: whether the span goes on (it is still the same
    // picture, or still black), so that an earlier one is worth comparing.
    bool extend(const AVFrame* earlier);
    // -1 for both until an earlier picture was compared, or when the newest has no time or did not convert.
    SegmentPictureSpan span() const { return m_span; }
    // Nothing compared yet, and the newest picture can be: an earlier one is worth decoding (the start
    // picture was the newest itself, a GOP of one picture so far in the segment being written).
    bool waiting() const { return m_endMs >= 0 && m_span.stillForMs < 0; }

private:
    PictureConverter m_converter;
    AVRational m_timeBase;
    qint64 m_endMs = -1;  // the newest picture's end
    qint64 m_lastMs = -1; // the latest picture compared (at first the newest): the next must be earlier
    FrameSample m_newest;
    bool m_newestBlack = false;
    bool m_stillOpen = true;
    bool m_blackOpen = true;
    SegmentPictureSpan m_span;
};

} // namespace avld
