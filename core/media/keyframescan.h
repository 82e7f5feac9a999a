#pragma once

#include <QList>

namespace avld {

// Keyframe timing of one stretch of video (an HLS segment), taken from the demuxer's packet flags alone.
struct KeyframeScan {
    int keyframes = 0;      // key packets seen
    qint64 intervalMs = -1; // median gap between consecutive keyframes; -1 with fewer than two timed ones
    bool complete = false;  // the whole input was read (false: stopped early by the deadline or cancel)
    qint64 firstPtsMs = -1; // the first timed keyframe (an HLS segment starts with one)
};

// `keyframePtsMs`: the presentation times of the key packets in the order the demuxer gave them, -1 where a
// packet had none. Gaps that are not positive (a repeated or wrapped timestamp) are left out of the median.
KeyframeScan scanKeyframes(const QList<qint64>& keyframePtsMs, bool complete);

} // namespace avld
