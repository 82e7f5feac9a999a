#include "imageendpoint.h"

#include "framecache.h"
#include "generatormetrics.h"
#include "generatorresponses.h"
#include "logging.h"

#include <QTimer>

namespace avld {

namespace {

// Grab error messages may quote the stream URL; its query can carry a token.
QString withoutQuery(QString message, const QUrl& url) {
    for (const QString& query : {url.query(QUrl::FullyEncoded), url.query(QUrl::PrettyDecoded)}) {
        if (!query.isEmpty())
            message.replace(query, QStringLiteral("…"));
    }
    return message;
}

} // namespace

// How long before an animated image's expected ask a still's ask grabs it ahead.
constexpr qint64 kPrefetchAheadMs = 10'000;

bool isPolicyRefusal(const QString& errorCode) {
    return errorCode == QStringLiteral("host-not-allowed") ||
           errorCode == QStringLiteral("address-not-allowed") || errorCode == QStringLiteral("not-http") ||
           errorCode == QStringLiteral("insecure-redirect");
}

ImageEndpoint::ImageEndpoint(FrameCache& cache, GrabScheduler& grabs, StreamAllowList allowList,
                             FreshnessPolicy policy, GeneratorMetrics& metrics, const Clock& clock,
                             Settings settings, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_grabs(grabs)
    , m_allowList(std::move(allowList))
    , m_policy(policy)
    , m_metrics(metrics)
    , m_clock(clock)
    , m_settings(settings) {
    connect(&m_grabs, &GrabScheduler::finished, this, &ImageEndpoint::onGrabFinished);
}

void ImageEndpoint::handle(const ImageRequest& request, PendingReplyPtr reply, qint64 arrivedMs) {
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending{std::move(reply), FrameKey{request.streamUrl, request.format}, request.renew,
                                 request.legacyPath, arrivedMs, false, request.ownProbe});
    if (m_pending.size() > m_settings.maxPending)
        return answerOverloaded(id);
    const qint64 remaining = qMax<qint64>(1, m_settings.budgetMs - (m_clock.monotonicMs() - arrivedMs));
    QTimer::singleShot(int(remaining), Qt::PreciseTimer, this, [this, id] { onBudgetSpent(id); });
    m_allowList.check(request.streamUrl, int(qMin<qint64>(m_settings.dnsTimeoutMs, remaining)), this,
                      [this, id](Status verdict) { onChecked(id, verdict); });
}

void ImageEndpoint::onChecked(quint64 id, const Status& verdict) {
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (!verdict.ok()) {
        if (isPolicyRefusal(verdict.error().code))
            return answerForbidden(id, verdict.error().hint.isEmpty() ? verdict.error().message
                                                                      : verdict.error().hint);
        return answerEmpty(id, verdict.error().message); // the host does not resolve: nothing to show
    }
    const FrameKey key = it->key;
    m_cache.markRequested(key);
    const qint64 now = m_clock.monotonicMs();
    if (isAnimated(key.format))
        m_animatedAskedMs.insert(key.format, now);
    const CachedFrame* frame = m_cache.find(key);
    // Grabbed (well or not) just now: as fresh as a renew would make it, and a renew flood is not a grab
    // each.
    const bool attemptedJustNow =
        frame && frame->lastAttemptMs >= 0 && now - frame->lastAttemptMs < m_settings.minRenewIntervalMs;
    if (it->renew && attemptedJustNow)
        it->renew = false;
    const bool servable = frame && m_policy.isServable(*frame, now);
    const bool fresh = frame && m_policy.isFresh(*frame, now);
    // A grab that ended lately without an image (a fresh image would be `fresh`): asking again at once would
    // only repeat it, so a flood of requests for a broken stream costs one grab per grabOnRequestAfterMs.
    const bool failedLately = frame && frame->lastAttemptMs >= 0 &&
                              now - frame->lastAttemptMs < m_policy.grabOnRequestAfterMs &&
                              !m_grabs.isActive(key);
    if (!it->renew && (fresh || (servable && !canGrabOnRequest(key, *frame)))) {
        // Fresh; or a stream whose grabs outlast AVideo's wait, answered from the cache (its background
        // refresh keeps the image near its asks).
        m_metrics.countCacheHit();
        const CachedFrame snapshot = *frame; // the refresh below may replace it
        if (!fresh && now - snapshot.grabbedAtMs >= m_policy.refreshIntervalMs)
            m_grabs.request(key); // stale-while-revalidate, for the stream's next ask
        answerImage(id, snapshot, fresh ? "hit" : "stale");
    } else if (!it->renew && failedLately) {
        m_metrics.countCacheHit();
        if (servable)
            answerImage(id, *frame, "previous");
        else
            answerEmpty(id, QStringLiteral("the last grab, %1 s ago, failed: %2")
                                .arg((now - frame->lastAttemptMs) / 1000.0, 0, 'f', 1)
                                .arg(frame->lastError ? frame->lastError->code : QStringLiteral("no image")));
    } else {
        m_metrics.countCacheMiss();
        // Listed before asking: the grab may end before request() returns.
        it->waiting = true;
        m_waiters[key].append(id);
        if (m_grabs.request(key, true) == GrabScheduler::Admission::Refused && m_pending.contains(id)) {
            const CachedFrame* previous = m_cache.find(key);
            if (previous && m_policy.isServable(*previous, m_clock.monotonicMs()))
                answerImage(id, *previous, "previous");
            else
                answerOverloaded(id);
        }
    }
    // After the still's own grab, which goes first.
    if (!isAnimated(key.format))
        prefetchAnimated(key.url);
}

bool ImageEndpoint::canGrabOnRequest(const FrameKey& key, const CachedFrame& frame) const {
    return m_policy.grabsOnRequest(frame) && !m_grabs.isSlow(key.url);
}

void ImageEndpoint::prefetchAnimated(const QUrl& url) {
    const qint64 now = m_clock.monotonicMs();
    for (auto asked = m_animatedAskedMs.cbegin(); asked != m_animatedAskedMs.cend(); ++asked) {
        if (now - asked.value() > m_policy.keepRequestedMs)
            continue; // the site stopped asking for this format
        const FrameKey animated{url, asked.key()};
        const CachedFrame* frame = m_cache.find(animated);
        // Fresh, or grabbed (well or not) just now: nothing to do yet.
        const bool triedLately =
            frame && frame->lastAttemptMs >= 0 && now - frame->lastAttemptMs < m_policy.grabOnRequestAfterMs;
        // AVideo keeps an animated image three times as long as a still, so most still asks come without
        // one: grabbed ahead only for a stream's first, or when its own next ask is expected about now.
        // One grabbed ahead and not asked for yet counts as asked for when it was grabbed.
        CachedFrame seen = frame ? *frame : CachedFrame{};
        if (seen.lastRequestedMs < 0)
            seen.lastRequestedMs = seen.lastPrefetchedMs;
        const qint64 expected = m_policy.expectedRequestAtMs(seen, animated.format);
        const bool notExpectedYet = expected >= 0 && now < expected - kPrefetchAheadMs;
        if (triedLately || notExpectedYet || m_grabs.isActive(animated))
            continue;
        if (m_grabs.requestIfIdle(animated) != GrabScheduler::Admission::Started)
            continue;
        m_cache.markPrefetched(animated);
        qCDebug(lcGenerator).noquote()
            << "prefetching" << thumbnailFormatName(animated.format) << "of" << loggableStreamUrl(url);
    }
}

void ImageEndpoint::onBudgetSpent(quint64 id) {
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    // The grab did not end in time: the cached image, while it may be served, is better than none.
    const CachedFrame* previous = m_cache.find(it->key);
    if (previous && m_policy.isServable(*previous, m_clock.monotonicMs()))
        return answerImage(id, *previous, "previous");
    answerEmpty(id, QStringLiteral("no frame yet; the grab goes on"));
}

void ImageEndpoint::onGrabFinished(const FrameKey& key, const Result<EncodedThumbnail>& result,
                                   qint64 costMs) {
    QString failure;
    const bool someoneWaits = m_waiters.contains(key);
    if (result) {
        m_metrics.countGrab(true, {}, someoneWaits);
        if (!m_cache.storeImage(key, result->bytes, result->contentType, result->streamLagMs, costMs))
            failure = QStringLiteral("the image is larger than the whole cache");
        qCDebug(lcGenerator).noquote()
            << "grabbed" << thumbnailFormatName(key.format) << "of" << loggableStreamUrl(key.url)
            << result->bytes.size() << "bytes," << result->frameCount << "frame(s), grab" << result->grabMs
            << "ms, encode" << result->encodeMs << "ms";
    } else {
        m_metrics.countGrab(false, result.error().code, someoneWaits);
        m_cache.storeFailure(key, result.error(), costMs);
        failure = withoutQuery(result.error().toString(), key.url);
        qCDebug(lcGenerator).noquote()
            << "grab of" << thumbnailFormatName(key.format) << "of" << loggableStreamUrl(key.url)
            << "failed:" << result.error().code << "-" << failure;
    }
    const QList<quint64> waiting = m_waiters.take(key);
    for (const quint64 id : waiting) {
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        it->waiting = false;
        const CachedFrame* frame = m_cache.find(key);
        if (result && frame && frame->hasImage()) {
            answerImage(id, *frame, it->renew ? "renewed" : "grab");
        } else if (result) {
            CachedFrame unstored;
            unstored.bytes = result->bytes;
            unstored.contentType = result->contentType;
            unstored.grabbedAtMs = m_clock.monotonicMs();
            answerImage(id, unstored, "grab");
        } else if (isPolicyRefusal(result.error().code)) {
            answerForbidden(id, failure);
        } else if (frame && m_policy.isServable(*frame, m_clock.monotonicMs())) {
            answerImage(id, *frame, "previous");
        } else {
            answerEmpty(id, QStringLiteral("no frame: %1").arg(result.error().code));
        }
    }
}

void ImageEndpoint::answerImage(quint64 id, const CachedFrame& frame, const QByteArray& cacheState) {
    const qint64 age = qMax<qint64>(0, m_clock.monotonicMs() - frame.grabbedAtMs);
    const qint64 liveLag = frame.streamLagMs >= 0 ? age + frame.streamLagMs : -1;
    m_metrics.observeFrameAge(age, liveLag);
    finish(id, GeneratorResponses::image(frame.bytes, frame.contentType, age, cacheState, liveLag),
           QStringLiteral("image"),
           QStringLiteral("%1 bytes, %2, frame %3 s old")
               .arg(frame.bytes.size())
               .arg(QString::fromLatin1(cacheState))
               .arg(age / 1000.0, 0, 'f', 1));
}

void ImageEndpoint::answerEmpty(quint64 id, const QString& reason) {
    finish(id, GeneratorResponses::empty(reason), QStringLiteral("empty"), reason);
}

void ImageEndpoint::answerForbidden(quint64 id, const QString& detail) {
    finish(id,
           GeneratorResponses::refusal(QHttpServerResponse::StatusCode::Forbidden,
                                       QStringLiteral("host not allowed"), m_settings.reasonsInBody),
           QStringLiteral("forbidden"), detail);
}

void ImageEndpoint::answerOverloaded(quint64 id) {
    finish(id, GeneratorResponses::overloaded(m_settings.retryAfterSeconds), QStringLiteral("overloaded"),
           QStringLiteral("too many requests waiting or grabs queued"));
}

void ImageEndpoint::finish(quint64 id, const QHttpServerResponse& response, const QString& outcome,
                           const QString& note) {
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.waiting) {
        const auto waiters = m_waiters.find(pending.key);
        if (waiters != m_waiters.end()) {
            waiters->removeAll(id);
            if (waiters->isEmpty())
                m_waiters.erase(waiters);
        }
    }
    const bool sent = pending.reply->send(response);
    const qint64 elapsed = m_clock.monotonicMs() - pending.arrivedMs;
    m_metrics.countRequest(
        thumbnailFormatName(pending.key.format),
        pending.ownProbe && outcome == QStringLiteral("image") ? QStringLiteral("probe_image") : outcome,
        elapsed);
    qCDebug(lcGenerator).noquote() << QStringLiteral("GET %1 %2 %3%4 -> %5 %6 in %7 ms: %8%9")
                                          .arg(QLatin1String(pending.legacyPath ? "getImage/"
                                                                                : "getImage.php"),
                                               thumbnailFormatName(pending.key.format),
                                               loggableStreamUrl(pending.key.url),
                                               QLatin1String(pending.renew ? " renew" : ""))
                                          .arg(int(response.statusCode()))
                                          .arg(outcome)
                                          .arg(elapsed)
                                          .arg(note, QLatin1String(sent ? "" : " (the client had left)"));
}

void ImageEndpoint::answerAllEmpty(const QString& reason) {
    const QList<quint64> ids = m_pending.keys();
    for (const quint64 id : ids)
        answerEmpty(id, reason);
}

} // namespace avld
