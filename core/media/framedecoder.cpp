#include "framedecoder.h"

#include "liveedge.h"
#include "newestframe.h"
#include "pictureconverter.h"
#include "segmentpicturespan.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace avld {

namespace {

constexpr int kMaxCorruptPackets = 50;

} // namespace

Result<DecodedVideo> FrameDecoder::decode(const DecoderInput& input, const DecodeRequest& request,
                                          const Deadline& deadline, const CancelFlag& cancel) {
    MediaInterrupt interrupt{&deadline, cancel.get()};
    Result<MediaInput> opened = MediaInput::open(input, interrupt);
    if (!opened)
        return opened.error();
    const MediaInput& media = opened.value();
    AVFormatContext* format = media.format();
    const bool fromMemory = media.fromMemory();
    const QString url = media.url();

    DecodedVideo video;
    video.container = QString::fromLatin1(format->iformat->name).section(QLatin1Char(','), 0, 0);
    const bool clip = request.clipDurationMs > 0;
    Result<VideoDecoder> opening = openVideoDecoder(format, !clip);
    if (!opening)
        return opening.error();
    VideoDecoder& videoDecoder = opening.value();
    video.hasAudio = videoDecoder.hasAudio;
    video.codec = videoDecoder.codec;
    video.frameRate = videoDecoder.frameRate;
    const int videoIndex = videoDecoder.streamIndex;
    AVStream* stream = videoDecoder.stream;
    AVCodecContext* decoder = videoDecoder.context.get();
    const int rotation = videoDecoder.rotationDegrees;
    // A segment in memory is bounded: its audio is read too (not decoded), so that a segment whose video
    // cannot be read is told apart from an audio-only live below.
    if (fromMemory) {
        for (unsigned i = 0; i < format->nb_streams; ++i)
            if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
                format->streams[i]->discard = AVDISCARD_DEFAULT;
    }
    qint64 audioBytes = 0;
    // The sound of a segment in memory: its first audio stream's packets are kept as the segment is demuxed
    // for the pictures, and measured after them.
    const int soundIndex = request.measureSound && fromMemory ? firstAudioStream(format) : -1;
    std::vector<PacketPtr> soundPackets;

    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    PictureConverter converter(request.maxWidth);
    const int wanted = clip ? qMax(1, request.clipDurationMs * request.clipFps / 1000) : 1;
    const double intervalMs = clip ? 1000.0 / request.clipFps : 0;
    qint64 firstPtsMs = -1;
    int corruptPackets = 0;
    bool seenKey = false;
    bool draining = false;
    qint64 videoPackets = 0;
    QList<qint64> keyframePts; // in-memory input: every video key packet's time, for the keyframe interval

    auto takeFrame = [&]() -> bool { // true when enough frames were taken
        const qint64 ts = frame->best_effort_timestamp;
        const qint64 ptsMs =
            ts == AV_NOPTS_VALUE ? -1 : av_rescale_q(ts, stream->time_base, AVRational{1, 1000});
        if (firstPtsMs < 0)
            firstPtsMs = ptsMs < 0 ? 0 : ptsMs;
        const auto take = [&](const Bitmap& image) {
            GrabbedFrame out;
            out.image = image;
            const AVRational sar = av_guess_sample_aspect_ratio(format, stream, frame.get());
            out.sampleAspect = sar.num > 0 && sar.den > 0 ? av_q2d(sar) : 1.0;
            out.rotationDegrees = rotation;
            out.ptsMs = ptsMs;
            out.keyFrame = frame->key_frame;
            video.frames.append(out);
            video.codedSize = QSize(frame->width, frame->height);
        };
        if (!clip) {
            take(converter.toBitmap(frame.get()));
            return true;
        }
        const double sinceStart = double((ptsMs < 0 ? firstPtsMs : ptsMs) - firstPtsMs) - request.skipMs;
        Bitmap image;
        // Take this frame for every sample time it has reached (repeats it across a gap in the stream).
        while (video.frames.size() < wanted && sinceStart >= video.frames.size() * intervalMs) {
            if (image.isNull())
                image = converter.toBitmap(frame.get());
            take(image);
        }
        return video.frames.size() >= wanted;
    };

    bool done = false;
    const bool newestOfSegment = fromMemory && !clip && request.newestFrame;
    if (newestOfSegment) {
        SegmentPackets segment = readSegmentPackets(format, videoIndex, stream, soundIndex, interrupt);
        if (interrupt.fired())
            return interruptedError(interrupt);
        audioBytes = segment.audioBytes;
        soundPackets = std::move(segment.audio);
        videoPackets = qint64(segment.video.size());
        keyframePts = segment.keyframePtsMs;
        seenKey = !segment.keyframes.isEmpty();
        FramePtr start;
        qsizetype startKeyframe = -1;
        if (FramePtr newest =
                decodeNewestFrame(decoder, segment, interrupt, corruptPackets, &start, &startKeyframe)) {
            // How long the picture stayed the same: the start picture of that decode, then while it is the
            // same (or was the newest itself) the keyframes before it, each alone.
            SegmentPictureSpanMeter meter(newest.get(), stream->time_base,
                                          video.frameRate > 0 ? qRound64(1000 / video.frameRate) : 0);
            if (meter.extend(start.get()) || meter.waiting())
                for (qsizetype k = startKeyframe - 1; k >= 0 && !interrupt.fired(); --k)
                    if (const FramePtr earlier = decodeKeyframe(decoder, segment, k);
                        !meter.extend(earlier.get()))
                        break;
            video.pictureStillForMs = meter.span().stillForMs;
            video.pictureBlackForMs = meter.span().blackForMs;
            av_frame_move_ref(frame.get(), newest.get());
            takeFrame();
            av_frame_unref(frame.get());
        }
        if (interrupt.fired() && video.frames.isEmpty())
            return interruptedError(interrupt);
        video.keyframes = scanKeyframes(keyframePts, true);
        done = true;
    }
    const bool liveEdge = !fromMemory && !clip && request.newestFrame &&
                          url.startsWith(QStringLiteral("rtmp"), Qt::CaseInsensitive);
    if (liveEdge) {
        LiveEdgeRead read;
        if (FramePtr newest = decodeToLiveEdge(format, videoIndex, decoder, interrupt, read)) {
            av_frame_move_ref(frame.get(), newest.get());
            takeFrame();
            av_frame_unref(frame.get());
        }
        videoPackets = read.videoPackets;
        corruptPackets = read.corruptPackets;
        seenKey = read.videoPackets > 0;
        if (interrupt.fired() && video.frames.isEmpty())
            return interruptedError(interrupt);
        done = true;
    }
    while (!done) {
        if (interrupt.fired())
            return interruptedError(interrupt);
        if (!draining) {
            const int read = av_read_frame(format, packet.get());
            if (read == AVERROR_EOF || (fromMemory && read < 0 && !interrupt.fired())) {
                draining = true;
                avcodec_send_packet(decoder, nullptr);
            } else if (read < 0) {
                if (std::optional<Error> refused = media.refusal())
                    return *refused;
                return interrupt.fired() ? interruptedError(interrupt) : mediaOpenError(read, url, interrupt);
            } else {
                if (packet->stream_index != videoIndex)
                    audioBytes += packet->size;
                if (packet->stream_index == videoIndex) {
                    ++videoPackets;
                    if (fromMemory && (packet->flags & AV_PKT_FLAG_KEY))
                        keyframePts.append(packetPtsMs(packet.get(), stream));
                }
                const bool usable =
                    packet->stream_index == videoIndex && (seenKey || (packet->flags & AV_PKT_FLAG_KEY));
                if (usable) {
                    seenKey = true;
                    const int sent = avcodec_send_packet(decoder, packet.get());
                    if (sent < 0 && sent != AVERROR(EAGAIN) && ++corruptPackets > kMaxCorruptPackets)
                        break;
                }
                if (packet->stream_index == soundIndex)
                    keepPacket(soundPackets, packet.get());
                av_packet_unref(packet.get());
            }
        }
        while (!done) {
            const int received = avcodec_receive_frame(decoder, frame.get());
            if (received == AVERROR(EAGAIN))
                break;
            if (received == AVERROR_EOF) {
                done = true;
                break;
            }
            if (received < 0) {
                if (++corruptPackets > kMaxCorruptPackets)
                    done = true;
                break;
            }
            if (!frame->decode_error_flags && !(frame->flags & AV_FRAME_FLAG_CORRUPT))
                done = takeFrame();
            av_frame_unref(frame.get());
        }
    }
    if (fromMemory && !video.frames.isEmpty() && !newestOfSegment) {
        // The pictures are taken; the rest of the segment is demuxed only (a few hundred packets, no
        // decoding) to time its keyframes. The deadline or a cancel stops it and leaves the scan incomplete.
        bool complete = draining;
        while (!complete && !interrupt.fired()) {
            if (av_read_frame(format, packet.get()) < 0) {
                complete = true; // memory input: the end of the data, or data the demuxer gives up on
                break;
            }
            if (packet->stream_index == videoIndex && (packet->flags & AV_PKT_FLAG_KEY))
                keyframePts.append(packetPtsMs(packet.get(), stream));
            if (packet->stream_index == soundIndex)
                keepPacket(soundPackets, packet.get());
            av_packet_unref(packet.get());
        }
        video.keyframes = scanKeyframes(keyframePts, complete);
    }
    video.bytesRead = media.bytesRead();

    if (video.frames.isEmpty()) {
        if (std::optional<Error> refused = media.refusal()) // the demuxer skipped what it could not open
            return *refused;
        // nginx-rtmp declares a video track in every segment, even for an audio-only publisher. A segment
        // that is mostly something else than its audio held video the demuxer could not read.
        if (videoPackets == 0 && video.hasAudio) {
            if (fromMemory && audioBytes * 2 < video.bytesRead)
                return Error{
                    QStringLiteral("corrupt-video"),
                    QStringLiteral("the segment's video could not be read: of its %1 KiB only %2 KiB "
                                   "are audio (a corrupt segment)")
                        .arg(video.bytesRead / 1024)
                        .arg(audioBytes / 1024),
                    QStringLiteral("If the next segments are corrupt too, check the publisher and the "
                                   "media server's disk.")};
            return noVideoError(true);
        }
        if (!seenKey) {
            return Error{QStringLiteral("no-keyframe"),
                         QStringLiteral("the data held no video keyframe (a truncated or corrupt segment)"),
                         QStringLiteral("Check the publisher's keyframe interval (2 s is usual).")};
        }
        return Error{
            QStringLiteral("decode-error"),
            QStringLiteral("the video could not be decoded (%1 corrupt packets)").arg(corruptPackets),
            {}};
    }
    if (video.frames.first().image.isNull())
        return Error{
            QStringLiteral("decode-error"), QStringLiteral("cannot convert the decoded picture"), {}};
    if (request.measureSound && fromMemory)
        video.sound =
            measureSound(soundIndex >= 0 ? format->streams[soundIndex] : nullptr, soundPackets, interrupt);
    return video;
}

} // namespace avld
