#include "grabscheduler.h"

#include "imagerequest.h"
#include "logging.h"
#include "media/animatedencoder.h"
#include "media/framegrabber.h"
#include "media/grabtask.h"

#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent>

#include <algorithm>

namespace avld {

GrabScheduler::GrabScheduler(FrameGrabber& grabber, Options options, QObject* parent)
    : QObject(parent)
    , m_grabber(grabber)
    , m_options(std::move(options)) {
    m_options.maxWorkers = qMax(1, m_options.maxWorkers);
    m_options.maxPerHost = qMax(1, m_options.maxPerHost);
    m_options.maxSlowGrabs = qMax(1, m_options.maxSlowGrabs);
    m_options.maxQueued = qMax(0, m_options.maxQueued);
    m_options.slowGrabMs = qMax(1, m_options.slowGrabMs);
    m_encoders.setMaxThreadCount(m_options.encoderThreads > 0 ? m_options.encoderThreads
                                                              : qMax(1, QThread::idealThreadCount()));
    m_clock.start();
    m_overdueTimer.setSingleShot(true);
    m_overdueTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_overdueTimer, &QTimer::timeout, this, &GrabScheduler::pump);
}

GrabScheduler::~GrabScheduler() {
    cancelAll();
    m_encoders.waitForDone();
}

void GrabScheduler::warmUp() {
    if (m_warm)
        return;
    const QFuture<void> warmUp = warmUpAnimatedEncodersOnce(m_options.encoding);
    if (warmUp.isFinished()) {
        m_warm = true;
        return;
    }
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_warm = true;
    });
    watcher->setFuture(warmUp);
}

QString GrabScheduler::hostOf(const FrameKey& key) {
    return key.url.host(QUrl::FullyEncoded).toLower();
}

bool GrabScheduler::isActive(const FrameKey& key) const {
    return m_running.contains(key) || queuedIndex(key) >= 0;
}

qsizetype GrabScheduler::queuedIndex(const FrameKey& key) const {
    for (qsizetype i = 0; i < m_queue.size(); ++i)
        if (m_queue.at(i).key == key)
            return i;
    return -1;
}

bool GrabScheduler::canStart(const FrameKey& key) const {
    // Grabs that moved to the slow lane keep a connection each until their timeout: bounded too.
    const qsizetype hardCap = qsizetype(m_options.maxWorkers) * 4 + m_options.maxSlowGrabs;
    if (m_running.size() >= hardCap)
        return false;
    const bool slow = m_slow.contains(key.url);
    const QString host = hostOf(key);
    int inLane = 0;
    int onHost = 0;
    for (const Job& job : m_running) {
        if (job.slowLane != slow)
            continue;
        ++inLane;
        if (!slow && job.host == host)
            ++onHost;
    }
    if (slow)
        return inLane < m_options.maxSlowGrabs;
    return inLane < m_options.maxWorkers && onHost < m_options.maxPerHost;
}

bool GrabScheduler::queuedInLaneOf(const FrameKey& key) const {
    const bool slow = m_slow.contains(key.url);
    return std::any_of(m_queue.cbegin(), m_queue.cend(),
                       [&](const Queued& queued) { return m_slow.contains(queued.key.url) == slow; });
}

GrabScheduler::Admission GrabScheduler::request(const FrameKey& key, bool urgent) {
    if (m_stopping)
        return Admission::Refused;
    if (m_running.contains(key))
        return Admission::Joined;
    if (const qsizetype queued = queuedIndex(key); queued >= 0) {
        Queued& entry = m_queue[queued];
        if (urgent && !entry.urgent) {
            entry.urgent = true;
            entry.queuedAtMs = m_clock.elapsed(); // someone waits from now on
        }
        return Admission::Joined;
    }
    demoteOverdue();
    if (canStart(key) && (urgent || !queuedInLaneOf(key))) {
        start(key);
        return Admission::Started;
    }
    if (!makeRoomInQueue(key, urgent))
        return Admission::Refused;
    m_queue.append(Queued{.key = key, .urgent = urgent, .queuedAtMs = m_clock.elapsed()});
    return Admission::Queued;
}

bool GrabScheduler::isPressing(const Queued& queued, qint64 nowMs) const {
    return queued.urgent && nowMs - queued.queuedAtMs < m_options.urgentForMs;
}

