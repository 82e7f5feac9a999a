#include "animatedencoder.h"

#include "ffmpeglog.h"
#include "imageencoder.h"

#include <QThread>
#include <QtConcurrent>

#include <cstring>
#include <memory>
#include <utility>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
}

namespace avld {

namespace {

struct AvDeleter {
    void operator()(AVFrame* p) const { av_frame_free(&p); }
    void operator()(AVPacket* p) const { av_packet_free(&p); }
    void operator()(AVCodecContext* p) const { avcodec_free_context(&p); }
    void operator()(AVFilterGraph* p) const { avfilter_graph_free(&p); }
};
template <typename T> using AvPtr = std::unique_ptr<T, AvDeleter>;

QString avErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromLocal8Bit(text);
}

Error ffmpegError(const QString& step, int code) {
    return {QStringLiteral("ffmpeg"),
            QStringLiteral("FFmpeg failed to %1: %2.").arg(step, avErrorText(code)),
            {}};
}

Error missing(const QString& what, const QString& format) {
    return {QStringLiteral("encoder-missing"),
            QStringLiteral("This FFmpeg build has no %1, so %2 thumbnails cannot be made.").arg(what, format),
            QStringLiteral(
                "Install an FFmpeg built with it (Debian 12's libavcodec59 and libavfilter8 have it).")};
}

Status checkFrames(const QList<Bitmap>& frames, int fps) {
    if (frames.isEmpty())
        return Error{QStringLiteral("no-frames"), QStringLiteral("There are no frames to animate."), {}};
    if (fps < 1 || fps > 100)
        return Error{QStringLiteral("bad-fps"),
                     QStringLiteral("A frame rate of %1 per second is out of range (1 to 100).").arg(fps),
                     {}};
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (frames[i].isNull())
            return Error{
                QStringLiteral("empty-image"), QStringLiteral("Frame %1 has no picture.").arg(i + 1), {}};
        if (frames[i].width() != frames.front().width() || frames[i].height() != frames.front().height())
            return Error{
                QStringLiteral("size-mismatch"),
                QStringLiteral("Frame %1 is %2x%3 but the first frame is %4x%5; all must be one size.")
                    .arg(i + 1)
                    .arg(frames[i].width())
                    .arg(frames[i].height())
                    .arg(frames.front().width())
                    .arg(frames.front().height()),
                QStringLiteral("Render every frame with the same ThumbnailRenderer box.")};
    }
    return {};
}

// A Bitmap's pixels (0xffRRGGBB, native order) are FFmpeg's RGB32 with an opaque alpha byte.
Result<AvPtr<AVFrame>> toAvFrame(const Bitmap& rgb, qint64 pts) {
    AvPtr<AVFrame> frame(av_frame_alloc());
    if (!frame)
        return ffmpegError(QStringLiteral("allocate a frame"), AVERROR(ENOMEM));
    frame->format = AV_PIX_FMT_RGB32;
    frame->width = rgb.width();
    frame->height = rgb.height();
    frame->pts = pts;
    if (const int ret = av_frame_get_buffer(frame.get(), 0); ret < 0)
        return ffmpegError(QStringLiteral("allocate a frame"), ret);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(frame->data[0] + qsizetype(y) * frame->linesize[0], rgb.constScanLine(y),
                    size_t(rgb.bytesPerLine()));
    return frame;
}

// A muxer that writes into memory through a custom AVIOContext (no temporary files).
class MemoryMuxer {
public:
    ~MemoryMuxer() {
        if (m_context) {
            if (m_context->pb) {
                av_freep(&m_context->pb->buffer);
                avio_context_free(&m_context->pb);
            }
            avformat_free_context(m_context);
        }
    }

