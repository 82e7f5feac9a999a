#pragma once

#include "grabbedframe.h"
#include "mediainput.h"

namespace avld {

class PictureConverter;

// Reads a stream picture by picture: every decoded frame, in order, converted to RGB in the stream's own
// colours. Blocking: run it on a worker thread. Every call honours the interrupt given to open().
class VideoFrameReader {
public:
    VideoFrameReader();
    ~VideoFrameReader();

    Status open(const DecoderInput& input, const MediaInterrupt& interrupt);
    // The next picture. At the end of the stream an Error with code "ended"; corrupt packets are skipped.
    Result<GrabbedFrame> next();
    // Frames wider than this come out scaled down to it (aspect kept); 0 keeps the coded size.
    void setMaxWidth(int pixels);

    QString codec() const { return m_video.codec; }

private:
    const MediaInterrupt* m_interrupt = nullptr;
    MediaInput m_input;
    VideoDecoder m_video;
    PacketPtr m_packet;
    FramePtr m_frame;
    std::unique_ptr<PictureConverter> m_converter;
    bool m_seenKey = false;
    bool m_draining = false;
    int m_corrupt = 0;
};

} // namespace avld
