#include "soundmeter.h"

#include "ffmpeglog.h"

#include <algorithm>
#include <cmath>
#include <optional>

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libavutil/mem.h>
#include <libavutil/samplefmt.h>
}

namespace avld {

namespace {

struct GraphFree {
    void operator()(AVFilterGraph* graph) const { avfilter_graph_free(&graph); }
};

// Each filter writes its figures into the metadata of the frames it passes on. astats counts from the first
// frame on (no reset), so its last frame holds the whole input's levels; ebur128 writes M and I every 100 ms;
// silencedetect marks where a silence starts (once it has lasted `duration`) and where it ends.
QByteArray filterChain() {
    return QStringLiteral("astats=metadata=1:measure_perchannel=none:measure_overall=Peak_level+RMS_level,"
                          "ebur128=metadata=1,"
                          "silencedetect=noise=%1dB:duration=%2")
        .arg(SoundLevels::kSilenceDbfs)
        .arg(SoundLevels::kMinSilenceMs / 1000.0)
        .toLatin1();
}

Error meterError(const QString& step, int code) {
    return {QStringLiteral("sound-meter"),
            QStringLiteral("FFmpeg failed to %1: %2").arg(step, avErrorText(code)),
            {}};
}

// A figure from a frame's metadata. The filters print it with printf, in the C library's locale, which a
// Qt program sets to the user's: the decimal point may be a comma. "-inf" is a figure too (digital silence).
std::optional<double> figure(const AVFrame* frame, const char* key) {
    const AVDictionaryEntry* entry = av_dict_get(frame->metadata, key, nullptr, 0);
    if (!entry)
        return std::nullopt;
    QByteArray text(entry->value);
    text.replace(',', '.');
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

int linkThroughChain(AVFilterGraph* graph, AVFilterContext* source, AVFilterContext* sink) {
    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    int ret = AVERROR(ENOMEM);
    if (outputs && inputs) {
        outputs->name = av_strdup("in");
        outputs->filter_ctx = source;
        inputs->name = av_strdup("out");
        inputs->filter_ctx = sink;
        ret = avfilter_graph_parse_ptr(graph, filterChain().constData(), &inputs, &outputs, nullptr);
    }
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    return ret < 0 ? ret : avfilter_graph_config(graph, nullptr);
}

} // namespace

struct SoundMeter::Parts {
    std::unique_ptr<AVFilterGraph, GraphFree> graph;
    AVFilterContext* source = nullptr;
    AVFilterContext* sink = nullptr;
    int sampleRate = 0;
    int sampleFormat = -1;
    AVChannelLayout layout{};
    qint64 samplesIn = 0;
    FramePtr out{av_frame_alloc()};
    SoundLevels levels;
    std::optional<double> silenceStartS;

    ~Parts() { av_channel_layout_uninit(&layout); }