    Status open(const char* formatName, const AVCodecContext* encoder, AVDictionary** options) {
        int ret = avformat_alloc_output_context2(&m_context, nullptr, formatName, nullptr);
        if (ret < 0)
            return ffmpegError(QStringLiteral("set up the %1 muxer").arg(QLatin1String(formatName)), ret);
        constexpr int BufferSize = 64 * 1024;
        auto* buffer = static_cast<unsigned char*>(av_malloc(BufferSize));
        m_context->pb =
            buffer ? avio_alloc_context(buffer, BufferSize, 1, this, nullptr, &write, &seek) : nullptr;
        if (!m_context->pb) {
            av_free(buffer);
            return ffmpegError(QStringLiteral("allocate an output buffer"), AVERROR(ENOMEM));
        }
        m_context->flags |= AVFMT_FLAG_CUSTOM_IO;
        m_stream = avformat_new_stream(m_context, nullptr);
        if (!m_stream)
            return ffmpegError(QStringLiteral("add a stream"), AVERROR(ENOMEM));
        m_stream->time_base = encoder->time_base;
        if ((ret = avcodec_parameters_from_context(m_stream->codecpar, encoder)) < 0)
            return ffmpegError(QStringLiteral("pass the encoder settings to the muxer"), ret);
        if ((ret = avformat_write_header(m_context, options)) < 0)
            return ffmpegError(QStringLiteral("write the file header"), ret);
        m_encoderTimeBase = encoder->time_base;
        return {};
    }

    Status write(AVPacket* packet) {
        av_packet_rescale_ts(packet, m_encoderTimeBase, m_stream->time_base);
        packet->stream_index = m_stream->index;
        if (const int ret = av_write_frame(m_context, packet); ret < 0)
            return ffmpegError(QStringLiteral("write a frame"), ret);
        return {};
    }

    Result<QByteArray> finish() {
        if (const int ret = av_write_trailer(m_context); ret < 0)
            return ffmpegError(QStringLiteral("finish the file"), ret);
        avio_flush(m_context->pb);
        return std::exchange(m_data, {});
    }

private:
#if LIBAVFORMAT_VERSION_MAJOR >= 61
    static int write(void* opaque, const uint8_t* data, int size)
#else
    static int write(void* opaque, uint8_t* data, int size)
#endif
    {
        auto* self = static_cast<MemoryMuxer*>(opaque);
        if (self->m_position + size > self->m_data.size())
            self->m_data.resize(self->m_position + size);
        std::memcpy(self->m_data.data() + self->m_position, data, size_t(size));
        self->m_position += size;
        return size;
    }

    static int64_t seek(void* opaque, int64_t offset, int whence) {
        auto* self = static_cast<MemoryMuxer*>(opaque);
        switch (whence & ~AVSEEK_FORCE) {
        case AVSEEK_SIZE:
            return self->m_data.size();
        case SEEK_SET:
            break;
        case SEEK_CUR:
            offset += self->m_position;
            break;
        case SEEK_END:
            offset += self->m_data.size();
            break;
        default:
            return AVERROR(EINVAL);
        }
        if (offset < 0)
            return AVERROR(EINVAL);
        self->m_position = offset;
        return offset;
    }

    AVFormatContext* m_context = nullptr;
    AVStream* m_stream = nullptr;
    AVRational m_encoderTimeBase{1, 1};
    QByteArray m_data;
    qint64 m_position = 0;
};

// Sends one frame (or nullptr to flush) and muxes every packet the encoder has ready.
Status encodeInto(AVCodecContext* encoder, const AVFrame* frame, MemoryMuxer& muxer) {
    int ret = avcodec_send_frame(encoder, frame);
    if (ret < 0)
        return ffmpegError(QStringLiteral("encode a frame"), ret);
    AvPtr<AVPacket> packet(av_packet_alloc());
    if (!packet)
        return ffmpegError(QStringLiteral("allocate a packet"), AVERROR(ENOMEM));
    while ((ret = avcodec_receive_packet(encoder, packet.get())) >= 0) {
        Status failed = muxer.write(packet.get());
        av_packet_unref(packet.get());
        if (!failed.ok())
            return failed;
    }
    if (ret != AVERROR(EAGAIN) && ret != AVERROR_EOF)
        return ffmpegError(QStringLiteral("encode a frame"), ret);
    return {};
}

