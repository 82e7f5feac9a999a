#include "grabscheduler.h"

#include "logging.h"
#include "media/animatedencoder.h"
#include "media/framegrabber.h"
#include "media/grabtask.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace avld {

GrabScheduler::GrabScheduler(FrameGrabber& grabber, Options options, QObject* parent)
    : QObject(parent)
    , m_grabber(grabber)
    , m_options(std::move(options)) {
    m_options.maxWorkers = qMax(1, m_options.maxWorkers);
    m_options.maxPerHost = qMax(1, m_options.maxPerHost);
    m_options.maxQueued = qMax(0, m_options.maxQueued);
    m_encoders.setMaxThreadCount(m_options.maxWorkers);
}

GrabScheduler::~GrabScheduler() {
    cancelAll();
    m_encoders.waitForDone();
}

void GrabScheduler::warmUp() {
    if (m_warm)
        return;
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_warm = true;
    });
    watcher->setFuture(QtConcurrent::run(&m_encoders, [encoding = m_options.encoding] {
        QElapsedTimer timer;
        timer.start();
        warmUpAnimatedEncoders(encoding);
        qCDebug(lcGenerator) << "animated encoders warmed up in" << timer.elapsed() << "ms";
    }));
}

QString GrabScheduler::hostOf(const FrameKey& key) {
    return key.url.host(QUrl::FullyEncoded).toLower();
}

bool GrabScheduler::isActive(const FrameKey& key) const {
    return m_running.contains(key) || m_queue.contains(key);
}

bool GrabScheduler::canStart(const QString& host) const {
    return m_running.size() < m_options.maxWorkers && m_perHost.value(host) < m_options.maxPerHost;
}

GrabScheduler::Admission GrabScheduler::request(const FrameKey& key, bool urgent) {
    if (m_stopping)
        return Admission::Refused;
    if (m_running.contains(key))
        return Admission::Joined;
    if (const qsizetype queued = m_queue.indexOf(key); queued >= 0) {
        if (urgent && queued > m_urgentCount) // move it up among the urgent ones
            m_queue.move(queued, m_urgentCount++);
        return Admission::Joined;
    }
    if (canStart(hostOf(key)) && (urgent || m_queue.isEmpty())) {
        start(key);
        return Admission::Started;
    }
    if (m_queue.size() >= m_options.maxQueued)
        return Admission::Refused;
    if (urgent)
        m_queue.insert(m_urgentCount++, key);
    else
        m_queue.append(key);
    return Admission::Queued;
}

GrabScheduler::Admission GrabScheduler::requestIfIdle(const FrameKey& key) {
    if (m_stopping)
        return Admission::Refused;
    if (m_running.contains(key) || m_queue.contains(key))
        return Admission::Joined;
    if (!m_queue.isEmpty() || !canStart(hostOf(key)))
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
    m_running.insert(key, job);
    ++m_perHost[job.host];
    qCDebug(lcGenerator).noquote()
        << "grab" << id << "starts:" << thumbnailFormatName(key.format) << "of"
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
}

void GrabScheduler::onGrabbed(const FrameKey& key, quint64 id, Result<GrabResult> grabbed) {
    const auto it = m_running.find(key);
    if (it == m_running.end() || it->id != id)
        return;
    it->task = nullptr;
    if (!grabbed)
        return complete(key, id, grabbed.error());
    const qint64 grabMs = it->elapsed.elapsed();
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
            out.streamLagMs = grab.report.frameAgeMs;
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
    const QString host = it->host;
    m_running.erase(it);
    if (--m_perHost[host] <= 0)
        m_perHost.remove(host);
    if (m_stopping)
        return;
    Q_EMIT finished(key, result);
    pump();
}

void GrabScheduler::pump() {
    for (qsizetype i = 0; i < m_queue.size() && m_running.size() < m_options.maxWorkers;) {
        if (canStart(hostOf(m_queue.at(i)))) {
            if (i < m_urgentCount)
                --m_urgentCount;
            start(m_queue.takeAt(i));
        } else {
            ++i;
        }
    }
}

void GrabScheduler::cancelAll() {
    const bool wasStopping = m_stopping;
    m_stopping = true;
    m_queue.clear();
    m_urgentCount = 0;
    const QList<Job> jobs = m_running.values();
    for (const Job& job : jobs) {
        if (job.task)
            job.task->cancel();
    }
    // Encodings still running finish on the pool; complete() drops their results.
    m_running.clear();
    m_perHost.clear();
    m_stopping = wasStopping;
}

} // namespace avld
