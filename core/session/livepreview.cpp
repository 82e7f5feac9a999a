#include "livepreview.h"

#include "logging.h"
#include "media/grabtask.h"
#include "media/thumbnailrenderer.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

namespace avld {

namespace {

// Runs on a worker: every frame display-corrected (sample aspect, rotation) and fitted into `box`.
Result<PreviewClip> scaleClip(const GrabResult& grab, QSize box, const CancelFlag& cancel) {
    ThumbnailRenderer renderer(box, ThumbnailRenderer::Mode::FitOnly);
    PreviewClip clip;
    clip.fps = grab.fps;
    clip.frames.reserve(grab.frames.size());
    for (const GrabbedFrame& frame : grab.frames) {
        if (cancel->load())
            return Error{QStringLiteral("cancelled"), QStringLiteral("the preview was cancelled"), {}};
        Result<Bitmap> scaled = renderer.render(frame);
        if (!scaled)
            return scaled.error();
        clip.frames.append(std::move(scaled).value());
    }
    return clip;
}

} // namespace

LivePreviewLoader::LivePreviewLoader(QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_grabber(network, clock)
    , m_recent(clock) {}

LivePreviewLoader::~LivePreviewLoader() {
    cancel();
}

void LivePreviewLoader::setMaxFrameSize(QSize size) {
    if (!size.isEmpty())
        m_options.maxFrameSize = size;
}

void LivePreviewLoader::request(const QString& key, const QUrl& hlsUrl, const QString& referer) {
    if (!m_key.isEmpty() && m_key == key && m_url == hlsUrl && m_box == m_options.maxFrameSize)
        return; // the same preview is on its way
    cancel();
    const int generation = m_generation;
    m_key = key;
    m_url = hlsUrl;
    m_box = m_options.maxFrameSize;

    if (std::optional<PreviewClip> recent = m_recent.find(key, m_box)) {
        // Answer after returning, like a grab would, so callers see one order of events.
        QTimer::singleShot(0, this,
                           [this, generation, clip = std::move(*recent)] { finishWith(generation, clip); });
        return;
    }
    if (hlsUrl.isEmpty()) {
        QTimer::singleShot(0, this, [this, generation] {
            finishWith(generation, Error{QStringLiteral("no-stream"),
                                         QStringLiteral("the site gives no stream address for this live"),
                                         QStringLiteral("Refresh the page; the live may have ended.")});
        });
        return;
    }

    GrabOptions options;
    options.timeoutMs = m_options.timeoutMs;
    options.referer = referer;
    options.clipDurationMs = m_options.clipDurationMs;
    options.clipFps = m_options.fps;
    options.maxFrameWidth = m_box.width(); // decoded small: ten full HD frames would be 80 MB
    ++m_grabCount;
    qCDebug(lcMedia) << "preview of" << key << "from" << hlsUrl;
    // A grab may fail inside grab() (an unsupported URL): its answer goes through the event loop, too.
    m_task = m_grabber.grab(hlsUrl, options, [this, generation](Result<GrabResult> result) {
        if (generation != m_generation)
            return;
        QTimer::singleShot(0, this,
                           [this, generation, result = std::move(result)] { onGrabbed(generation, result); });
    });
}

void LivePreviewLoader::cancel() {
    ++m_generation;
    m_key.clear();
    m_url.clear();
    if (m_scaleCancel)
        m_scaleCancel->store(true);
    m_scaleCancel.reset();
    if (QPointer<GrabTask> task = std::exchange(m_task, nullptr))
        task->cancel(); // its answer ("cancelled") belongs to an old generation and is dropped
}

void LivePreviewLoader::onGrabbed(int generation, Result<GrabResult> result) {
    if (generation != m_generation)
        return;
    m_task = nullptr;
    if (!result)
        return finishWith(generation, result.error());
    if (result->frames.isEmpty())
        return finishWith(generation, Error{QStringLiteral("no-frames"),
                                            QStringLiteral("the stream gave no pictures for a preview"),
                                            {}});
    using Outcome = Result<PreviewClip>;
    m_scaleCancel = makeCancelFlag();
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            finishWith(generation, watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([grab = std::move(result).value(), box = m_box,
                           cancel = m_scaleCancel]() -> Outcome { return scaleClip(grab, box, cancel); }));
}

void LivePreviewLoader::finishWith(int generation, Result<PreviewClip> clip) {
    if (generation != m_generation)
        return;
    const QString key = std::exchange(m_key, {});
    m_url.clear();
    m_scaleCancel.reset();
    if (!clip) {
        qCDebug(lcMedia) << "preview of" << key << "failed:" << clip.error().toString();
        Q_EMIT clipFailed(key, clip.error());
        return;
    }
    m_recent.insert(key, m_box, *clip);
    Q_EMIT clipReady(key, clip->frames, clip->fps);
}

} // namespace avld