Result<AvPtr<AVCodecContext>> openEncoder(const AVCodec* codec, QSize size, AVPixelFormat format,
                                          AVRational timeBase, AVDictionary** options,
                                          int compressionLevel = -1) {
    AvPtr<AVCodecContext> encoder(avcodec_alloc_context3(codec));
    if (!encoder)
        return ffmpegError(QStringLiteral("set up the %1 encoder").arg(QLatin1String(codec->name)),
                           AVERROR(ENOMEM));
    encoder->width = size.width();
    encoder->height = size.height();
    encoder->pix_fmt = format;
    encoder->time_base = timeBase;
    encoder->sample_aspect_ratio = AVRational{1, 1};
    if (compressionLevel >= 0)
        encoder->compression_level = compressionLevel;
    if (const int ret = avcodec_open2(encoder.get(), codec, options); ret < 0)
        return ffmpegError(QStringLiteral("open the %1 encoder").arg(QLatin1String(codec->name)), ret);
    return encoder;
}

// split -> palettegen (one palette for the whole clip) -> paletteuse, as the encoder's ffmpeg command does.
Result<AvPtr<AVFilterGraph>> paletteGraph(QSize size, int fps, AVFilterContext** source,
                                          AVFilterContext** sink) {
    AvPtr<AVFilterGraph> graph(avfilter_graph_alloc());
    if (!graph)
        return ffmpegError(QStringLiteral("set up the palette filters"), AVERROR(ENOMEM));
    graph->nb_threads = 1; // the service runs many encodes side by side; one thread each is enough
    const QByteArray args = QStringLiteral("video_size=%1x%2:pix_fmt=%3:time_base=1/%4:pixel_aspect=1/1")
                                .arg(size.width())
                                .arg(size.height())
                                .arg(int(AV_PIX_FMT_RGB32))
                                .arg(fps)
                                .toLatin1();
    int ret = avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args.constData(),
                                           nullptr, graph.get());
    if (ret >= 0)
        ret = avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr,
                                           graph.get());
    if (ret < 0)
        return ffmpegError(QStringLiteral("set up the palette filters"), ret);

    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    if (outputs && inputs) {
        outputs->name = av_strdup("in");
        outputs->filter_ctx = *source;
        inputs->name = av_strdup("out");
        inputs->filter_ctx = *sink;
        ret = avfilter_graph_parse_ptr(graph.get(), "split[a][b];[a]palettegen[p];[b][p]paletteuse", &inputs,
                                       &outputs, nullptr);
    } else {
        ret = AVERROR(ENOMEM);
    }
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    if (ret >= 0)
        ret = avfilter_graph_config(graph.get(), nullptr);
    if (ret < 0)
        return ffmpegError(QStringLiteral("set up the palette filters"), ret);
    return graph;
}

using Packets = std::vector<AvPtr<AVPacket>>;

// Frames [from, to) as still WebP pictures (each packet a whole RIFF file), timed by their index.
Result<Packets> encodeStills(AVCodecContext* encoder, const QList<Bitmap>& frames, qsizetype from,
                             qsizetype to) {
    Packets packets;
    for (qsizetype i = from; i < to; ++i) {
        Result<AvPtr<AVFrame>> frame = toAvFrame(frames[i], i);
        if (!frame)
            return frame.error();
        if (const int ret = avcodec_send_frame(encoder, frame->get()); ret < 0)
            return ffmpegError(QStringLiteral("encode a frame"), ret);
        AvPtr<AVPacket> packet(av_packet_alloc());
        if (!packet)
            return ffmpegError(QStringLiteral("allocate a packet"), AVERROR(ENOMEM));
        if (const int ret = avcodec_receive_packet(encoder, packet.get()); ret < 0)
            return ffmpegError(QStringLiteral("encode a frame"), ret);
        // The muxer times each frame by the next one's pts, the last by its duration.
        packet->pts = packet->dts = i;
        packet->duration = 1;
        packets.push_back(std::move(packet));
    }
    return packets;
}

} // namespace

