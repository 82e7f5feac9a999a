#pragma once

#include "result.h"
#include "soundlevels.h"

#include <memory>

struct AVFrame;

namespace avld {

// FFmpeg's measures of decoded audio in one filter graph: astats (peak and RMS level), ebur128 (loudness) and
// silencedetect (silence as FFmpeg defines it). Frames go in as they are decoded, the figures come out at the
// end (SoundLevels tells what each one means).
class SoundMeter {
public:
    ~SoundMeter();
    SoundMeter(SoundMeter&&) noexcept;
    SoundMeter& operator=(SoundMeter&&) noexcept;

    // A meter for frames shaped like `first`, the decoder's first frame: its rate and channels are the true
    // ones (the stream's parameters may say otherwise, as with HE-AAC).
    static Result<SoundMeter> forFrame(const AVFrame* first);

    // Whether `frame` has the first frame's shape: the filters cannot change format midway, so a measure ends
    // before a frame it does not accept.
    bool accepts(const AVFrame* frame) const;

    // Measures `frame` (one accepted) and takes its data. Frames are timed by their samples one after the
    // other: a segment's own timestamps may wrap or jump.
    Status add(AVFrame* frame);

    // Ends the input and reads the figures.
    Result<SoundLevels> finish();

private:
    SoundMeter();
    Status drain();

    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace avld
