#pragma once

#include "encoders/encodermonitor.h"
#include "encoders/encoderseries.h"

#include <QString>

namespace avld {

// The short texts of the encoder table's cells, from one snapshot. "—" where nothing is known.

// "12 / 3 / – / 40 / 55 ms": DNS / connect / TLS / first byte / total; "—" before the first probe.
QString encoderLatencyText(const EncoderSnapshot& snapshot);
// "yes", "no", "not tested" (it answered, but no live to ask for) or "—" (not probed yet, or no answer);
// detail says why.
QString encoderRealFrameText(const EncoderSnapshot& snapshot, QString* detail = nullptr);
QString encoderVersionText(const EncoderSnapshot& snapshot);
QString encoderQueueText(const EncoderSnapshot& snapshot);
QString encoderUptimeText(const UptimeStats& stats);
// "14:02:10" today, else "2026-11-23 14:02", local time, with the time since: "14:02:10 (5 min)".
QString encoderSinceText(const QDateTime& since, const QDateTime& now);
// "4 min", "2 h 5 min", "3 d 4 h".
QString durationText(qint64 seconds);
// "1 h", "24 h", "7 d".
QString historyWindowText(HistoryWindow window);

} // namespace avld