AnimatedEncoder::AnimatedEncoder()
    : AnimatedEncoder(Options{}) {}

AnimatedEncoder::AnimatedEncoder(Options options)
    : m_options(std::move(options)) {
    installFfmpegLogHandler(); // palettegen and libwebp chatter goes to avld.media, not stderr
}

bool AnimatedEncoder::gifAvailable() {
    for (const char* filter : {"buffer", "buffersink", "split", "palettegen", "paletteuse"}) {
        if (!avfilter_get_by_name(filter))
            return false;
    }
    return avcodec_find_encoder(AV_CODEC_ID_GIF) && av_guess_format("gif", nullptr, nullptr);
}

bool AnimatedEncoder::webpAvailable() {
    return avcodec_find_encoder_by_name("libwebp") && av_guess_format("webp", nullptr, nullptr);
}

Result<QByteArray> AnimatedEncoder::encodeGif(const QList<Bitmap>& frames, int fps) const {
    if (const Status invalid = checkFrames(frames, fps); !invalid.ok())
        return invalid.error();
    if (!gifAvailable())
        return missing(QStringLiteral("GIF encoder, GIF muxer or palette filters"), QStringLiteral("GIF"));
    const QSize size(frames.front().width(), frames.front().height());

    AVFilterContext* source = nullptr;
    AVFilterContext* sink = nullptr;
    Result<AvPtr<AVFilterGraph>> graph = paletteGraph(size, fps, &source, &sink);
    if (!graph)
        return graph.error();
    for (qsizetype i = 0; i < frames.size(); ++i) {
        Result<AvPtr<AVFrame>> frame = toAvFrame(frames[i], i);
        if (!frame)
            return frame.error();
        if (const int ret = av_buffersrc_add_frame(source, frame->get()); ret < 0)
            return ffmpegError(QStringLiteral("feed the palette filters"), ret);
    }
    // palettegen emits its palette only at the end of the input, so the whole clip goes in before anything
    // comes out (30 small frames: a few MB at most).
    if (const int ret = av_buffersrc_add_frame(source, nullptr); ret < 0)
        return ffmpegError(QStringLiteral("feed the palette filters"), ret);

    Result<AvPtr<AVCodecContext>> encoder =
        openEncoder(avcodec_find_encoder(AV_CODEC_ID_GIF), size, AV_PIX_FMT_PAL8,
                    av_buffersink_get_time_base(sink), nullptr);
    if (!encoder)
        return encoder.error();
    MemoryMuxer muxer;
    AVDictionary* muxerOptions = nullptr;
    av_dict_set(&muxerOptions, "loop", "0", 0); // NETSCAPE2.0 extension with 0 = loop forever
    Status opened = muxer.open("gif", encoder->get(), &muxerOptions);
    av_dict_free(&muxerOptions);
    if (!opened.ok())
        return opened.error();

    AvPtr<AVFrame> paletted(av_frame_alloc());
    if (!paletted)
        return ffmpegError(QStringLiteral("allocate a frame"), AVERROR(ENOMEM));
    int ret = 0;
    while ((ret = av_buffersink_get_frame(sink, paletted.get())) >= 0) {
        Status failed = encodeInto(encoder->get(), paletted.get(), muxer);
        av_frame_unref(paletted.get());
        if (!failed.ok())
            return failed.error();
    }
    if (ret != AVERROR_EOF)
        return ffmpegError(QStringLiteral("make the GIF palette"), ret);
    if (const Status failed = encodeInto(encoder->get(), nullptr, muxer); !failed.ok())
        return failed.error();
    Result<QByteArray> gif = muxer.finish();
    if (!gif)
        return gif;
    return ImageEncoder::markOutsideWindows(*gif, m_options.marker, m_options.markerPadding);
}

