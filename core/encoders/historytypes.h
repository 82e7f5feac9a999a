#pragma once

#include <QDateTime>
#include <QString>

namespace avld {

// One settled (or Pending) transition of an encoder, as stored. States are encoderStateName() strings.
struct StateChangeRow {
    QString encoderId{};
    QDateTime at{};
    QString from{};
    QString to{};
    QString reason{};
};

// Probe counts and latency over a span. Latency counts only probes whose request completed (totalMs >= 0).
struct UptimeStats {
    int probes = 0;
    int healthy = 0;
    int degraded = 0;
    int failed = 0;
    double uptimePercent = -1; // healthy share in percent; -1 when no probes
    qint64 meanTotalMs = -1;   // -1 when no probe completed
    qint64 maxTotalMs = -1;
};

struct UptimeWindows {
    UptimeStats lastHour{};
    UptimeStats lastDay{};
    UptimeStats lastWeek{};
    UptimeStats lastMonth{}; // 30 days
};

// One bucket of a chart series.
struct HistoryPoint {
    QDateTime start{}; // UTC, aligned to a multiple of widthMs since the epoch
    qint64 widthMs = 0;
    int probes = 0;
    int healthy = 0;
    int degraded = 0;
    int failed = 0;
    double healthyShare = 0; // 0..1
    qint64 meanTotalMs = -1; // -1 when no probe in the bucket completed
    qint64 maxTotalMs = -1;
    qint64 meanFunctionalMs = -1; // -1 when getImage was never run in the bucket
};

// How compact() bounds the history. Raw rows are folded into 5-minute rollups, those into 1-hour rollups.
struct CompactionPolicy {
    qint64 rawKeepMs = 48LL * 3600 * 1000;
    qint64 fiveMinuteKeepMs = 14LL * 24 * 3600 * 1000;
    qint64 keepMs = 90LL * 24 * 3600 * 1000; // rollups and state changes older than this are deleted
    int maxRawRowsPerEncoder = 50'000;       // the oldest beyond this are folded early
};

// Rows the history holds, by kind.
struct HistoryRowCounts {
    qint64 raw = 0;
    qint64 fiveMinute = 0;
    qint64 hourly = 0;
    qint64 stateChanges = 0;
};

} // namespace avld
