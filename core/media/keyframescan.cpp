#include "keyframescan.h"

#include <algorithm>

namespace avld {

KeyframeScan scanKeyframes(const QList<qint64>& keyframePtsMs, bool complete) {
    KeyframeScan scan;
    scan.keyframes = int(keyframePtsMs.size());
    scan.complete = complete;
    QList<qint64> gaps;
    qint64 previous = -1;
    for (const qint64 pts : keyframePtsMs) {
        if (pts < 0)
            continue;
        if (scan.firstPtsMs < 0)
            scan.firstPtsMs = pts;
        if (previous >= 0 && pts > previous)
            gaps.append(pts - previous);
        previous = pts;
    }
    if (gaps.isEmpty())
        return scan;
    // The median ignores a stray scene-cut keyframe and the short gap it leaves.
    std::sort(gaps.begin(), gaps.end());
    const qsizetype mid = gaps.size() / 2;
    scan.intervalMs = gaps.size() % 2 ? gaps.at(mid) : (gaps.at(mid - 1) + gaps.at(mid)) / 2;
    return scan;
}

} // namespace avld
