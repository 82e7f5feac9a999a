#include "shiftreport.h"

#include "diagnosistext.h"
#include "htmlreport.h"
#include "maskedurl.h"
#include "pdfprinter.h"
#include "reportfile.h"
#include "uptimechart.h"
#include "version.h"

#include <algorithm>

namespace avld {

namespace {

bool isDown(const QString& state) {
    return state == QStringLiteral("offline") || state == QStringLiteral("degraded");
}

QString minutes(qint64 ms) {
    if (ms < 60'000)
        return DiagnosisText::tr("%1 s").arg(ms / 1000);
    if (ms < 3'600'000)
        return DiagnosisText::tr("%1 min").arg(ms / 60'000);
    return DiagnosisText::tr("%1 h %2 min").arg(ms / 3'600'000).arg((ms / 60'000) % 60);
}

QString clock(const QDateTime& at) {
    return at.toLocalTime().toString(QStringLiteral("d MMM HH:mm"));
}

const EncoderHistorySpan* siteSpan(const ShiftReport& r) {
    for (const EncoderHistorySpan& span : r.spans)
        if (span.encoderId.startsWith(QStringLiteral("site:")) && span.uptime.probes > 0)
            return &span;
    return nullptr;
}

QString html(const ShiftReport& r, const ReportPictures& pictures) {
    const auto esc = [](const QString& t) { return t.toHtmlEscaped(); };
    const QString name = r.siteName.isEmpty() ? maskedUrl(r.siteUrl) : r.siteName;
    QString out =
        QStringLiteral("<!DOCTYPE html><html lang=\"%2\"><head><meta "
                       "charset=\"utf-8\"><title>%1</title><style>body{font-family:\"DejaVu "
                       "Sans\",Arial,sans-serif;max-width:980px;"
                       "margin:24px auto;color:#1d2329}table{border-collapse:collapse;width:100%;font-size:"
                       "13px}td,th{border:1px solid #dde2e8;padding:4px 6px;text-align:left}th{background:"
                       "#f0f3f7}.meta{color:#5f6b7a;font-size:13px}.summary{font-size:17px;padding:12px 16px;"
                       "background:#f5f7fa;border-left:6px solid #3d7ab8}</style></head><body>")
            .arg(esc(DiagnosisText::tr("Shift report, %1").arg(name)),
                 DiagnosisText::tr("en", "the report's language, as HTML's lang attribute"));
    out += DiagnosisText::tr(
               "<h1>Shift report — %1</h1><div class=\"meta\">%2 · %3 to %4 · AVideo Live Doctor %5</div>")
               .arg(esc(name), esc(maskedUrl(r.siteUrl)), esc(clock(r.from)), esc(clock(r.to)),
                    QStringLiteral(AVLD_VERSION));
    out += QStringLiteral("<p class=\"summary\">%1</p>").arg(esc(r.summary()));
    out += DiagnosisText::tr(
        "<h2>Encoders</h2><table><tr><th>Encoder</th><th>Up</th><th>Probes</th><th>Outages</th>"
        "<th>Longest</th></tr>");
    for (const EncoderHistorySpan& span : r.spans) {
        const QList<Outage> outages = outagesOf(span);
        qint64 longest = 0;
        for (const Outage& o : outages)
            longest = std::max(longest, o.durationMs());
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                   .arg(esc(historyEncoderLabel(span.encoderId)),
                        span.uptime.uptimePercent < 0
                            ? QStringLiteral("—")
                            : QStringLiteral("%1 %").arg(span.uptime.uptimePercent, 0, 'f', 1))
                   .arg(span.uptime.probes)
                   .arg(outages.size())
                   .arg(outages.isEmpty() ? QStringLiteral("—") : minutes(longest));
    }
    out += QStringLiteral("</table>");
    for (const EncoderHistorySpan& span : r.spans)
        if (span.uptime.probes > 0)
            out += QStringLiteral("<p><img src=\"%1\" width=\"640\" alt=\"\"></p>")
                       .arg(pictures.charts(layOutUptimeChart(span, historyEncoderLabel(span.encoderId))));
    out += DiagnosisText::tr("<h2>Outages and changes</h2>");
    struct Row {
        QDateTime at;
        QString text;
    };
    QList<Row> rows;
    for (const EncoderHistorySpan& span : r.spans)
        for (const StateChangeRow& c : span.changes)
            rows.append({c.at, QStringLiteral("%1: %2 → %3 (%4)")
                                   .arg(historyEncoderLabel(c.encoderId), c.from, c.to, c.reason)});
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.at < b.at; });
    if (rows.isEmpty()) {
        out += DiagnosisText::tr("<p>No encoder changed state during the shift.</p>");
    } else {
        out += DiagnosisText::tr("<table><tr><th>When</th><th>What</th></tr>");
        for (const Row& row : rows)
            out += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(esc(clock(row.at)), esc(row.text));
        out += QStringLiteral("</table>");
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

} // namespace

QList<Outage> outagesOf(const EncoderHistorySpan& span) {
    // From the probes, not the state changes: a history written by one-off runs (`diagnose` from cron) never
    // settles a state, the watch's does; the probes say the same for both. A bucket where most probes failed
    // or were degraded is down; one where most were healthy ends the outage; buckets without probes say
    // nothing.
    QList<HistoryPoint> points = span.points;
    std::stable_sort(points.begin(), points.end(),
                     [](const HistoryPoint& a, const HistoryPoint& b) { return a.start < b.start; });
    QList<Outage> outages;
    std::optional<Outage> open;
    int failed = 0, degraded = 0;
    const auto close = [&](const QDateTime& at, bool ongoing) {
        open->to = at;
        open->ongoing = ongoing;
        open->state = failed >= degraded ? QStringLiteral("offline") : QStringLiteral("degraded");
        for (const StateChangeRow& c : span.changes)
            if (c.at >= open->from && c.at <= open->to && isDown(c.to)) {
                open->reason = c.reason;
                break;
            }
        outages.append(*open);
        open.reset();
    };
    for (const HistoryPoint& p : points) {
        if (p.probes <= 0)
            continue;
        const bool down = p.healthy * 2 < p.probes;
        if (down) {
            if (!open) {
                open = Outage{p.start < span.from ? span.from : p.start, span.to, {}, {}, false};
                failed = degraded = 0;
            }
            failed += p.failed;
            degraded += p.degraded;
        } else if (open) {
            close(p.start, false);
        }
    }
    if (open)
        close(span.to, true);
    return outages;
}

QString ShiftReport::summary() const {
    const EncoderHistorySpan* site = siteSpan(*this);
    if (!site)
        return DiagnosisText::tr(
                   "The history holds no probe of the site's encoder between %1 and %2: nothing watched it "
                   "during the shift.")
            .arg(clock(from), clock(to));
    const QList<Outage> outages = outagesOf(*site);
    QString text = DiagnosisText::tr("%1 was up %2 % of the shift (%3 probes)")
                       .arg(historyEncoderLabel(site->encoderId))
                       .arg(site->uptime.uptimePercent, 0, 'f', 1)
                       .arg(site->uptime.probes);
    if (outages.isEmpty())
        return text + DiagnosisText::tr("; no outage.");
    const auto longest =
        std::max_element(outages.begin(), outages.end(),
                         [](const Outage& a, const Outage& b) { return a.durationMs() < b.durationMs(); });
    return text + DiagnosisText::tr("; %1, the longest %2 (%3–%4%5).")
                      .arg(outages.size() == 1 ? DiagnosisText::tr("1 outage")
                                               : DiagnosisText::tr("%1 outages").arg(outages.size()),
                           minutes(longest->durationMs()), clock(longest->from),
                           longest->to.toLocalTime().toString(QStringLiteral("HH:mm")),
                           longest->ongoing ? DiagnosisText::tr(", still down") : QString());
}

QByteArray renderShiftReportHtml(const ShiftReport& report) {
    return html(report, {}).toUtf8();
}

Result<qint64> writeShiftReport(const ShiftReport& report, const QString& path) {
    if (const Status bad = checkReportName(path); !bad.ok())
        return bad.error();
    if (!isPdfName(path))
        return writeReportBytes(renderShiftReportHtml(report), path);
    return printPdf([&report](const ReportPictures& pictures) { return html(report, pictures); }, path,
                    DiagnosisText::tr("Shift report, %1").arg(report.siteName));
}

} // namespace avld
