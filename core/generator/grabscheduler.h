#pragma once

#include "framekey.h"
#include "media/grabtypes.h"
#include "result.h"
#include "slowstreams.h"
#include "thumbnailencoding.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace avld {

class FrameGrabber;
class GrabTask;

// A finished grab, encoded and ready to serve.
struct EncodedThumbnail {
    QByteArray bytes;
    QByteArray contentType;
    qint64 streamLagMs = -1; // how far behind the live edge the (first) frame was
    int frameCount = 0;
    qint64 grabMs = 0;   // network and decoding
    qint64 encodeMs = 0; // rendering and encoding
};

// Runs grabs for the generator within its limits: one grab at a time per (stream, format) (asking again
// while one runs joins it) and at most `maxQueued` waiting, in two lanes:
// - the main lane: at most `maxWorkers` grabs at once, `maxPerHost` of them against one stream host;
// - the slow lane, for streams whose last grab outlasted `slowGrabMs` (AVideo waits 2 s) or timed out: at
//   most `maxSlowGrabs` at once. A main-lane grab still running after `slowGrabMs` moves there, so that
//   trickling or stalled streams cannot hold the slots healthy ones need; one quick grab brings a stream
//   back.
// Urgent requests (someone waits for the answer) go first while their requester still waits
// (`urgentForMs`), oldest first; then the rest in arrival order. The queue is shared fairly: slow streams
// may hold only a few places (maxSlowQueued(): more would wait past anyone's patience), and when it is full
// a request someone waits for takes the place of the newest entry nobody waits for any more, so that a
// flood of background work or of slow streams cannot refuse a healthy stream's first request. Grabbing is
// FrameGrabber's (network on this thread, decoding on the global pool); rendering and encoding run on a pool
// of this scheduler's own, so this thread only dispatches.
class GrabScheduler : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxWorkers = 4;
        int maxPerHost = 2;
        int maxSlowGrabs = 2;
        int maxQueued = 256;
        int grabTimeoutMs = 10000;
        int slowGrabMs = 2000;
        int urgentForMs = 1500;
        int encoderThreads = 0; // 0: one per core
        ThumbnailEncodingOptions encoding{};
        GrabOptions grabTemplate{}; // user agent, referer, verifyUrl; the format sets the rest
    };
    enum class Admission { Started, Joined, Queued, Refused };

    GrabScheduler(FrameGrabber& grabber, Options options, QObject* parent = nullptr);
    ~GrabScheduler() override;

    // Asks for a fresh image of `key`; finished() tells when it is there (possibly before this returns, for
    // a URL refused at once). Refused when the queue is full.
    Admission request(const FrameKey& key, bool urgent = false);
    // Starts a grab of `key` only if its lane has a free slot and nothing of that lane waits (Started), or
    // joins one that runs (Joined); never queues, never for a slow stream (Refused). For work done ahead of
    // any request: it uses spare capacity only.
    Admission requestIfIdle(const FrameKey& key);
    // Warms the animated encoders up in the background, once per process (warmUpAnimatedEncodersOnce(): a
    // service stopped at once does not wait for it); warm() is true once that is done.
    void warmUp();
    bool warm() const { return m_warm; }
    bool isActive(const FrameKey& key) const;
    bool isSlow(const QUrl& stream) const { return m_slow.contains(stream); }
    int runningCount() const { return int(m_running.size()); }
    int queuedCount() const { return int(m_queue.size()); }
    // Queued entries given up for a request someone waited for (makeRoomInQueue()), since the start.
    qint64 droppedFromQueue() const { return m_droppedFromQueue; }
    // How many slow streams may wait at once: a few rounds of the slow lane.
    int maxSlowQueued() const { return 2 * m_options.maxSlowGrabs; }
    int slowStreamCount() const { return m_slow.size(); }
    const Options& options() const { return m_options; }

    // Cancels everything; no finished() follows for what was cancelled.
    void cancelAll();

Q_SIGNALS:
    // `costMs`: from the grab's start to its image encoded, or to its failure.
    void finished(const avld::FrameKey& key, const avld::Result<avld::EncodedThumbnail>& result,
                  qint64 costMs);

private:
    struct Job {
        quint64 id = 0;
        QString host;
        QElapsedTimer elapsed;
        QPointer<GrabTask> task;
        bool slowLane = false;
        bool grabbing = true; // false once encoding
    };
    struct Queued {
        FrameKey key;
        bool urgent = false;
        qint64 queuedAtMs = 0;
    };

    static QString hostOf(const FrameKey& key);
    bool canStart(const FrameKey& key) const;
    bool queuedInLaneOf(const FrameKey& key) const;
    bool isPressing(const Queued& queued, qint64 nowMs) const;
    bool makeRoomInQueue(const FrameKey& key, bool urgent);
    qsizetype queuedIndex(const FrameKey& key) const;
    void start(const FrameKey& key);
    void onGrabbed(const FrameKey& key, quint64 id, Result<GrabResult> grabbed);
    void complete(const FrameKey& key, quint64 id, const Result<EncodedThumbnail>& result);
    void pump();
    void demoteOverdue();
    void armOverdueTimer();

    FrameGrabber& m_grabber;
    Options m_options;
    QThreadPool m_encoders;
    QHash<FrameKey, Job> m_running;
    QList<Queued> m_queue; // in arrival order
    SlowStreams m_slow;
    QElapsedTimer m_clock;
    QTimer m_overdueTimer;
    quint64 m_nextId = 1;
    qint64 m_droppedFromQueue = 0;
    bool m_stopping = false;
    bool m_warm = false;
};

} // namespace avld
