#include "framedecoder.h"

#include "ffmpeglog.h"

#include <cmath>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/mem.h>
#include <libswscale/swscale.h>
}

namespace avld {

namespace {

constexpr int kMemoryIoBufferSize = 64 * 1024;
constexpr int kMaxCorruptPackets = 50;

struct Interrupt {
    const Deadline* deadline;
    const std::atomic_bool* cancel;
    bool fired() const { return (cancel && cancel->load()) || deadline->expired(); }
};

int interruptCallback(void* opaque) {
    return static_cast<const Interrupt*>(opaque)->fired() ? 1 : 0;
}

struct MemoryReader {
    const QByteArray* data;
    qint64 position = 0;
};

int readMemory(void* opaque, uint8_t* buffer, int size) {
    auto* reader = static_cast<MemoryReader*>(opaque);
    const qint64 left = reader->data->size() - reader->position;
    if (left <= 0)
        return AVERROR_EOF;
    const int n = int(qMin<qint64>(left, size));
    memcpy(buffer, reader->data->constData() + reader->position, size_t(n));
    reader->position += n;
    return n;
}

int64_t seekMemory(void* opaque, int64_t offset, int whence) {
    auto* reader = static_cast<MemoryReader*>(opaque);
    const qint64 size = reader->data->size();
    switch (whence & ~AVSEEK_FORCE) {
    case AVSEEK_SIZE:
        return size;
    case SEEK_SET:
        break;
    case SEEK_CUR:
        offset += reader->position;
        break;
    case SEEK_END:
        offset += size;
        break;
    default:
        return -1;
    }
    if (offset < 0 || offset > size)
        return -1;
    reader->position = offset;
    return offset;
}

QString avErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

Error interruptedError(const Interrupt& interrupt) {
    if (interrupt.cancel && interrupt.cancel->load())
        return {QStringLiteral("cancelled"), QStringLiteral("the grab was cancelled"), {}};
    return {QStringLiteral("timeout"),
            QStringLiteral("no frame within %1 ms").arg(interrupt.deadline->timeoutMs()),
            QStringLiteral("The server is slow or silent; check that the stream is really live.")};
}

// Turns libavformat's answer to opening a URL into a reason a person can act on.
Error openError(int code, const QString& url, const Interrupt& interrupt) {
    if (interrupt.fired() || code == AVERROR_EXIT)
        return interruptedError(interrupt);
    switch (code) {
    case AVERROR(ECONNREFUSED):
        return {QStringLiteral("connect-refused"),
                QStringLiteral("%1 refused the connection").arg(QUrl(url).host()),
                QStringLiteral("Nothing listens on that port: is the media server running?")};
    case AVERROR(ETIMEDOUT):
        return interruptedError(interrupt);
    case AVERROR_HTTP_NOT_FOUND:
        return {QStringLiteral("http-404"), QStringLiteral("the server has no stream at this URL (HTTP 404)"),
                QStringLiteral("The live may have stopped, or the key is wrong.")};
    case AVERROR_HTTP_FORBIDDEN:
        return {QStringLiteral("http-403"), QStringLiteral("the server refused access (HTTP 403)"),
                QStringLiteral("AVideo's key protection checks the User-Agent and Referer.")};
    case AVERROR_HTTP_UNAUTHORIZED:
        return {QStringLiteral("http-401"), QStringLiteral("the server wants credentials (HTTP 401)"), {}};
    case AVERROR_HTTP_SERVER_ERROR:
        return {QStringLiteral("http-5xx"), QStringLiteral("the server failed (HTTP 5xx)"), {}};
    case AVERROR_INVALIDDATA:
        return {QStringLiteral("not-media"),
                QStringLiteral("the data at this URL is not a stream FFmpeg can read"),
                {}};
    case AVERROR_PROTOCOL_NOT_FOUND:
        return {QStringLiteral("unsupported-url"),
                QStringLiteral("this kind of URL is not supported: %1").arg(url),
                QStringLiteral("Use an http(s):// HLS URL, an rtmp:// URL or a file.")};
    case AVERROR(ENOENT):
        return {QStringLiteral("not-found"), QStringLiteral("no such file: %1").arg(url), {}};
    default:
        return {QStringLiteral("open-failed"),
                QStringLiteral("cannot open the stream: %1").arg(avErrorText(code)),
                {}};
    }
}

struct FormatCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecCloser {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct IoFree {
    void operator()(AVIOContext* io) const {
        av_freep(&io->buffer);
        avio_context_free(&io);
    }
};
struct SwsFree {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};

qint64 packetPtsMs(const AVPacket* packet, const AVStream* stream) {
    const qint64 ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
    return ts == AV_NOPTS_VALUE ? -1 : av_rescale_q(ts, stream->time_base, AVRational{1, 1000});
}

int clockwiseRotation(const AVStream* stream) {
    const auto* matrix =
        reinterpret_cast<const int32_t*>(av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    // av_display_rotation_get() is counter-clockwise; display needs the clockwise turn, snapped to 90°.
    double theta = -std::round(av_display_rotation_get(matrix));
    theta -= 360 * std::floor(theta / 360 + 0.9 / 360);
    const int snapped = int(std::lround(theta / 90.0)) % 4 * 90;
    return snapped < 0 ? snapped + 360 : snapped;
}

class PictureConverter {
public:
    explicit PictureConverter(int maxWidth)
        : m_maxWidth(maxWidth) {}

    QImage toImage(const AVFrame* frame) {
        const auto format = AVPixelFormat(frame->format);
        int width = frame->width;
        int height = frame->height;
        if (m_maxWidth > 0 && width > m_maxWidth) {
            height = qMax(1, int(qint64(height) * m_maxWidth / width));
            width = m_maxWidth;
        }
        m_context.reset(sws_getCachedContext(m_context.release(), frame->width, frame->height, format, width,
                                             height, AV_PIX_FMT_RGB32, SWS_BILINEAR, nullptr, nullptr,
                                             nullptr));
        if (!m_context)
            return {};
        int colorspace = frame->colorspace;
        if (colorspace == AVCOL_SPC_UNSPECIFIED || colorspace == AVCOL_SPC_RGB)
            colorspace = frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
        const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG;
        sws_setColorspaceDetails(m_context.get(), sws_getCoefficients(colorspace), fullRange,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        // swscale's SIMD colour conversion writes whole vectors and runs past the end of a tightly packed
        // last row (valgrind caught it on a 360-pixel-wide stream). Give it padded rows and a spare tail; the
        // QImage wraps that buffer without copying and frees it with av_free.
        const qsizetype stride = FFALIGN(qsizetype(width) * 4, 64);
        auto* buffer = static_cast<uchar*>(av_malloc(size_t(stride * (height + 1) + 64)));
        if (!buffer)
            return {};
        QImage image(buffer, width, height, stride, QImage::Format_RGB32, av_free, buffer);
        uint8_t* planes[4] = {buffer, nullptr, nullptr, nullptr};
        int strides[4] = {int(stride), 0, 0, 0};
        sws_scale(m_context.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
        return image;
    }

private:
    int m_maxWidth = 0;
    std::unique_ptr<SwsContext, SwsFree> m_context;
};

} // namespace

Result<DecodedVideo> FrameDecoder::decode(const DecoderInput& input, const DecodeRequest& request,
                                          const Deadline& deadline, const CancelFlag& cancel) {
    installFfmpegLogHandler();
    Interrupt interrupt{&deadline, cancel.get()};
    const bool fromMemory = !input.data.isEmpty();

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        return Error{QStringLiteral("out-of-memory"), QStringLiteral("cannot allocate a demuxer"), {}};
    raw->interrupt_callback = {interruptCallback, &interrupt};
    // Small but safe probing: enough for one GOP of a 1080p stream, never the default 5 s.
    raw->probesize = 2 * 1024 * 1024;
    raw->max_analyze_duration = 3 * AV_TIME_BASE;

    MemoryReader reader{&input.data};
    std::unique_ptr<AVIOContext, IoFree> io;
    if (fromMemory) {
        auto* buffer = static_cast<unsigned char*>(av_malloc(kMemoryIoBufferSize));
        io.reset(
            avio_alloc_context(buffer, kMemoryIoBufferSize, 0, &reader, readMemory, nullptr, seekMemory));
        raw->pb = io.get();
        raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    }

    AVDictionary* options = nullptr;
    const QString url = fromMemory ? QString() : input.url;
    const AVInputFormat* forcedFormat = nullptr;
    if (!fromMemory) {
        const QString scheme = QUrl(url).scheme();
        // Each blocking network read gives up at the deadline even if the interrupt check is not reached.
        const qint64 rwTimeoutUs = qMax<qint64>(100, deadline.remainingMs()) * 1000;
        av_dict_set(&options, "rw_timeout", QByteArray::number(rwTimeoutUs).constData(), 0);
        if (!input.userAgent.isEmpty())
            av_dict_set(&options, "user_agent", input.userAgent.toUtf8().constData(), 0);
        if (scheme.startsWith(QStringLiteral("http"))) {
            if (!input.referer.isEmpty())
                av_dict_set(&options, "headers", ("Referer: " + input.referer.toUtf8() + "\r\n").constData(),
                            0);
            av_dict_set(&options, "tls_verify", "1", 0);
            av_dict_set(&options, "ca_file", "/etc/ssl/certs/ca-certificates.crt", 0);
            av_dict_set(&options, "live_start_index", QByteArray::number(input.liveStartIndex).constData(),
                        0);
            forcedFormat = av_find_input_format("hls");
        } else if (scheme == QStringLiteral("rtmp") || scheme == QStringLiteral("rtmps")) {
            av_dict_set(&options, "rtmp_live", "live", 0);
        }
    }

    const int opened =
        avformat_open_input(&raw, fromMemory ? nullptr : url.toUtf8().constData(), forcedFormat, &options);
    av_dict_free(&options);
    if (opened < 0) // avformat_open_input frees the context on failure
        return openError(opened, url, interrupt);
    std::unique_ptr<AVFormatContext, FormatCloser> format(raw);

    // An MPEG-TS segment names its streams in the PMT up front; other inputs need probing to find them.
    if (!fromMemory || format->nb_streams == 0) {
        const int found = avformat_find_stream_info(format.get(), nullptr);
        if (found < 0)
            return interrupt.fired() ? interruptedError(interrupt) : openError(found, url, interrupt);
    }

    DecodedVideo video;
    video.container = QString::fromLatin1(format->iformat->name).section(QLatin1Char(','), 0, 0);
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            video.hasAudio = true;
    }

    const AVCodec* codec = nullptr;
    const int videoIndex = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (videoIndex < 0 || !codec) {
        if (videoIndex == AVERROR_DECODER_NOT_FOUND)
            return Error{QStringLiteral("no-decoder"),
                         QStringLiteral("this FFmpeg build cannot decode the video codec"),
                         {}};
        return Error{QStringLiteral("no-video"),
                     video.hasAudio
                         ? QStringLiteral("the stream has audio but no video: there is no picture to grab")
                         : QStringLiteral("the stream has no video"),
                     QStringLiteral("An audio-only live shows AVideo's card by design.")};
    }
    AVStream* stream = format->streams[videoIndex];
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (int(i) != videoIndex)
            format->streams[i]->discard = AVDISCARD_ALL;
    }

    std::unique_ptr<AVCodecContext, CodecCloser> decoder(avcodec_alloc_context3(codec));
    avcodec_parameters_to_context(decoder.get(), stream->codecpar);
    const bool clip = request.clipDurationMs > 0;
    // One keyframe decodes fastest on one thread (frame threads only add delay); clips use the cores.
    decoder->thread_count = clip ? 0 : 1;
    if (!clip)
        decoder->skip_frame = AVDISCARD_NONKEY;
    if (avcodec_open2(decoder.get(), codec, nullptr) < 0)
        return Error{QStringLiteral("decode-error"),
                     QStringLiteral("cannot open the %1 decoder").arg(QString::fromLatin1(codec->name)),
                     {}};
    video.codec = QString::fromLatin1(codec->name);
    const AVRational rate = av_guess_frame_rate(format.get(), stream, nullptr);
    video.frameRate = rate.den ? av_q2d(rate) : 0;
    const int rotation = clockwiseRotation(stream);

    std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFree> frame(av_frame_alloc());
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
        const auto take = [&](const QImage& image) {
            GrabbedFrame out;
            out.image = image;
            const AVRational sar = av_guess_sample_aspect_ratio(format.get(), stream, frame.get());
            out.sampleAspect = sar.num > 0 && sar.den > 0 ? av_q2d(sar) : 1.0;
            out.rotationDegrees = rotation;
            out.ptsMs = ptsMs;
            out.keyFrame = frame->key_frame;
            video.frames.append(out);
            video.codedSize = QSize(frame->width, frame->height);
        };
        if (!clip) {
            take(converter.toImage(frame.get()));
            return true;
        }
        const double sinceStart = double((ptsMs < 0 ? firstPtsMs : ptsMs) - firstPtsMs) - request.skipMs;
        QImage image;
        // Take this frame for every sample time it has reached (repeats it across a gap in the stream).
        while (video.frames.size() < wanted && sinceStart >= video.frames.size() * intervalMs) {
            if (image.isNull())
                image = converter.toImage(frame.get());
            take(image);
        }
        return video.frames.size() >= wanted;
    };

