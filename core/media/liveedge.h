#pragma once

#include "mediainput.h"

namespace avld {

// What decodeToLiveEdge() went through.
struct LiveEdgeRead {
    qint64 videoPackets = 0;
    int corruptPackets = 0;
    bool caughtUp = false; // a read waited for the network: nothing newer had arrived yet
};

// The newest picture of a live played as it happens (RTMP): libavformat hands out what it buffered while it
// probed the stream (up to its analyse duration, seconds of it) before anything newer, so the first picture
// decoded is seconds old. This decodes on from the first keyframe until a read has to wait for the network —
// the live edge — and returns the last picture that decoded cleanly (a null pointer when none did). The
// deadline or the cancel flag ends it early with the newest picture so far.
FramePtr decodeToLiveEdge(AVFormatContext* format, int videoIndex, AVCodecContext* decoder,
                          const MediaInterrupt& interrupt, LiveEdgeRead& read);

} // namespace avld