bool GrabScheduler::makeRoomInQueue(const FrameKey& key, bool urgent) {
    const qint64 now = m_clock.elapsed();
    const bool slow = m_slow.contains(key.url);
    const int slowQueued = int(std::count_if(m_queue.cbegin(), m_queue.cend(),
                                             [&](const Queued& q) { return m_slow.contains(q.key.url); }));
    const bool laneFull = slow && slowQueued >= maxSlowQueued();
    if (!laneFull && m_queue.size() < m_options.maxQueued)
        return true;
    if (!urgent)
        return false;
    // Someone waits for this one: it takes the place of the newest entry nobody waits for any more (a
    // background refresh, or a request whose requester was answered at the budget), a slow stream's first.
    // A full slow lane only gives up one of its own.
    qsizetype victim = -1;
    for (const bool slowPass : {true, false}) {
        if (!slowPass && laneFull)
            break;
        for (qsizetype i = m_queue.size() - 1; i >= 0 && victim < 0; --i) {
            const Queued& queued = m_queue.at(i);
            if (m_slow.contains(queued.key.url) == slowPass && !isPressing(queued, now))
                victim = i;
        }
        if (victim >= 0)
            break;
    }
    if (victim < 0)
        return false;
    qCDebug(lcGenerator).noquote() << "queue full: a waiting request takes the place of"
                                   << loggableStreamUrl(m_queue.at(victim).key.url);
    m_queue.removeAt(victim);
    ++m_droppedFromQueue;
    return true;
}

GrabScheduler::Admission GrabScheduler::requestIfIdle(const FrameKey& key) {
    if (m_stopping)
        return Admission::Refused;
    if (isActive(key))
        return Admission::Joined;
    demoteOverdue();
    if (m_slow.contains(key.url) || queuedInLaneOf(key) || !canStart(key))
        return Admission::Refused;
    start(key);
    return Admission::Started;
}

void GrabScheduler::start(const FrameKey& key) {
    const quint64 id = m_nextId++;
    Job job;
    job.id = id;
    job.host = hostOf(key);
    job.elapsed.start();
    job.slowLane = m_slow.contains(key.url);
    m_running.insert(key, job);
    qCDebug(lcGenerator).noquote()
        << "grab" << id << "starts" << (job.slowLane ? "(slow lane):" : ":")
        << thumbnailFormatName(key.format) << "of"
        << key.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toDisplayString();

    GrabOptions options = grabOptionsFor(key.format, m_options.grabTimeoutMs, m_options.encoding);
    // Clip frames are decoded straight to the thumbnail's width (scaled in the colour conversion): 30 full
    // 720p pictures cost 250-300 ms more CPU to convert and scale down again (bench_animated), on a budget
    // of 1.5 s. (Only a sample aspect ratio below 1 then leaves the picture a little softer than it could
    // be.)
    if (isAnimated(key.format))
        options.maxFrameWidth =
            (key.format == ThumbnailFormat::Gif ? AnimatedEncoder::GifSize : AnimatedEncoder::WebpSize)
                .width();
    // A still is the segment's newest picture (decoded from its last keyframe: 30-60 ms against 10-20 ms for
    // its first keyframe, and up to a segment fresher, bench_grab); a slow stream's is its first keyframe,
    // the cheapest there is, because its grabs already outlast AVideo's wait.
    options.newestFrame = !isAnimated(key.format) && !job.slowLane;
    options.userAgent = m_options.grabTemplate.userAgent;
    options.referer = m_options.grabTemplate.referer;
    options.verifyUrl = m_options.grabTemplate.verifyUrl;
    options.verifyUrlNow = m_options.grabTemplate.verifyUrlNow;
    // The grabber may report at once (a refused URL); the job is registered before, so that works too.
    QPointer<GrabTask> task = m_grabber.grab(key.url, options, [this, key, id](Result<GrabResult> grabbed) {
        onGrabbed(key, id, std::move(grabbed));
    });
    const auto it = m_running.find(key);
    if (it != m_running.end() && it->id == id)
        it->task = task;
    armOverdueTimer();
}

