#pragma once

#include "grabbedframe.h"
#include "mediainput.h"
#include "result.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace avld {

// Plays a live stream for the eye: decodes every frame with FFmpeg on a thread of its own, paces them by
// their timestamps and hands the newest to the GUI thread, in the stream's own colours (the matrix and
// range it is tagged with; Qt Multimedia 6.4's GStreamer path showed BT.709 lives with red and green
// shifted, which is why the live detail does not use it). Silent. When the stream fails or ends it says
// why and tries again. Nothing here waits for the network on the calling thread: stop() and the
// destructor cancel the worker and leave it to finish on its own.
class LivePlayer : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString userAgent;
        QString referer;
        int openTimeoutMs = 15000;
        int stallTimeoutMs = 15000; // no frame for this long: the stream is called stalled and reopened
        int retryDelayMs = 3000;
    };

    explicit LivePlayer(QObject* parent = nullptr);
    ~LivePlayer() override;

    // http(s):// (HLS), rtmp:// or a local file. Replaces whatever was playing.
    void play(const QUrl& source, const Options& options);
    void play(const QUrl& source) { play(source, Options{}); }
    void stop();
    QUrl source() const { return m_source; }
    // Frames wider than this are scaled down while their colours are converted (saves memory and time).
    void setMaxWidth(int pixels);
    int framesShown() const { return m_framesShown; }

Q_SIGNALS:
    void frameReady(const avld::GrabbedFrame& frame);
    // The stream could not be opened or stopped sending; another try follows after Options::retryDelayMs.
    void failed(const avld::Error& error);

private:
    struct Shared;
    static void run(std::shared_ptr<Shared> shared, DecoderInput input, Options options);
    void takeFrame();

    QUrl m_source;
    int m_maxWidth = 0;
    std::shared_ptr<Shared> m_shared;
    int m_framesShown = 0;
};

} // namespace avld

Q_DECLARE_METATYPE(avld::GrabbedFrame)
