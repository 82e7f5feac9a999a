#include "videoframereader.h"

#include "pictureconverter.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace avld {

namespace {

constexpr int kMaxCorruptInARow = 50;

Error tooManyCorrupt(int count) {
    return {QStringLiteral("decode-error"),
            QStringLiteral("the video could not be decoded (%1 corrupt packets in a row)").arg(count),
            {}};
}

Error ended() {
    return {QStringLiteral("ended"), QStringLiteral("the stream ended"), {}};
}

} // namespace

VideoFrameReader::VideoFrameReader()
    : m_converter(std::make_unique<PictureConverter>()) {}

VideoFrameReader::~VideoFrameReader() = default;

void VideoFrameReader::setMaxWidth(int pixels) {
    m_converter->setMaxWidth(pixels);
}

Status VideoFrameReader::open(const DecoderInput& input, const MediaInterrupt& interrupt) {
    m_interrupt = &interrupt;
    m_seenKey = false;
    m_draining = false;
    m_corrupt = 0;
    Result<MediaInput> opened = MediaInput::open(input, interrupt);
    if (!opened)
        return opened.error();
    m_input = std::move(opened).value();
    Result<VideoDecoder> decoder = openVideoDecoder(m_input.format(), false);
    if (!decoder)
        return decoder.error();
    m_video = std::move(decoder).value();
    m_packet.reset(av_packet_alloc());
    m_frame.reset(av_frame_alloc());
    if (!m_packet || !m_frame)
        return Error{QStringLiteral("out-of-memory"), QStringLiteral("cannot allocate a frame"), {}};
    return {};
}

Result<GrabbedFrame> VideoFrameReader::next() {
    if (!m_video.context)
        return Error{QStringLiteral("not-open"), QStringLiteral("no stream is open"), {}};
    AVFormatContext* format = m_input.format();
    AVCodecContext* decoder = m_video.context.get();
    for (;;) {
        if (m_interrupt->fired())
            return interruptedError(*m_interrupt);
        const int received = avcodec_receive_frame(decoder, m_frame.get());
        if (received == 0) {
            const bool damaged = m_frame->decode_error_flags || (m_frame->flags & AV_FRAME_FLAG_CORRUPT);
            if (damaged) {
                av_frame_unref(m_frame.get());
                continue;
            }
            GrabbedFrame out;
            out.image = m_converter->toBitmap(m_frame.get());
            const qint64 ts = m_frame->best_effort_timestamp;
            out.ptsMs =
                ts == AV_NOPTS_VALUE ? -1 : av_rescale_q(ts, m_video.stream->time_base, AVRational{1, 1000});
            const AVRational sar = av_guess_sample_aspect_ratio(format, m_video.stream, m_frame.get());
            out.sampleAspect = sar.num > 0 && sar.den > 0 ? av_q2d(sar) : 1.0;
            out.rotationDegrees = m_video.rotationDegrees;
            out.keyFrame = m_frame->key_frame;
            av_frame_unref(m_frame.get());
            if (out.image.isNull())
                return Error{
                    QStringLiteral("decode-error"), QStringLiteral("cannot convert the decoded picture"), {}};
            m_corrupt = 0;
            return out;
        }
        if (received == AVERROR_EOF)
            return ended();
        if (received != AVERROR(EAGAIN) && ++m_corrupt > kMaxCorruptInARow)
            return tooManyCorrupt(m_corrupt);
        if (m_draining)
            return ended();

        const int read = av_read_frame(format, m_packet.get());
        if (read == AVERROR_EOF) {
            m_draining = true;
            avcodec_send_packet(decoder, nullptr);
            continue;
        }
        if (read < 0)
            return m_input.refusal() ? *m_input.refusal() : mediaOpenError(read, m_input.url(), *m_interrupt);
        const bool usable = m_packet->stream_index == m_video.streamIndex &&
                            (m_seenKey || (m_packet->flags & AV_PKT_FLAG_KEY));
        if (usable) {
            m_seenKey = true;
            const int sent = avcodec_send_packet(decoder, m_packet.get());
            if (sent < 0 && sent != AVERROR(EAGAIN) && ++m_corrupt > kMaxCorruptInARow) {
                av_packet_unref(m_packet.get());
                return tooManyCorrupt(m_corrupt);
            }
        }
        av_packet_unref(m_packet.get());
    }
}

} // namespace avld
