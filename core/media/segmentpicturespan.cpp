#include "segmentpicturespan.h"

#include "framechecks.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/mathematics.h>
}

#include <algorithm>

namespace avld {

namespace {

qint64 ptsMs(const AVFrame* frame, AVRational timeBase) {
    const qint64 ts = frame->best_effort_timestamp;
    return ts == AV_NOPTS_VALUE ? -1 : av_rescale_q(ts, timeBase, AVRational{1, 1000});
}

} // namespace

// Every picture through one small converter, so that their samples differ by their content only (not by how
// each was scaled): FrameSample::kWidth wide, then the sample's own downscale.
SegmentPictureSpanMeter::SegmentPictureSpanMeter(const AVFrame* newest, AVRational timeBase, qint64 frameMs)
    : m_converter(FrameSample::kWidth)
    , m_timeBase(timeBase) {
    const qint64 at = newest ? ptsMs(newest, timeBase) : -1;
    if (at < 0)
        return;
    m_newest = FrameSample::of(m_converter.toBitmap(newest));
    if (m_newest.isNull())
        return;
    m_endMs = at + std::max<qint64>(0, frameMs);
    m_lastMs = at;
    m_newestBlack = FrameChecks::isBlack(FrameChecks::measure(m_newest));
}

bool SegmentPictureSpanMeter::extend(const AVFrame* earlier) {
    if (m_endMs < 0 || !earlier || !(m_stillOpen || m_blackOpen))
        return false;
    const qint64 from = ptsMs(earlier, m_timeBase);
    if (from < 0 || from >= m_lastMs)
        return false; // no time, or not earlier than the picture before (the newest itself: nothing known)
    m_lastMs = from;
    const FrameSample sample = FrameSample::of(m_converter.toBitmap(earlier));
    if (sample.isNull())
        return false;
    const qint64 span = m_endMs - from;
    if (m_stillOpen) {
        m_stillOpen = FrameChecks::samePicture(sample, m_newest);
        if (m_stillOpen || m_span.stillForMs < 0)
            m_span.stillForMs = m_stillOpen ? span : 0;
    }
    if (m_blackOpen) {
        m_blackOpen = m_newestBlack && FrameChecks::isBlack(FrameChecks::measure(sample));
        if (m_blackOpen || m_span.blackForMs < 0)
            m_span.blackForMs = m_blackOpen ? span : 0;
    }
    return m_stillOpen || m_blackOpen;
}

} // namespace avld
