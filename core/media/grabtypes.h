#pragma once

#include "grabbedframe.h"
#include "result.h"
#include "soundlevels.h"

#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace avld {

struct GrabOptions {
    int timeoutMs = 5000;
    QString userAgent;      // empty: "AVideoLiveDoctor/<version>"
    QString referer;        // AVideo's key protection wants the site URL here
    int clipDurationMs = 0; // 0: one frame; otherwise frames for an animated thumbnail
    int clipFps = 10;
    int clipSkipMs = 0;
    // Pictures wider than this are scaled down to it while decoding (aspect kept); 0: the coded size. For
    // callers that only look at or keep small pictures: less work and much less memory than full frames.
    int maxFrameWidth = 0;
    // Still from an HLS segment: its newest picture rather than its first keyframe (see
    // DecodeRequest::newestFrame): fresher by up to a segment, for decoding one GOP instead of one frame.
    // Over RTMP: the picture at the live edge rather than the first one libavformat buffered.
    bool newestFrame = false;
    // Also measure the sound (GrabReport::sound) of the segment the picture came from, from its packets
    // already in memory: HLS segment grabs only (not RTMP, files or the HLS demuxer). Off: no audio is kept.
    bool measureSound = false;
    qint64 maxPlaylistBytes = 1024 * 1024;
    qint64 maxSegmentBytes = 64 * 1024 * 1024;
    // When set, every http(s) URL the grab is about to fetch (the stream URL, variant playlists, segments,
    // each redirect target) is offered here first, and the grab goes on only after `verdict` is called
    // without an error (on the grab's thread; it may be called at once). An error stops the grab with it.
    // Unset: no checks, redirects followed by QNetworkAccessManager's NoLessSafeRedirectPolicy.
    std::function<void(const QUrl& url, std::function<void(Status verdict)> verdict)> verifyUrl;
    // The same decision, blocking, for what libavformat opens by itself on the decoding thread (the HLS
    // demuxer's keys, init sections and segments; DecoderInput::urlGate). With verifyUrl set and this
    // unset, the grab lets libavformat open nothing beyond the checked stream URL.
    std::function<Status(const QUrl& url)> verifyUrlNow;
};

// How a grab went, for the CLI, the benchmark, the diagnosis and the UI's stream facts.
struct GrabReport {
    QUrl url;       // as asked
    QUrl mediaUrl;  // what was decoded: the segment, the media playlist, or the RTMP/file URL
    QString method; // "hls-segment", "hls-demuxer", "rtmp", "file"
    QString codec;
    QString container;
    QSize codedSize;
    double frameRate = 0;
    bool hasAudio = false;
    qint64 bytesDownloaded = 0;
    qint64 elapsedMs = 0;
    qint64 framePtsMs = -1;
    double segmentSeconds = 0; // duration of the newest segment (HLS)
    qint64 playlistAgeMs = -1; // how long ago the server last changed the playlist; -1 unknown
    qint64 frameAgeMs =
        -1; // stream time from the frame to the live edge (end of the newest segment); -1 unknown
    // The picture came from the segment the server is still writing (HlsPlaylist::segmentBeingWritten),
    // newer than anything its playlist lists.
    bool fromSegmentBeingWritten = false;
    // Keyframes of the decoded segment (HLS segment grabs; RTMP, file, HLS demuxer: not measured).
    qint64 keyframeIntervalMs = -1; // median gap between keyframes; -1 when fewer than two were seen
    int keyframesInSegment = 0;     // keyframes in the whole segment; 0 not measured. 1 (with an interval of
                                    // -1): one per segment, so the interval is at least the segment length
    // GrabOptions::measureSound on a segment grab: its sound ("no audio" is a value), or why it could not be
    // measured; the picture stands either way. Unset: not asked for, or not a segment grab.
    std::optional<Result<SoundLevels>> sound;
    // How long the picture stayed the same within the decoded segment (newest-of-segment grabs, HLS): the
    // span of stream time from the keyframe the decode started from (or, while they are the same too, the
    // keyframes before it) to the end of the newest picture (its time and one frame) when they are the same
    // picture (FrameChecks::samePicture on their FrameSamples); 0 when the picture moved in between; -1
    // unknown (RTMP, files, the HLS demuxer, clips, or a newest picture that is that keyframe itself).
    qint64 pictureStillForMs = -1;
    // The same span when both pictures are black (FrameChecks::isBlack); 0 when either is not; -1 unknown.
    qint64 pictureBlackForMs = -1;
};

// How far behind the live the grabbed frame was when it was grabbed, as far as the media server shows it: the
// frame's distance from the newest segment's end (stream time) plus how long ago the server wrote the
// playlist (its Last-Modified, whole seconds) — or, for a picture from the segment being written, nothing
// more. What the publisher and the media server buffered before that segment was written cannot be seen from
// here (x264 with zerolatency: a few frames; OBS: about a second), so this is a lower bound of the age a
// clock drawn into the picture would show. -1 when unknown.
inline qint64 behindLiveMs(const GrabReport& report) {
    if (report.frameAgeMs < 0)
        return -1;
    return report.frameAgeMs + (report.fromSegmentBeingWritten ? 0 : qMax<qint64>(0, report.playlistAgeMs));
}

struct GrabResult {
    QList<GrabbedFrame> frames; // one for a still, clip frames otherwise
    int fps = 10;
    GrabReport report;

    const GrabbedFrame& frame() const { return frames.first(); }
    GrabbedClip clip() const { return {frames, fps}; }
};

} // namespace avld
