#pragma once

#include "result.h"
#include "standinstats.h"

#include <QByteArray>

namespace avld {

// Reads a stand-in's figures from its own pages, for watching one that runs elsewhere (on the AVideo server):
// the Prometheus text of /metrics (GeneratorMetrics::exposition) into the same StandInStats the window shows
// for its own stand-in. Hand-written because no Debian library parses the exposition format (prometheus-cpp
// only writes it); only the lines of our own metrics are read, everything else is skipped.
class StandInMetricsReader {
public:
    // A /metrics body larger than this is refused: a stand-in's is a few kB.
    static constexpr qsizetype MaxBodyBytes = 1 << 20;

    // The totals and gauges into `stats` (presence and the last second's latency are left as they are) and
    // the request-duration histogram into `latency`. An error when the body is not a stand-in's metrics
    // (no avld_generator_requests_total and no avld_generator_uptime_seconds: a login page, another
    // exporter) or too large.
    static Status read(const QByteArray& body, StandInStats& stats, LatencyHistogram& latency);
};

} // namespace avld
