#include "newestframe.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace avld {

SegmentPackets readSegmentPackets(AVFormatContext* format, int videoIndex, const AVStream* stream,
                                  int keepAudioIndex, const MediaInterrupt& interrupt) {
    SegmentPackets segment;
    PacketPtr packet(av_packet_alloc());
    while (!interrupt.fired() && av_read_frame(format, packet.get()) >= 0) {
        if (packet->stream_index != videoIndex) {
            segment.audioBytes += packet->size;
            if (packet->stream_index == keepAudioIndex)
                keepPacket(segment.audio, packet.get());
            av_packet_unref(packet.get());
            continue;
        }
        if (packet->flags & AV_PKT_FLAG_KEY) {
            segment.keyframePtsMs.append(packetPtsMs(packet.get(), stream));
            segment.keyframes.append(qsizetype(segment.video.size()));
        }
        keepPacket(segment.video, packet.get());
    }
    return segment;
}

namespace {

// Decodes video[from..end) and keeps the last clean picture, and in `first` (when asked) the first one: the
// keyframe's.
FramePtr decodeToTheEnd(AVCodecContext* decoder, const SegmentPackets& segment, qsizetype from,
                        const MediaInterrupt& interrupt, int& corruptPackets, FramePtr* first) {
    FramePtr newest;
    FramePtr frame(av_frame_alloc());
    const auto receive = [&] {
        for (;;) {
            const int received = avcodec_receive_frame(decoder, frame.get());
            if (received == AVERROR(EAGAIN) || received == AVERROR_EOF)
                return;
            if (received < 0) {
                ++corruptPackets;
                return;
            }
            if (!frame->decode_error_flags && !(frame->flags & AV_FRAME_FLAG_CORRUPT)) {
                if (first && !*first)
                    first->reset(av_frame_clone(frame.get())); // a reference to the same picture, no copy
                if (!newest)
                    newest.reset(av_frame_alloc());
                av_frame_unref(newest.get());
                av_frame_move_ref(newest.get(), frame.get());
            } else {
                av_frame_unref(frame.get());
            }
        }
    };
    for (auto it = segment.video.begin() + from; it != segment.video.end(); ++it) {
        if (interrupt.fired())
            return newest;
        int sent = avcodec_send_packet(decoder, it->get());
        if (sent == AVERROR(EAGAIN)) { // the decoder's output is full: take it, then the packet goes in
            receive();
            sent = avcodec_send_packet(decoder, it->get());
        }
        if (sent < 0)
            ++corruptPackets;
        receive();
    }
    avcodec_send_packet(decoder, nullptr);
    receive();
    return newest;
}

} // namespace

FramePtr decodeNewestFrame(AVCodecContext* decoder, const SegmentPackets& segment,
                           const MediaInterrupt& interrupt, int& corruptPackets, FramePtr* startPicture,
                           qsizetype* startKeyframe) {
    decoder->skip_frame = AVDISCARD_NONREF;
    for (qsizetype k = segment.keyframes.size() - 1; k >= 0 && !interrupt.fired(); --k) {
        if (startPicture)
            startPicture->reset();
        if (FramePtr newest = decodeToTheEnd(decoder, segment, segment.keyframes[k], interrupt,
                                             corruptPackets, startPicture)) {
            if (startKeyframe)
                *startKeyframe = k;
            return newest;
        }
        avcodec_flush_buffers(decoder); // drained: ready for the earlier start
    }
    return {};
}

FramePtr decodeKeyframe(AVCodecContext* decoder, const SegmentPackets& segment, qsizetype k) {
    if (k < 0 || k >= segment.keyframes.size())
        return {};
    avcodec_flush_buffers(decoder);
    FramePtr frame(av_frame_alloc());
    if (avcodec_send_packet(decoder, segment.video[size_t(segment.keyframes[k])].get()) < 0)
        return {};
    avcodec_send_packet(decoder, nullptr);
    FramePtr picture;
    while (avcodec_receive_frame(decoder, frame.get()) >= 0) {
        if (!picture && !frame->decode_error_flags && !(frame->flags & AV_FRAME_FLAG_CORRUPT)) {
            picture.reset(av_frame_alloc());
            av_frame_move_ref(picture.get(), frame.get());
        } else {
            av_frame_unref(frame.get());
        }
    }
    return picture;
}

} // namespace avld
