#pragma once

#include "clock.h"
#include "grabtypes.h"
#include "result.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace avld {

class GrabTask;

// Produces a correct, current picture of a live stream, quickly and without hanging: HLS (plain, adaptive
// master playlists, AVideo's protected m3u8.php), RTMP and files. Starts at the live edge (the newest
// segment), decodes only the first keyframe, honours a deadline and cancellation, and reports failures as
// reasons. Network work runs on the calling thread's event loop; decoding runs on the global thread pool.
class FrameGrabber : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<GrabResult>)>;

    FrameGrabber(QNetworkAccessManager& network, const Clock& clock = Clock::system(),
                 QObject* parent = nullptr);

    // Starts a grab; `done` runs exactly once on this thread. The returned task can be cancelled until then.
    QPointer<GrabTask> grab(const QUrl& url, const GrabOptions& options, Done done);

    // For command-line tools and worker threads: runs a grab on a private event loop and waits for it.
    static Result<GrabResult> grabAndWait(const QUrl& url, const GrabOptions& options);

    // Reads a command-line or user-typed location: URLs as they are, bare paths as local files.
    static QUrl urlFromUserInput(const QString& text);

private:
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
};

} // namespace avld