    bool done = false;
    while (!done) {
        if (interrupt.fired())
            return interruptedError(interrupt);
        if (!draining) {
            const int read = av_read_frame(format.get(), packet.get());
            if (read == AVERROR_EOF || (fromMemory && read < 0 && !interrupt.fired())) {
                draining = true;
                avcodec_send_packet(decoder.get(), nullptr);
            } else if (read < 0) {
                return interrupt.fired() ? interruptedError(interrupt) : openError(read, url, interrupt);
            } else {
                if (packet->stream_index == videoIndex) {
                    ++videoPackets;
                    if (fromMemory && (packet->flags & AV_PKT_FLAG_KEY))
                        keyframePts.append(packetPtsMs(packet.get(), stream));
                }
                const bool usable =
                    packet->stream_index == videoIndex && (seenKey || (packet->flags & AV_PKT_FLAG_KEY));
                if (usable) {
                    seenKey = true;
                    const int sent = avcodec_send_packet(decoder.get(), packet.get());
                    if (sent < 0 && sent != AVERROR(EAGAIN) && ++corruptPackets > kMaxCorruptPackets)
                        break;
                }
                av_packet_unref(packet.get());
            }
        }
        while (!done) {
            const int received = avcodec_receive_frame(decoder.get(), frame.get());
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
    if (fromMemory && !video.frames.isEmpty()) {
        // The pictures are taken; the rest of the segment is demuxed only (a few hundred packets, no
        // decoding) to time its keyframes. The deadline or a cancel stops it and leaves the scan incomplete.
        bool complete = draining;
        while (!complete && !interrupt.fired()) {
            if (av_read_frame(format.get(), packet.get()) < 0) {
                complete = true; // memory input: the end of the data, or data the demuxer gives up on
                break;
            }
            if (packet->stream_index == videoIndex && (packet->flags & AV_PKT_FLAG_KEY))
                keyframePts.append(packetPtsMs(packet.get(), stream));
            av_packet_unref(packet.get());
        }
        video.keyframes = scanKeyframes(keyframePts, complete);
    }
    video.bytesRead = fromMemory ? reader.position : (format->pb ? format->pb->bytes_read : 0);

    if (video.frames.isEmpty()) {
        // nginx-rtmp declares a video track in every segment, even for an audio-only publisher.
        if (videoPackets == 0 && video.hasAudio) {
            return Error{QStringLiteral("no-video"),
                         QStringLiteral("the stream has audio but no video: there is no picture to grab"),
                         QStringLiteral("An audio-only live shows AVideo's card by design.")};
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
    return video;
}

} // namespace avld
