#pragma once

#include "encoders/encoderseries.h"
#include "result.h"

#include <QUrl>

namespace avld {

// A stretch of time an encoder spent Offline or Degraded, from its state changes.
struct Outage {
    QDateTime from{};
    QDateTime to{};  // the shift's end when it had not ended
    QString state{}; // "offline", "degraded"
    QString reason{};
    bool ongoing = false;

    qint64 durationMs() const { return from.msecsTo(to); }
};

// The outages within [from, to] of one encoder: stretches where most probes of each bucket failed or were
// degraded, from the first such bucket to the first healthy one (buckets without probes neither start nor end
// one); `reason` from the state change that settled it, when the watch wrote one.
QList<Outage> outagesOf(const EncoderHistorySpan& span);

// What the encoders did over a shift, from the history alone (no network): for the admin who hands over.
struct ShiftReport {
    QString siteName{};
    QUrl siteUrl{};
    QDateTime from{};
    QDateTime to{};
    QList<EncoderHistorySpan> spans{}; // one per encoder the history knows
    QDateTime generatedAt{};

    // "The site's encoder … was up 92.4 % of the shift; 2 outages, the longest 41 min (14:02–14:43)."
    QString summary() const;
};

// The shift report as one self-contained HTML page (its charts as SVG); needs no Qt Gui.
QByteArray renderShiftReportHtml(const ShiftReport& report);
// By the suffix: .html/.htm or .pdf (through the program's PDF printer, pdfprinter.h); "bad-report-name",
// "pdf-unavailable", "write-failed".
Result<qint64> writeShiftReport(const ShiftReport& report, const QString& path);

} // namespace avld
