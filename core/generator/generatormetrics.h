#pragma once

#include "standinstats.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace avld {

// The generator's counters, rendered in Prometheus' text exposition format (version 0.0.4) for /metrics.
// Label values come from fixed sets (formats, outcomes) or from error codes, which are bounded here too, so
// hostile requests cannot grow the label space.
class GeneratorMetrics {
public:
    // Current values the service reads at exposition time.
    struct Gauges {
        int streamsTracked = 0;
        qint64 cacheBytes = 0;
        qint64 cacheCapBytes = 0;
        qint64 cacheEvictions = 0; // a counter kept by the cache
        int pendingRequests = 0;
        int grabsRunning = 0;
        int grabsQueued = 0;
        qint64 grabsDroppedFromQueue = 0; // a counter kept by the scheduler
        int slowStreams = 0;              // streams whose grabs are in the slow lane
        qint64 uptimeSeconds = 0;
    };
    struct Totals {
        qint64 requests = 0;
        qint64 images = 0;
        qint64 empty = 0;
        qint64 refused = 0; // 4xx
        qint64 overloaded = 0;
        qint64 grabs = 0;
        qint64 grabFailures = 0;
        qint64 lastImageAtMs = 0; // wall clock (ms since the epoch) of the last image answered; 0: none
    };

    static constexpr int MaxReasons = 32;

    // What a request's outcome label counts as in the totals (the reader of a remote stand-in's /metrics
    // sums them the same way).
    enum class OutcomeKind { Image, Empty, Overloaded, Refused, Neither };
    static OutcomeKind outcomeKind(const QString& outcome);

    // `format` is jpg/png/gif/webp or "none"; `outcome` one of image, empty, probe, bad_request, forbidden,
    // not_found, method_not_allowed, overloaded.
    void countRequest(const QString& format, const QString& outcome, qint64 durationMs);
    void countCacheHit() { ++m_cacheHits; }
    void countCacheMiss() { ++m_cacheMisses; }
    // `answeredRequest`: a request waited for this grab.
    void countGrab(bool ok, const QString& failureReason = {}, bool answeredRequest = false);
    // `liveLagMs`: the age plus how far behind the live edge the frame was when grabbed; -1 when unknown.
    void observeFrameAge(qint64 ageMs, qint64 liveLagMs = -1);

    Totals totals() const { return m_totals; }
    // The counters as values, for a GUI sampling them (the gauges are the service's to fill in).
    StandInStats stats() const;
    // The request-duration histogram as /metrics shows it: cumulative counts, the last bound +Inf.
    LatencyHistogram latency() const;
    QByteArray exposition(const Gauges& gauges) const;

    static QString sanitiseLabel(const QString& value);

private:
    struct Histogram {
        QList<double> bounds; // upper bounds, ascending, seconds
        QList<qint64> counts; // per bucket (not cumulative), last one is +Inf
        double sum = 0;
        qint64 count = 0;

        explicit Histogram(QList<double> upperBounds);
        void observe(double value);
        void write(QByteArray& out, const QByteArray& name) const;
    };

    QMap<QPair<QString, QString>, qint64> m_requests; // (format, outcome)
    Histogram m_latency{{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 5}};
    // One-second steps around the default refresh interval (10 s) plus a segment, where the targets lie.
    static inline const QList<double> kAgeBounds{0.5, 1,  2,  3,  4,  5,  6,  7,  8, 9,
                                                 10,  11, 12, 13, 14, 15, 20, 30, 60};
    Histogram m_frameAge{kAgeBounds};
    Histogram m_liveLag{kAgeBounds};
    qint64 m_cacheHits = 0;
    qint64 m_cacheMisses = 0;
    qint64 m_grabs = 0;
    qint64 m_grabsForRequests = 0;
    QMap<QString, qint64> m_grabFailures;
    Totals m_totals;
};

} // namespace avld
