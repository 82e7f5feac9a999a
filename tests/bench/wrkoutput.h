#pragma once

#include <QMap>
#include <QString>

#include <cmath>

// The figures wrk prints at the end of a run (`wrk --latency`), read back from its output.
namespace avld::bench {

struct WrkResult {
    bool parsed = false;
    double requestsPerSecond = std::nan("");
    qint64 requests = 0;
    double seconds = 0;
    QString readVolume;
    double avgMs = std::nan(""), maxMs = std::nan("");
    QMap<int, double> latencyMs; // by percentile: 50, 75, 90, 99
    qint64 non2xx = 0;
    qint64 connectErrors = 0, readErrors = 0, writeErrors = 0, timeouts = 0;
    qint64 socketErrors() const { return connectErrors + readErrors + writeErrors + timeouts; }
};

WrkResult parseWrk(const QString& out);

// "12.5" and "ms" (wrk's units: us, ms, s, m, h) in milliseconds.
double wrkTimeToMs(const QString& number, const QString& unit);

} // namespace avld::bench