    void read(const AVFrame* frame) {
        if (const auto peak = figure(frame, "lavfi.astats.Overall.Peak_level"))
            levels.peakDbfs = *peak;
        if (const auto rms = figure(frame, "lavfi.astats.Overall.RMS_level"))
            levels.rmsDbfs = *rms;
        // ebur128 writes M as it goes, not its maximum, which is kept here. M covers the 400 ms up to the end
        // of its frame; before 400 ms of audio it is a placeholder.
        const bool fullWindow = (frame->pts + frame->nb_samples) * 10 >= qint64(sampleRate) * 4;
        if (const auto momentary = figure(frame, "lavfi.r128.M"); momentary && fullWindow)
            levels.momentaryMaxLufs = std::isnan(levels.momentaryMaxLufs)
                                          ? *momentary
                                          : std::max(levels.momentaryMaxLufs, *momentary);
        if (const auto integrated = figure(frame, "lavfi.r128.I"))
            levels.integratedLufs = *integrated;
        // One frame may end a silence and start the next: the later of the two holds.
        const auto start = figure(frame, "lavfi.silence_start");
        const auto end = figure(frame, "lavfi.silence_end");
        if (start)
            silenceStartS = start;
        if (end && (!start || *end >= *start))
            silenceStartS.reset();
    }
};

SoundMeter::SoundMeter()
    : m_parts(std::make_unique<Parts>()) {}
SoundMeter::~SoundMeter() = default;
SoundMeter::SoundMeter(SoundMeter&&) noexcept = default;
SoundMeter& SoundMeter::operator=(SoundMeter&&) noexcept = default;

Result<SoundMeter> SoundMeter::forFrame(const AVFrame* first) {
    installFfmpegLogHandler();
    for (const char* name : {"abuffer", "abuffersink", "astats", "ebur128", "silencedetect"}) {
        if (!avfilter_get_by_name(name))
            return Error{
                QStringLiteral("sound-filter-missing"),
                QStringLiteral("this FFmpeg build has no %1 filter, so the sound cannot be measured")
                    .arg(QLatin1String(name)),
                QStringLiteral("Install an FFmpeg built with it (Debian 12's libavfilter8 has it).")};
    }
    const char* formatName = av_get_sample_fmt_name(AVSampleFormat(first->format));
    if (!formatName || first->sample_rate <= 0 || first->ch_layout.nb_channels <= 0)
        return Error{QStringLiteral("audio-decode-error"),
                     QStringLiteral("the decoded audio has no sample format, rate or channels"),
                     {}};

    SoundMeter meter;
    Parts& parts = *meter.m_parts;
    parts.sampleRate = first->sample_rate;
    parts.sampleFormat = first->format;
    av_channel_layout_copy(&parts.layout, &first->ch_layout);
    // abuffer wants a layout by name; channels in no known order get the usual layout for their count.
    AVChannelLayout named{};
    if (first->ch_layout.order == AV_CHANNEL_ORDER_NATIVE)
        av_channel_layout_copy(&named, &first->ch_layout);
    else
        av_channel_layout_default(&named, first->ch_layout.nb_channels);
    char layoutName[128] = {};
    av_channel_layout_describe(&named, layoutName, sizeof layoutName);
    av_channel_layout_uninit(&named);
    const QByteArray args = QStringLiteral("time_base=1/%1:sample_rate=%1:sample_fmt=%2:channel_layout=%3")
                                .arg(first->sample_rate)
                                .arg(QLatin1String(formatName), QLatin1String(layoutName))
                                .toLatin1();

    parts.graph.reset(avfilter_graph_alloc());
    if (!parts.graph)
        return meterError(QStringLiteral("set up the sound filters"), AVERROR(ENOMEM));
    parts.graph->nb_threads = 1; // a few seconds of audio: threads would cost more than they save
    int ret = avfilter_graph_create_filter(&parts.source, avfilter_get_by_name("abuffer"), "in",
                                           args.constData(), nullptr, parts.graph.get());
    if (ret >= 0)
        ret = avfilter_graph_create_filter(&parts.sink, avfilter_get_by_name("abuffersink"), "out", nullptr,
                                           nullptr, parts.graph.get());
    if (ret >= 0)
        ret = linkThroughChain(parts.graph.get(), parts.source, parts.sink);
    if (ret < 0)
        return meterError(QStringLiteral("set up the sound filters"), ret);
    if (!parts.out)
        return meterError(QStringLiteral("set up the sound filters"), AVERROR(ENOMEM));
    return meter;
}

bool SoundMeter::accepts(const AVFrame* frame) const {
    return frame->sample_rate == m_parts->sampleRate && frame->format == m_parts->sampleFormat &&
           av_channel_layout_compare(&frame->ch_layout, &m_parts->layout) == 0;
}

Status SoundMeter::add(AVFrame* frame) {
    frame->pts = m_parts->samplesIn;
    m_parts->samplesIn += frame->nb_samples;
    if (const int ret = av_buffersrc_add_frame(m_parts->source, frame); ret < 0)
        return meterError(QStringLiteral("measure the sound"), ret);
    return drain();
}

Status SoundMeter::drain() {
    for (;;) {
        const int ret = av_buffersink_get_frame(m_parts->sink, m_parts->out.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return {};
        if (ret < 0)
            return meterError(QStringLiteral("measure the sound"), ret);
        m_parts->read(m_parts->out.get());
        av_frame_unref(m_parts->out.get());
    }
}

Result<SoundLevels> SoundMeter::finish() {
    if (const int ret = av_buffersrc_add_frame(m_parts->source, nullptr); ret < 0)
        return meterError(QStringLiteral("measure the sound"), ret);
    if (const Status drained = drain(); !drained.ok())
        return drained.error();
    SoundLevels levels = m_parts->levels;
    levels.hasAudio = true;
    levels.measuredMs = m_parts->samplesIn * 1000 / m_parts->sampleRate;
    // silencedetect reports the end of a silence only when sound comes back (at the end of the input it just
    // logs it): a silence still open here runs to the end.
    if (m_parts->silenceStartS)
        levels.silentTailMs = qBound(
            qint64(0), levels.measuredMs - std::llround(*m_parts->silenceStartS * 1000), levels.measuredMs);
    return levels;
}

} // namespace avld