Result<QByteArray> AnimatedEncoder::encodeWebp(const QList<Bitmap>& frames, int fps) const {
    if (const Status invalid = checkFrames(frames, fps); !invalid.ok())
        return invalid.error();
    if (!webpAvailable())
        return missing(QStringLiteral("libwebp encoder or WebP muxer"), QStringLiteral("animated WebP"));
    const QSize size(frames.front().width(), frames.front().height());

    // Every frame is encoded as a whole picture of its own, the clip split into runs encoded side by side,
    // and FFmpeg's webp muxer makes the animation (VP8X, ANIM, one ANMF per frame). libwebp_anim, which the
    // encoder's ffmpeg uses, weighs sub-frame candidates for every frame, one frame after the other: for a
    // 640x360 clip of live video about twice the CPU (0.64 s against 0.34 s for 30 frames at method 4, with
    // ffmpeg) for files of the same size, all of it on one core, while the first answer has to arrive within
    // AVideo's 2 s. (Its sub-frames pay off on still pictures; live video changes most of every frame.)
    const int wanted = m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount();
    const int runs = int(qBound(qsizetype(1), qsizetype(wanted), frames.size()));
    std::vector<AvPtr<AVCodecContext>> encoders;
    for (int i = 0; i < runs; ++i) {
        AVDictionary* encoderOptions = nullptr;
        av_dict_set_int(&encoderOptions, "lossless", m_options.webpLossless ? 1 : 0, 0);
        av_dict_set_int(&encoderOptions, "quality", qBound(0, m_options.webpQuality, 100), 0);
        Result<AvPtr<AVCodecContext>> encoder =
            openEncoder(avcodec_find_encoder_by_name("libwebp"), size, AV_PIX_FMT_RGB32, AVRational{1, fps},
                        &encoderOptions, qBound(0, m_options.webpMethod, 6));
        av_dict_free(&encoderOptions);
        if (!encoder)
            return encoder.error();
        encoders.push_back(std::move(encoder).value());
    }

    std::vector<Result<Packets>> encoded;
    for (int run = 0; run < runs; ++run)
        encoded.emplace_back(Packets{});
    const auto encodeRun = [&](int run) {
        const qsizetype from = frames.size() * run / runs;
        const qsizetype to = frames.size() * (run + 1) / runs;
        encoded[size_t(run)] = encodeStills(encoders[size_t(run)].get(), frames, from, to);
    };
    QList<QFuture<void>> others;
    for (int run = 1; run < runs; ++run)
        others.append(QtConcurrent::run([&encodeRun, run] { encodeRun(run); }));
    encodeRun(0);
    for (QFuture<void>& other : others)
        other.waitForFinished(); // runs it here if no pool thread has taken it yet

    MemoryMuxer muxer;
    AVDictionary* muxerOptions = nullptr;
    // The muxer's default (1) would write an ANIM chunk that plays once; 0 loops forever.
    av_dict_set(&muxerOptions, "loop", "0", 0);
    Status opened = muxer.open("webp", encoders.front().get(), &muxerOptions);
    av_dict_free(&muxerOptions);
    if (!opened.ok())
        return opened.error();
    for (Result<Packets>& run : encoded) {
        if (!run)
            return run.error();
        for (AvPtr<AVPacket>& packet : run.value()) {
            if (const Status failed = muxer.write(packet.get()); !failed.ok())
                return failed.error();
        }
    }
    Result<QByteArray> webp = muxer.finish();
    if (!webp)
        return webp;
    return ImageEncoder::markOutsideWindows(*webp, m_options.marker, m_options.markerPadding);
}

} // namespace avld