void GrabScheduler::onGrabbed(const FrameKey& key, quint64 id, Result<GrabResult> grabbed) {
    const auto it = m_running.find(key);
    if (it == m_running.end() || it->id != id)
        return;
    it->task = nullptr;
    it->grabbing = false;
    const qint64 grabMs = it->elapsed.elapsed();
    const bool timedOut = !grabbed && grabbed.error().code == QStringLiteral("timeout");
    if (timedOut || grabMs > m_options.slowGrabMs) {
        if (!m_slow.contains(key.url))
            qCInfo(lcGenerator).noquote()
                << "a grab took" << grabMs << "ms" << (timedOut ? "and timed out" : "")
                << "- the stream's grabs go to the slow lane:" << loggableStreamUrl(key.url);
        m_slow.mark(key.url);
    } else if (grabbed || grabbed.error().code != QStringLiteral("cancelled")) {
        m_slow.clear(key.url);
    }
    if (!grabbed)
        return complete(key, id, grabbed.error());
    const ThumbnailEncodingOptions encoding = m_options.encoding;
    const ThumbnailFormat format = key.format;
    auto* watcher = new QFutureWatcher<Result<EncodedThumbnail>>(this);
    connect(watcher, &QFutureWatcher<Result<EncodedThumbnail>>::finished, this, [this, watcher, key, id] {
        watcher->deleteLater();
        complete(key, id, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        &m_encoders,
        [grab = std::move(grabbed).value(), format, encoding, grabMs]() -> Result<EncodedThumbnail> {
            QElapsedTimer timer;
            timer.start();
            Result<QByteArray> bytes = encodeThumbnail(grab, format, encoding);
            if (!bytes)
                return bytes.error();
            EncodedThumbnail out;
            out.bytes = std::move(bytes).value();
            out.contentType = thumbnailContentType(format);
            out.streamLagMs = behindLiveMs(grab.report);
            out.frameCount = int(grab.frames.size());
            out.grabMs = grabMs;
            out.encodeMs = timer.elapsed();
            return out;
        }));
}

void GrabScheduler::complete(const FrameKey& key, quint64 id, const Result<EncodedThumbnail>& result) {
    const auto it = m_running.find(key);
    if (it == m_running.end() || it->id != id)
        return;
    const qint64 costMs = it->elapsed.elapsed();
    m_running.erase(it);
    if (m_stopping)
        return;
    Q_EMIT finished(key, result, costMs);
    pump();
}

void GrabScheduler::demoteOverdue() {
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        Job& job = it.value();
        if (job.slowLane || !job.grabbing || job.elapsed.elapsed() < m_options.slowGrabMs)
            continue;
        job.slowLane = true;
        m_slow.mark(it.key().url);
        qCInfo(lcGenerator).noquote() << "grab" << job.id << "still runs after" << m_options.slowGrabMs
                                      << "ms: it moves to the slow lane:" << loggableStreamUrl(it.key().url);
    }
}

void GrabScheduler::armOverdueTimer() {
    qint64 soonest = -1;
    for (const Job& job : std::as_const(m_running)) {
        if (job.slowLane || !job.grabbing)
            continue;
        const qint64 left = qMax<qint64>(0, m_options.slowGrabMs - job.elapsed.elapsed());
        if (soonest < 0 || left < soonest)
            soonest = left;
    }
    if (soonest < 0)
        m_overdueTimer.stop();
    else
        m_overdueTimer.start(int(soonest) + 1);
}

void GrabScheduler::pump() {
    demoteOverdue();
    const qint64 now = m_clock.elapsed();
    // First the urgent requests whose requester still waits, then everything else; each in arrival order.
    for (const bool pressingPass : {true, false}) {
        for (qsizetype i = 0; i < m_queue.size();) {
            const Queued& queued = m_queue.at(i);
            if (isPressing(queued, now) == pressingPass && canStart(queued.key))
                start(m_queue.takeAt(i).key);
            else
                ++i;
        }
    }
    armOverdueTimer();
}

void GrabScheduler::cancelAll() {
    const bool wasStopping = m_stopping;
    m_stopping = true;
    m_queue.clear();
    m_overdueTimer.stop();
    const QList<Job> jobs = m_running.values();
    for (const Job& job : jobs) {
        if (job.task)
            job.task->cancel();
    }
    // Encodings still running finish on the pool; complete() drops their results.
    m_running.clear();
    m_stopping = wasStopping;
}

} // namespace avld
