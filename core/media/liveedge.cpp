#include "liveedge.h"

#include <QElapsedTimer>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace avld {

namespace {

// A buffered packet comes back in microseconds; one that has to arrive first takes a frame's time (40 ms at
// 25 fps, ~23 ms between AAC packets). Waiting this long means nothing newer was there.
constexpr qint64 kCaughtUpWaitMs = 10;
constexpr int kMaxCorruptPackets = 50;

} // namespace

FramePtr decodeToLiveEdge(AVFormatContext* format, int videoIndex, AVCodecContext* decoder,
                          const MediaInterrupt& interrupt, LiveEdgeRead& read) {
    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    FramePtr newest;
    bool seenKey = false;
    const auto keepDecoded = [&] {
        while (avcodec_receive_frame(decoder, frame.get()) == 0) {
            if (frame->decode_error_flags || (frame->flags & AV_FRAME_FLAG_CORRUPT)) {
                av_frame_unref(frame.get());
                continue;
            }
            if (!newest)
                newest.reset(av_frame_alloc());
            av_frame_unref(newest.get());
            av_frame_move_ref(newest.get(), frame.get());
        }
    };
    // Opened for keyframes only (the first picture's fastest path): at the live edge every reference picture
    // counts, or the newest is the last keyframe, up to a GOP old.
    decoder->skip_frame = AVDISCARD_NONREF;
    QElapsedTimer waited;
    while (!interrupt.fired() && read.corruptPackets <= kMaxCorruptPackets) {
        waited.start();
        if (av_read_frame(format, packet.get()) < 0)
            break;
        read.caughtUp = waited.elapsed() >= kCaughtUpWaitMs;
        const bool video = packet->stream_index == videoIndex;
        if (video && (seenKey || (packet->flags & AV_PKT_FLAG_KEY))) {
            seenKey = true;
            ++read.videoPackets;
            const int sent = avcodec_send_packet(decoder, packet.get());
            if (sent < 0 && sent != AVERROR(EAGAIN))
                ++read.corruptPackets;
            keepDecoded();
        }
        av_packet_unref(packet.get());
        if (read.caughtUp && seenKey)
            break;
    }
    // A decoder holds pictures back (reordering, frame threads): the newest packets read come out only when
    // it is drained, which ends this decoder's use.
    if (seenKey && avcodec_send_packet(decoder, nullptr) == 0)
        keepDecoded();
    return newest;
}

} // namespace avld
