#pragma once

#include "mediainput.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <limits>
#include <vector>

namespace avld {

// The sound of one HLS segment (for a clip: of the segments that hold it), measured over the decoded audio of
// its first audio stream by FFmpeg's own filters:
// - peakDbfs, rmsDbfs: astats' overall Peak_level and RMS_level, all channels together, in dBFS (0 is full
//   scale: a full-scale sine peaks at 0 and has an RMS of -3). -inf for digital silence.
// - momentaryMaxLufs: the loudest 400 ms window (ebur128's momentary loudness M). Its short-term loudness S
//   needs 3 s, longer than a 2 s segment (it would come out too quiet), so it is not reported. NaN when the
//   segment holds less than 400 ms of audio; -inf or far below -70 for silence.
// - integratedLufs: ebur128's gated integrated loudness I over the segment alone; -70 (its absolute gate)
//   when no 400 ms block is louder than that.
// - silentTailMs: how long the segment has been silent at its end, silence as silencedetect sees it: every
//   channel below -60 dBFS for at least kMinSilenceMs. 0 when it ends with sound.
// - measuredMs: the decoded audio's duration.
// Without audio (no audio stream, or one without packets: nginx-rtmp declares an audio track in every
// segment) hasAudio is false, the levels NaN and the durations 0.
struct SoundLevels {
    static constexpr double kSilenceDbfs = -60; // silencedetect's default noise level
    // silencedetect's default is 2 s, a whole segment; shorter than this is a pause between words.
    static constexpr qint64 kMinSilenceMs = 500;
    // EBU R128 keeps true peaks 1 dB below full scale: above it, decoding or re-encoding clips.
    static constexpr double kFullScaleDbfs = -1;

    bool hasAudio = false;
    double peakDbfs = std::numeric_limits<double>::quiet_NaN();
    double rmsDbfs = std::numeric_limits<double>::quiet_NaN();
    double momentaryMaxLufs = std::numeric_limits<double>::quiet_NaN();
    double integratedLufs = std::numeric_limits<double>::quiet_NaN();
    qint64 silentTailMs = 0;
    qint64 measuredMs = 0;

    // The whole measured stretch is silent.
    bool silent() const { return hasAudio && measuredMs > 0 && silentTailMs >= measuredMs; }
    bool reachesFullScale() const { return hasAudio && peakDbfs >= kFullScaleDbfs; }
    // One line for a person: "peak -3.1 dBFS, RMS -18.2 dBFS, loudness -16.4 LUFS (momentary max), silent for
    // the last 1.2 s", "none (the stream has no audio)", "silent (below -60 dBFS for the whole 2.0 s
    // segment)".
    QString summary() const;
};

// The index of the input's first audio stream; -1 when it has none.
int firstAudioStream(const AVFormatContext* format);

// Decodes `packets` of `stream` (demuxed in order, as a segment holds them) and measures them. A packet the
// decoder refuses is skipped: a damaged segment gives the measure of what decoded, and an error only when
// nothing did. No packets, or no stream: a measure without audio. Honours `interrupt` between packets.
Result<SoundLevels> measureSound(const AVStream* stream, const std::vector<PacketPtr>& packets,
                                 const MediaInterrupt& interrupt);

// The same from a segment's bytes alone: demuxes its first audio stream and measures it.
Result<SoundLevels> measureSegmentSound(const QByteArray& segment, const MediaInterrupt& interrupt);

} // namespace avld
