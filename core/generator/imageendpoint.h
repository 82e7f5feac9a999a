#pragma once

#include "clock.h"
#include "framekey.h"
#include "freshnesspolicy.h"
#include "grabscheduler.h"
#include "imagerequest.h"
#include "pendingreply.h"
#include "streamallowlist.h"

#include <QHash>
#include <QObject>

namespace avld {

class FrameCache;
struct CachedFrame;
class GeneratorMetrics;

// Answers parsed getImage requests within the budget, every time (FreshnessPolicy says what is fresh):
//   host refused by the allow-list            403 "host not allowed"
//   fresh image in the cache (no renew)       the image at once ("hit")
//   servable image of a stream whose grabs outlast AVideo's wait
//                                             the image at once ("stale"); a grab is asked for when it is
//                                             older than the refresh interval
//   otherwise                                 grabs now (joining one that runs) and waits up to the budget:
//                                             the new image ("grab"), or else the cached image while it is
//                                             servable ("previous"), or else an empty 200 while the grab
//                                             goes on
//   too many requests waiting, grab queue full  503 with Retry-After
// Once the site has asked for an animated format (AVideo's gallery asks `jpg` for its poster and `webp` for
// its hover image at the same moment), a jpg/png request also starts that format's grab for the same stream
// when a worker is idle, so the animated answer is often ready before it is asked. A site that never asks
// animated formats costs nothing more; prefetched images are not refreshed until they are requested.
// Requests wait here without holding the thread: each is a PendingReply answered from a timer or a grab.
class ImageEndpoint : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int budgetMs = 1500;
        int dnsTimeoutMs = 1000;
        int maxPending = 256;
        int retryAfterSeconds = 2;
        bool reasonsInBody = true;
        // renew=1 on a (stream, format) grabbed less than this ago is served that frame: a renew flood
        // cannot turn into a grab per request.
        int minRenewIntervalMs = 2000;
    };

    ImageEndpoint(FrameCache& cache, GrabScheduler& grabs, StreamAllowList allowList, FreshnessPolicy policy,
                  GeneratorMetrics& metrics, const Clock& clock, Settings settings,
                  QObject* parent = nullptr);

    // `arrivedMs` is the Clock's steady time when the request came in; the budget counts from there.
    void handle(const ImageRequest& request, PendingReplyPtr reply, qint64 arrivedMs);
    int pendingCount() const { return int(m_pending.size()); }
    bool atCapacity() const { return m_pending.size() >= m_settings.maxPending; }
    // Answers every waiting request with an empty body (shutdown).
    void answerAllEmpty(const QString& reason);

private:
    struct Pending {
        PendingReplyPtr reply;
        FrameKey key;
        bool renew = false;
        bool legacyPath = false;
        qint64 arrivedMs = 0;
        bool waiting = false; // listed in m_waiters
        bool ownProbe = false;
    };

    void onChecked(quint64 id, const Status& verdict);
    void onBudgetSpent(quint64 id);
    void onGrabFinished(const FrameKey& key, const Result<EncodedThumbnail>& result, qint64 costMs);
    bool canGrabOnRequest(const FrameKey& key, const CachedFrame& frame) const;
    // A still of `url` was asked for: grabs the animated formats the site uses, on spare capacity only.
    void prefetchAnimated(const QUrl& url);

    void answerImage(quint64 id, const CachedFrame& frame, const QByteArray& cacheState);
    void answerEmpty(quint64 id, const QString& reason);
    void answerForbidden(quint64 id, const QString& detail);
    void answerOverloaded(quint64 id);
    // Sends, counts and logs; forgets the request.
    void finish(quint64 id, const QHttpServerResponse& response, const QString& outcome, const QString& note);

    FrameCache& m_cache;
    GrabScheduler& m_grabs;
    StreamAllowList m_allowList;
    FreshnessPolicy m_policy;
    GeneratorMetrics& m_metrics;
    const Clock& m_clock;
    Settings m_settings;
    QHash<quint64, Pending> m_pending;
    QHash<FrameKey, QList<quint64>> m_waiters;
    quint64 m_nextId = 1;
    QHash<ThumbnailFormat, qint64> m_animatedAskedMs; // when each animated format was last asked for
};

// Error codes that mean "this stream may not be fetched" rather than "the fetch failed".
bool isPolicyRefusal(const QString& errorCode);

} // namespace avld
