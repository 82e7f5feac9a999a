#pragma once

#include "standinpresence.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace avld {

// One second of the stand-in service as the GUI shows it: totals since the start, current gauges, and the
// latency of the requests answered during the last second.
struct StandInStats {
    // Totals since the service started.
    qint64 requests = 0;
    qint64 images = 0;
    qint64 empty = 0;
    qint64 refused = 0; // 4xx: bad request, forbidden (not an allowed host), not found
    qint64 overloaded = 0;
    qint64 cacheHits = 0;
    qint64 cacheMisses = 0;
    qint64 grabs = 0;
    qint64 grabFailures = 0;
    QMap<QString, qint64> grabFailuresByReason{};
    StandinPresence presence{}; // which run this is, and its last image

    // Now.
    int streamsTracked = 0;
    qint64 cacheBytes = 0;
    int pendingRequests = 0;
    int grabsRunning = 0;
    int grabsQueued = 0;
    int slowStreams = 0; // streams whose grabs are in the slow lane
    qint64 uptimeMs = 0;

    // The requests answered since the previous sample (about a second), and their latency; -1 when none.
    qint64 recentRequests = 0;
    double p50Ms = -1;
    double p99Ms = -1;
};

// A latency histogram as /metrics shows it (GeneratorMetrics::latency()): upper bounds in seconds (the last
// one +Inf) and cumulative counts.
struct LatencyHistogram {
    QList<double> bounds{};
    QList<qint64> cumulative{};

    qint64 count() const { return cumulative.isEmpty() ? 0 : cumulative.last(); }
    // The change since `earlier` (same bounds); `*this` when the bounds differ.
    LatencyHistogram since(const LatencyHistogram& earlier) const;
    // The q-quantile in milliseconds, linearly interpolated inside its bucket as Prometheus'
    // histogram_quantile does; the highest finite bound for the +Inf bucket; -1 without observations.
    double quantileMs(double q) const;
};

} // namespace avld

Q_DECLARE_METATYPE(avld::StandInStats)
