#pragma once

#include "mediainput.h"

#include <QList>

#include <vector>

namespace avld {

// A whole segment's video packets, read from memory before anything is decoded, so that decoding can start
// at its last keyframe.
struct SegmentPackets {
    std::vector<PacketPtr> video;
    QList<qint64> keyframePtsMs; // every video keyframe's time, in order
    QList<qsizetype> keyframes;  // their indices into `video`
    qint64 audioBytes = 0;
    std::vector<PacketPtr> audio; // the packets of stream `keepAudioIndex`, when one was asked for
};

// Reads every packet of an in-memory input: audio is counted, and kept for stream `keepAudioIndex` (-1: none,
// for its sound). Stops early when `interrupt` fires.
SegmentPackets readSegmentPackets(AVFormatContext* format, int videoIndex, const AVStream* stream,
                                  int keepAudioIndex, const MediaInterrupt& interrupt);

// The segment's newest picture: decodes from its last keyframe to its end, skipping the frames no other
// frame refers to (B-frames: at most a few frames, ~0.1 s, older than the very last one), and returns the
// last picture that decoded cleanly. When nothing after the last keyframe decodes (a damaged tail), it starts
// again from the keyframe before, and so on; a null pointer when nothing decoded at all. `corruptPackets`
// counts what the decoder refused. `decoder` must be open for the stream; its skip setting is changed.
// `startPicture`, when given, receives the first clean picture of that same decode (the keyframe's, a
// reference, not a copy) and `startKeyframe` that keyframe's index into segment.keyframes, for telling how
// long the picture stayed the same (SegmentPictureSpanMeter).
FramePtr decodeNewestFrame(AVCodecContext* decoder, const SegmentPackets& segment,
                           const MediaInterrupt& interrupt, int& corruptPackets,
                           FramePtr* startPicture = nullptr, qsizetype* startKeyframe = nullptr);

// The picture of keyframe `k` (an index into segment.keyframes) decoded alone, or null. Flushes `decoder`
// before and leaves it drained.
FramePtr decodeKeyframe(AVCodecContext* decoder, const SegmentPackets& segment, qsizetype k);

} // namespace avld
