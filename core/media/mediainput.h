#pragma once

#include "deadline.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVIOContext;
struct AVPacket;
struct AVStream;

namespace avld {

// What a decoder may read: bytes already fetched, or a URL libavformat opens itself.
struct DecoderInput {
    QByteArray data{};       // an in-memory container (an MPEG-TS segment); used when not empty
    QString url{};           // otherwise: rtmp://, a file path, or an HLS URL for the HLS demuxer
    QString userAgent{};     // for URL input over HTTP/RTMP
    QString referer{};       // for URL input over HTTP
    int liveStartIndex = -1; // for the HLS demuxer: start at the newest segment, not three back
    // Asked on the decoding thread before libavformat opens any URL: the input's own, and every playlist,
    // key, init section and segment a demuxer fetches on the stream's word. A refusal stops that open and
    // is the decoder's answer. With a gate, libavformat follows no HTTP redirect by itself (it could not
    // show us the target first).
    std::function<Status(const QUrl& url)> urlGate{};
};

// Stops every libavformat call at a deadline or on a cancel flag (its interrupt callback). The deadline
// is read through the pointer each time, so a caller may move it on (a player renews it per frame).
struct MediaInterrupt {
    const Deadline* deadline = nullptr;
    const std::atomic_bool* cancel = nullptr;
    bool fired() const { return (cancel && cancel->load()) || (deadline && deadline->expired()); }
};

struct FormatCloser {
    void operator()(AVFormatContext* c) const;
};
struct CodecCloser {
    void operator()(AVCodecContext* c) const;
};
struct PacketFree {
    void operator()(AVPacket* p) const;
};
struct FrameFree {
    void operator()(AVFrame* f) const;
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecCloser>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;

// An opened input with its streams found. For in-memory input it owns the reader over `input.data`, which
// must outlive it.
class MediaInput {
public:
    MediaInput();
    ~MediaInput();
    MediaInput(MediaInput&&) noexcept;
    MediaInput& operator=(MediaInput&&) noexcept;

    // Blocking; every libavformat call honours `interrupt`, which must outlive the returned input.
    static Result<MediaInput> open(const DecoderInput& input, const MediaInterrupt& interrupt);

    AVFormatContext* format() const;
    QString url() const; // empty for in-memory input
    bool fromMemory() const;
    // What libavformat read (for URL input: the top-level stream only).
    qint64 bytesRead() const;
    // The first URL DecoderInput::urlGate refused, if any: why a read failed or came back empty.
    std::optional<Error> refusal() const;

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

// The best video stream of an input, with a decoder opened for it; the other streams are discarded.
struct VideoDecoder {
    int streamIndex = -1;
    AVStream* stream = nullptr;
    CodecContextPtr context;
    bool hasAudio = false;
    QString codec; // "h264"
    double frameRate = 0;
    int rotationDegrees = 0; // clockwise, for display
};

// `keyframesOnly`: decode nothing but keyframes, on one thread (fastest to one picture); otherwise every
// frame, on all cores.
Result<VideoDecoder> openVideoDecoder(AVFormatContext* format, bool keyframesOnly);

// Moves `packet`'s data into a new packet at the end of `kept`; `packet` is left blank.
void keepPacket(std::vector<PacketPtr>& kept, AVPacket* packet);

// A packet's presentation time (its decoding time when it has none) in ms; -1 when it has neither.
qint64 packetPtsMs(const AVPacket* packet, const AVStream* stream);

// A person's words for what went wrong, from libavformat's error codes.
Error interruptedError(const MediaInterrupt& interrupt);
Error mediaOpenError(int code, const QString& url, const MediaInterrupt& interrupt);
Error noVideoError(bool hasAudio);
QString avErrorText(int code);

} // namespace avld
