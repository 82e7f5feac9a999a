#pragma once

#include "cancelflag.h"
#include "deadline.h"
#include "grabbedframe.h"
#include "keyframescan.h"
#include "mediainput.h"
#include "result.h"
#include "soundlevels.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace avld {

// How much to decode: the first keyframe, or frames sampled at `fps` for `durationMs` from it.
struct DecodeRequest {
    int clipDurationMs = 0; // 0: first keyframe only
    int clipFps = 10;
    int skipMs = 0; // clip only: stream time to skip after the first keyframe
    // Still from a segment in memory: the segment's newest picture (decoded from its last keyframe, B-frames
    // skipped) instead of its first keyframe — up to a segment younger, for the decoding of one GOP. Still
    // over RTMP: the picture at the live edge (decodeToLiveEdge) instead of the first one played, which
    // libavformat buffered seconds before.
    bool newestFrame = false;
    // Pictures wider than this come out scaled down to it, aspect kept, in the colour conversion itself;
    // 0 keeps the coded size. (DecodedVideo::codedSize still tells the stream's own size.)
    int maxWidth = 0;
    // Input in memory (a segment): also measure the sound of its first audio stream (DecodedVideo::sound),
    // from the packets demuxed for the pictures.
    bool measureSound = false;
};

struct DecodedVideo {
    QList<GrabbedFrame> frames;
    QString codec;     // "h264"
    QString container; // "mpegts", "flv", "hls"
    QSize codedSize;
    double frameRate = 0;
    bool hasAudio = false;
    qint64 bytesRead = 0; // what libavformat read (for URL input: the top-level stream only)
    // In-memory input: the rest is demuxed, not decoded, after the pictures. URL input: not measured.
    KeyframeScan keyframes{};
    // Asked for (DecodeRequest::measureSound) with input in memory: the sound, or why it could not be
    // measured (the pictures stand either way). Unset otherwise.
    std::optional<Result<SoundLevels>> sound{};
    // Newest picture of a segment in memory: how long the picture stayed the same, and black, from the
    // keyframe the decode started from to it (segmentPictureSpan); -1 unknown, and for every other grab.
    qint64 pictureStillForMs = -1;
    qint64 pictureBlackForMs = -1;
};

// Turns compressed video into pictures with FFmpeg's libraries. Blocking: run it on a worker thread.
// Every call honours the deadline and the cancel flag through libavformat's interrupt callback, so no call
// outlives the deadline by more than one network read (bounded by rw_timeout) however the server behaves.
class FrameDecoder {
public:
    static Result<DecodedVideo> decode(const DecoderInput& input, const DecodeRequest& request,
                                       const Deadline& deadline, const CancelFlag& cancel);
};

} // namespace avld
