#include "soundlevels.h"

#include "soundmeter.h"

#include <cmath>
#include <optional>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace avld {

namespace {

Error soundInterrupted(const MediaInterrupt& interrupt) {
    if (interrupt.cancel && interrupt.cancel->load())
        return {QStringLiteral("cancelled"), QStringLiteral("the sound measure was cancelled"), {}};
    return {QStringLiteral("timeout"),
            QStringLiteral("the sound was not measured within %1 ms")
                .arg(interrupt.deadline ? interrupt.deadline->timeoutMs() : 0),
            QStringLiteral("Decoding the audio took longer than the time left: allow a longer timeout.")};
}

Result<CodecContextPtr> openAudioDecoder(const AVStream* stream) {
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec)
        return Error{QStringLiteral("no-decoder"),
                     QStringLiteral("this FFmpeg build cannot decode the %1 audio")
                         .arg(QLatin1String(avcodec_get_name(stream->codecpar->codec_id))),
                     {}};
    CodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder)
        return Error{QStringLiteral("out-of-memory"), QStringLiteral("cannot allocate an audio decoder"), {}};
    avcodec_parameters_to_context(decoder.get(), stream->codecpar);
    decoder->pkt_timebase = stream->time_base;
    decoder->thread_count = 1;
    if (avcodec_open2(decoder.get(), codec, nullptr) < 0)
        return Error{QStringLiteral("decode-error"),
                     QStringLiteral("cannot open the %1 audio decoder").arg(QLatin1String(codec->name)),
                     {}};
    return decoder;
}

QString decibels(double value) {
    return QString::number(value, 'f', 1);
}

} // namespace

QString SoundLevels::summary() const {
    if (!hasAudio)
        return QStringLiteral("none (the stream has no audio)");
    const QString seconds = QString::number(measuredMs / 1000.0, 'f', 1);
    if (silent())
        return QStringLiteral("silent (below %1 dBFS for the whole %2 s segment)")
            .arg(kSilenceDbfs)
            .arg(seconds);
    QString text = QStringLiteral("peak %1 dBFS").arg(decibels(peakDbfs));
    if (reachesFullScale())
        text += QStringLiteral(" (at full scale: may clip)");
    text += QStringLiteral(", RMS %1 dBFS").arg(decibels(rmsDbfs));
    text += std::isnan(momentaryMaxLufs)
                ? QStringLiteral(", loudness not measured (less than 0.4 s of audio)")
                : QStringLiteral(", loudness %1 LUFS (momentary max)").arg(decibels(momentaryMaxLufs));
    if (silentTailMs > 0)
        text += QStringLiteral(", silent for the last %1 s").arg(silentTailMs / 1000.0, 0, 'f', 1);
    return text;
}

int firstAudioStream(const AVFormatContext* format) {
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            return int(i);
    }
    return -1;
}

Result<SoundLevels> measureSound(const AVStream* stream, const std::vector<PacketPtr>& packets,
                                 const MediaInterrupt& interrupt) {
    if (!stream || packets.empty())
        return SoundLevels{};
    if (interrupt.fired())
        return soundInterrupted(interrupt);
    Result<CodecContextPtr> opened = openAudioDecoder(stream);
    if (!opened)
        return opened.error();
    AVCodecContext* decoder = opened->get();

    std::optional<SoundMeter> meter;
    bool formatChanged = false;
    int refused = 0;
    FramePtr frame(av_frame_alloc());
    if (!frame)
        return Error{QStringLiteral("out-of-memory"), QStringLiteral("cannot allocate an audio frame"), {}};
    const auto receive = [&]() -> Status {
        for (;;) {
            const int received = avcodec_receive_frame(decoder, frame.get());
            if (received == AVERROR(EAGAIN) || received == AVERROR_EOF)
                return {};
            if (received < 0) {
                ++refused;
                return {};
            }
            const bool damaged = frame->decode_error_flags || (frame->flags & AV_FRAME_FLAG_CORRUPT);
            if (!damaged && !meter) {
                Result<SoundMeter> made = SoundMeter::forFrame(frame.get());
                if (!made)
                    return made.error();
                meter.emplace(std::move(made.value()));
            }
            formatChanged = formatChanged || (!damaged && !meter->accepts(frame.get()));
            if (!damaged && !formatChanged) {
                if (const Status added = meter->add(frame.get()); !added.ok())
                    return added;
            }
            av_frame_unref(frame.get());
        }
    };
    for (const PacketPtr& packet : packets) {
        if (interrupt.fired())
            return soundInterrupted(interrupt);
        if (formatChanged)
            break;
        int sent = avcodec_send_packet(decoder, packet.get());
        if (sent == AVERROR(EAGAIN)) { // the decoder's output is full: take it, then the packet goes in
            if (const Status received = receive(); !received.ok())
                return received.error();
            sent = avcodec_send_packet(decoder, packet.get());
        }
        if (sent < 0)
            ++refused;
        if (const Status received = receive(); !received.ok())
            return received.error();
    }
    avcodec_send_packet(decoder, nullptr);
    if (const Status received = receive(); !received.ok())
        return received.error();
    if (!meter)
        return Error{QStringLiteral("audio-decode-error"),
                     QStringLiteral("the segment's audio could not be decoded (%1 of its %2 packets refused)")
                         .arg(refused)
                         .arg(packets.size()),
                     QStringLiteral("If the next segments fail too, check the publisher's audio encoder.")};
    return meter->finish();
}

Result<SoundLevels> measureSegmentSound(const QByteArray& segment, const MediaInterrupt& interrupt) {
    const DecoderInput input{.data = segment}; // read in place: it outlives the input opened on it
    Result<MediaInput> opened = MediaInput::open(input, interrupt);
    if (!opened)
        return interrupt.fired() ? soundInterrupted(interrupt) : opened.error();
    AVFormatContext* format = opened->format();
    const int audio = firstAudioStream(format);
    if (audio < 0)
        return SoundLevels{};
    for (unsigned i = 0; i < format->nb_streams; ++i)
        format->streams[i]->discard = int(i) == audio ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    std::vector<PacketPtr> packets;
    PacketPtr packet(av_packet_alloc());
    while (!interrupt.fired() && av_read_frame(format, packet.get()) >= 0) {
        if (packet->stream_index == audio)
            keepPacket(packets, packet.get());
        av_packet_unref(packet.get());
    }
    if (interrupt.fired())
        return soundInterrupted(interrupt);
    return measureSound(format->streams[audio], packets, interrupt);
}

} // namespace avld
