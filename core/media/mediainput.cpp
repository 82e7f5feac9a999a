#include "mediainput.h"

#include "ffmpeglog.h"

#include <QUrl>

#include <cmath>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/mem.h>
}

namespace avld {

void FormatCloser::operator()(AVFormatContext* c) const {
    avformat_close_input(&c);
}
void CodecCloser::operator()(AVCodecContext* c) const {
    avcodec_free_context(&c);
}
void PacketFree::operator()(AVPacket* p) const {
    av_packet_free(&p);
}
void FrameFree::operator()(AVFrame* f) const {
    av_frame_free(&f);
}

namespace {

constexpr int kMemoryIoBufferSize = 64 * 1024;

int interruptCallback(void* opaque) {
    return static_cast<const MediaInterrupt*>(opaque)->fired() ? 1 : 0;
}

struct MemoryReader {
    const QByteArray* data = nullptr;
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

struct IoFree {
    void operator()(AVIOContext* io) const {
        av_freep(&io->buffer);
        avio_context_free(&io);
    }
};

using IoOpen = int (*)(AVFormatContext*, AVIOContext**, const char*, int, AVDictionary**);

// What gatedIoOpen needs, reached through AVFormatContext::opaque (the HLS demuxer opens every URL through
// its parent context's io_open; the nested contexts it makes refuse any open of their own).
struct UrlGate {
    std::function<Status(const QUrl&)> decide;
    IoOpen defaultOpen = nullptr;
    std::optional<Error> refusal;
};

// "crypto+http://…/seg.ts" (an AES-128 segment) is fetched from "http://…/seg.ts".
QUrl fetchedUrl(const char* url) {
    QString text = QString::fromUtf8(url);
    if (text.startsWith(QLatin1String("crypto+")))
        text.remove(0, 7);
    else if (text.startsWith(QLatin1String("crypto:")))
        text.remove(0, 7);
    return QUrl(text);
}

int gatedIoOpen(AVFormatContext* context, AVIOContext** pb, const char* url, int flags,
                AVDictionary** options) {
    auto* gate = static_cast<UrlGate*>(context->opaque);
    if (const Status refused = gate->decide(fetchedUrl(url)); !refused.ok()) {
        if (!gate->refusal)
            gate->refusal = refused.error();
        return AVERROR(EPERM);
    }
    if (options)
        av_dict_set(options, "max_redirects", "0", 0);
    return gate->defaultOpen(context, pb, url, flags, options);
}

// The protocols a URL of this scheme may lead libavformat to (nested opens included): no file:, no data:
// from a remote playlist.
QByteArray protocolWhitelist(const QString& scheme) {
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return "http,https,tls,tcp,crypto";
    if (scheme.startsWith(QLatin1String("rtmp")))
        return "rtmp,rtmps,rtmpt,rtmpts,tcp,tls";
    return {};
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

} // namespace

struct MediaInput::Parts {
    // Declared first so that it is destroyed last: the format context reads through the I/O context.
    MemoryReader reader;
    std::unique_ptr<AVIOContext, IoFree> io;
    std::unique_ptr<AVFormatContext, FormatCloser> format;
    QString url;
    UrlGate gate;
};

MediaInput::MediaInput() = default;
MediaInput::~MediaInput() = default;
MediaInput::MediaInput(MediaInput&&) noexcept = default;
MediaInput& MediaInput::operator=(MediaInput&&) noexcept = default;

AVFormatContext* MediaInput::format() const {
    return m_parts ? m_parts->format.get() : nullptr;
}

QString MediaInput::url() const {
    return m_parts ? m_parts->url : QString();
}

bool MediaInput::fromMemory() const {
    return m_parts && m_parts->io;
}

std::optional<Error> MediaInput::refusal() const {
    return m_parts ? m_parts->gate.refusal : std::nullopt;
}

qint64 MediaInput::bytesRead() const {
    if (!m_parts)
        return 0;
    if (m_parts->io)
        return m_parts->reader.position;
    return m_parts->format && m_parts->format->pb ? m_parts->format->pb->bytes_read : 0;
}

Result<MediaInput> MediaInput::open(const DecoderInput& input, const MediaInterrupt& interrupt) {
    installFfmpegLogHandler();
    const bool fromMemory = !input.data.isEmpty();
    if (!fromMemory && input.url.isEmpty()) // fetched bytes that were none at all
        return Error{QStringLiteral("empty-segment"), QStringLiteral("the media segment was empty (0 bytes)"),
                     QStringLiteral("The media server wrote nothing: is the publisher still sending?")};
    auto parts = std::make_unique<Parts>();

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        return Error{QStringLiteral("out-of-memory"), QStringLiteral("cannot allocate a demuxer"), {}};
    raw->interrupt_callback = {interruptCallback, const_cast<MediaInterrupt*>(&interrupt)};
    // Small but safe probing: enough for one GOP of a 1080p stream, never the default 5 s.
    raw->probesize = 2 * 1024 * 1024;
    raw->max_analyze_duration = 3 * AV_TIME_BASE;
    const bool playedLive = QUrl(input.url).scheme().startsWith(QStringLiteral("rtmp"), Qt::CaseInsensitive);
    if (playedLive) {
        // A live played as it happens: every second of analysis is a second of waiting. With its streams
        // declared up front (flv_metadata, below) the analysis ends once the first keyframe is there, instead
        // of waiting the whole duration for a stream that might still appear; the frame rate is not guessed
        // from the timing (which would read on).
        raw->fps_probe_size = 0;
    }

    if (input.urlGate) {
        parts->gate.decide = input.urlGate;
        parts->gate.defaultOpen = raw->io_open;
        raw->opaque = &parts->gate;
        raw->io_open = gatedIoOpen;
    }
    if (fromMemory) {
        parts->reader.data = &input.data;
        auto* buffer = static_cast<unsigned char*>(av_malloc(kMemoryIoBufferSize));
        parts->io.reset(avio_alloc_context(buffer, kMemoryIoBufferSize, 0, &parts->reader, readMemory,
                                           nullptr, seekMemory));
        raw->pb = parts->io.get();
        raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    }

    AVDictionary* options = nullptr;
    parts->url = fromMemory ? QString() : input.url;
    const AVInputFormat* forcedFormat = nullptr;
    if (!fromMemory) {
        const QString scheme = QUrl(parts->url).scheme();
        // Each blocking network read gives up at the deadline even if the interrupt check is not reached.
        const qint64 remainingMs = interrupt.deadline ? interrupt.deadline->remainingMs() : 10'000;
        const qint64 rwTimeoutUs = qBound(qint64(100), remainingMs, qint64(60'000)) * 1000;
        av_dict_set(&options, "rw_timeout", QByteArray::number(rwTimeoutUs).constData(), 0);
        if (const QByteArray allowed = protocolWhitelist(scheme); !allowed.isEmpty())
            av_dict_set(&options, "protocol_whitelist", allowed.constData(), 0);
        if (!input.userAgent.isEmpty())
            av_dict_set(&options, "user_agent", input.userAgent.toUtf8().constData(), 0);
        if (playedLive) // the streams the publisher's onMetaData names (nginx-rtmp passes it on)
            av_dict_set(&options, "flv_metadata", "1", 0);
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

    const int opened = avformat_open_input(&raw, fromMemory ? nullptr : parts->url.toUtf8().constData(),
                                           forcedFormat, &options);
    av_dict_free(&options);
    if (opened < 0) // avformat_open_input frees the context on failure
        return parts->gate.refusal ? *parts->gate.refusal : mediaOpenError(opened, parts->url, interrupt);
    parts->format.reset(raw);

    // An MPEG-TS segment names its streams in the PMT up front; other inputs need probing to find them.
    if (!fromMemory || raw->nb_streams == 0) {
        const int found = avformat_find_stream_info(raw, nullptr);
        if (found < 0)
            return parts->gate.refusal ? *parts->gate.refusal : mediaOpenError(found, parts->url, interrupt);
    }
    MediaInput result;
    result.m_parts = std::move(parts);
    return result;
}

Result<VideoDecoder> openVideoDecoder(AVFormatContext* format, bool keyframesOnly) {
    VideoDecoder video;
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            video.hasAudio = true;
    }
    const AVCodec* codec = nullptr;
    video.streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (video.streamIndex < 0 || !codec) {
        if (video.streamIndex == AVERROR_DECODER_NOT_FOUND)
            return Error{QStringLiteral("no-decoder"),
                         QStringLiteral("this FFmpeg build cannot decode the video codec"),
                         {}};
        return noVideoError(video.hasAudio);
    }
    video.stream = format->streams[video.streamIndex];
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (int(i) != video.streamIndex)
            format->streams[i]->discard = AVDISCARD_ALL;
    }
    video.context.reset(avcodec_alloc_context3(codec));
    if (!video.context)
        return Error{QStringLiteral("out-of-memory"), QStringLiteral("cannot allocate a decoder"), {}};
    avcodec_parameters_to_context(video.context.get(), video.stream->codecpar);
    // One keyframe decodes fastest on one thread (frame threads only add delay); whole runs use the cores.
    video.context->thread_count = keyframesOnly ? 1 : 0;
    if (keyframesOnly)
        video.context->skip_frame = AVDISCARD_NONKEY;
    if (avcodec_open2(video.context.get(), codec, nullptr) < 0)
        return Error{QStringLiteral("decode-error"),
                     QStringLiteral("cannot open the %1 decoder").arg(QString::fromLatin1(codec->name)),
                     {}};
    video.codec = QString::fromLatin1(codec->name);
    const AVRational rate = av_guess_frame_rate(format, video.stream, nullptr);
    video.frameRate = rate.den ? av_q2d(rate) : 0;
    video.rotationDegrees = clockwiseRotation(video.stream);
    return video;
}

void keepPacket(std::vector<PacketPtr>& kept, AVPacket* packet) {
    PacketPtr moved(av_packet_alloc());
    av_packet_move_ref(moved.get(), packet);
    kept.push_back(std::move(moved));
}

qint64 packetPtsMs(const AVPacket* packet, const AVStream* stream) {
    const qint64 ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
    return ts == AV_NOPTS_VALUE ? -1 : av_rescale_q(ts, stream->time_base, AVRational{1, 1000});
}

QString avErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

Error interruptedError(const MediaInterrupt& interrupt) {
    if (interrupt.cancel && interrupt.cancel->load())
        return {QStringLiteral("cancelled"), QStringLiteral("the grab was cancelled"), {}};
    return {
        QStringLiteral("timeout"),
        QStringLiteral("no frame within %1 ms").arg(interrupt.deadline ? interrupt.deadline->timeoutMs() : 0),
        QStringLiteral("The server is slow or silent; check that the stream is really live.")};
}

Error noVideoError(bool hasAudio) {
    return {QStringLiteral("no-video"),
            hasAudio ? QStringLiteral("the stream has audio but no video: there is no picture to grab")
                     : QStringLiteral("the stream has no video"),
            QStringLiteral("An audio-only live shows AVideo's card by design.")};
}

Error mediaOpenError(int code, const QString& url, const MediaInterrupt& interrupt) {
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

} // namespace avld
