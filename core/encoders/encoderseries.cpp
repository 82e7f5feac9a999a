#include "encoderseries.h"

#include <algorithm>

namespace avld {

UptimeStats EncoderHistorySpan::uptimeOf(const QList<HistoryPoint>& points) {
    UptimeStats stats;
    qint64 weightedMs = 0;
    int timed = 0;
    for (const HistoryPoint& p : points) {
        stats.probes += p.probes;
        stats.healthy += p.healthy;
        stats.degraded += p.degraded;
        stats.failed += p.failed;
        if (p.meanTotalMs >= 0) {
            weightedMs += p.meanTotalMs * p.probes;
            timed += p.probes;
        }
        stats.maxTotalMs = std::max(stats.maxTotalMs, p.maxTotalMs);
    }
    if (stats.probes > 0)
        stats.uptimePercent = 100.0 * stats.healthy / stats.probes;
    if (timed > 0)
        stats.meanTotalMs = weightedMs / timed;
    return stats;
}

} // namespace avld
