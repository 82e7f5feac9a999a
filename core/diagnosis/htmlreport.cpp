#include "htmlreport.h"

#include "bitmap/bitmapcodec.h"
#include "bitmap/bitmapscale.h"
#include "checks.h"
#include "diagnosistext.h"
#include "maskedurl.h"
#include "media/ffmpeginfo.h"
#include "reportsecrets.h"
#include "uptimechartsvg.h"
#include "version.h"

#include <QLocale>

#include <algorithm>

namespace avld {

namespace {

constexpr int kFilmstripWidth = 320;
constexpr int kTimelineEntries = 200;

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString severityClass(Severity s) {
    switch (s) {
    case Severity::Critical:
        return QStringLiteral("critical");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Unknown:
        return QStringLiteral("unknown");
    case Severity::Ok:
        return QStringLiteral("ok");
    }
    return {};
}

QString severityColour(Severity s) {
    switch (s) {
    case Severity::Critical:
        return QStringLiteral("#c62828");
    case Severity::Warning:
        return QStringLiteral("#b26a00");
    case Severity::Unknown:
        return QStringLiteral("#5f6b7a");
    case Severity::Ok:
        return QStringLiteral("#2e7d32");
    }
    return {};
}

// The language the report is written in (its <html lang>): the window's, English on the command line.
QString reportLanguage() {
    return DiagnosisText::tr("en", "the report's language, as HTML's lang attribute");
}

// Dates in the report's language ("7 December 2026", "7 十二月 2026").
QLocale reportLocale() {
    return QLocale(reportLanguage());
}

// A state the history keeps by its English name, in the report's words.
QString stateWord(const QString& name) {
    const std::optional<EncoderState> state = encoderStateFromName(name);
    return state ? encoderStateText(*state) : name;
}

QString severityHeading(Severity s) {
    switch (s) {
    case Severity::Critical:
        return DiagnosisText::tr("Critical");
    case Severity::Warning:
        return DiagnosisText::tr("Warnings");
    case Severity::Unknown:
        return DiagnosisText::tr("Could not be checked");
    case Severity::Ok:
        return DiagnosisText::tr("Fine");
    }
    return {};
}

const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2329; margin: 24px auto; max-width: 980px; line-height: 1.4; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; border-bottom: 1px solid #ccd; padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.meta { color: #5f6b7a; font-size: 13px; }
.summary { font-size: 17px; padding: 12px 16px; border-left: 6px solid; background: #f5f7fa; margin: 14px 0; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 4px; color: #fff; font-weight: bold; font-size: 12px; }
.score { font-size: 28px; font-weight: bold; }
.finding { border: 1px solid #dde2e8; border-left: 5px solid; padding: 8px 12px; margin: 8px 0; page-break-inside: avoid; }
.finding .sentence { font-weight: bold; }
.finding .action { margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
td, th { border: 1px solid #dde2e8; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; }
table.evidence td { border: none; padding: 1px 8px 1px 0; color: #3b4550; }
.film { display: inline-block; vertical-align: top; margin: 6px; border: 1px solid #dde2e8; padding: 6px; page-break-inside: avoid; }
.film img { width: 240px; height: auto; display: block; }
.film .pair { display: flex; gap: 6px; }
.small { font-size: 12px; color: #5f6b7a; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } a { color: inherit; text-decoration: none; } }
)";

class Writer {
public:
    Writer(const Diagnosis& d, const ReportPictures& pictures, ReportStyle style)
        : m_d(d)
        , m_pictures(pictures)
        , m_style(style)
        , m_secrets(reportSecrets(d.input)) {}

    QByteArray render() {
        head();
        summary();
        findings();
        checklist();
        lives();
        encoders();
        generator();
        timeline();
        versions();
        m_html += QStringLiteral("</body></html>\n");
        return m_html.toUtf8();
    }

private:
    // Text from anywhere: escaped, with every known secret replaced.
    QString text(const QString& raw) const { return esc(redactSecrets(raw, m_secrets)); }

    QString badge(Severity s) const {
        return QStringLiteral("<span class=\"badge\" style=\"background:%1\">%2</span>")
            .arg(severityColour(s), severityText(s));
    }

    QString img(const Bitmap& image, int width) const {
        const Bitmap scaled = image.width() > width ? scaledToWidth(image, width) : image;
        const QString source = scaled.isNull() ? QString() : m_pictures.images(scaled);
        if (source.isEmpty())
            return DiagnosisText::tr("<div class=\"small\">no picture</div>");
        return QStringLiteral("<img src=\"%1\" width=\"%2\" alt=\"\">").arg(source).arg(scaled.width());
    }

    QString chart(const UptimeChart& layout) const {
        return QStringLiteral("<img src=\"%1\" width=\"%2\" alt=\"\">")
            .arg(m_pictures.charts(layout))
            .arg(layout.size.width());
    }

    void head() {
        m_html += QStringLiteral("<!DOCTYPE html><html lang=\"%3\"><head><meta charset=\"utf-8\">"
                                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                                 "<title>%1</title><style>%2</style></head><body>")
                      .arg(text(DiagnosisText::tr("Diagnosis of %1").arg(siteName())),
                           QString::fromLatin1(kStyle), reportLanguage());
    }

    QString siteName() const {
        return m_d.input.overview.siteName.isEmpty() ? maskedUrl(m_d.input.siteUrl)
                                                     : m_d.input.overview.siteName;
    }

    void summary() {
        const Severity overall = m_d.overall();
        m_html += DiagnosisText::tr("<h1>AVideo Live Doctor — diagnosis of %1</h1>").arg(text(siteName()));
        m_html +=
            DiagnosisText::tr("<div class=\"meta\">%1 · %2 · generated by AVideo Live Doctor %3%4</div>")
                .arg(text(maskedUrl(m_d.input.siteUrl)),
                     esc(reportLocale().toString(m_d.input.now.toLocalTime(),
                                                 QStringLiteral("d MMMM yyyy HH:mm:ss t"))),
                     QStringLiteral(AVLD_VERSION),
                     m_d.cancelled ? DiagnosisText::tr(" · <b>cancelled before every check ran</b>")
                                   : QString());
        m_html += QStringLiteral("<div class=\"summary\" style=\"border-color:%1\">%2 %3</div>")
                      .arg(severityColour(overall), badge(overall), text(m_d.summary));
        m_html +=
            DiagnosisText::tr("<table class=\"evidence\"><tr><td><span class=\"score\">%1</span> / 100</td>"
                              "<td>Health score: <b>%2</b>")
                .arg(m_d.site.value)
                .arg(m_d.site.gradeText());
        if (!m_d.site.costs.isEmpty()) {
            m_html += DiagnosisText::tr("<br><span class=\"small\">Points lost:");
            for (const HealthScore::Cost& c : m_d.site.costs)
                m_html += QStringLiteral("<br>−%1 · %2").arg(c.points).arg(text(c.reason));
            m_html += QStringLiteral("</span>");
        }
        m_html += QStringLiteral("</td></tr></table>");
    }

    void finding(const Finding& f) {
        m_html += QStringLiteral("<div class=\"finding %1\" style=\"border-left-color:%2\">")
                      .arg(severityClass(f.severity), severityColour(f.severity));
        if (m_style.forQtTextDocument)
            m_html += badge(f.severity) + QStringLiteral(" ");
        m_html += QStringLiteral("<span class=\"sentence\">%1</span> <span class=\"small\">[%2 · %3]</span>")
                      .arg(text(f.sentence), esc(checkAreaTitle(f.area)), esc(f.id));
        if (f.action.kind != FindingAction::Kind::None)
            m_html += QStringLiteral("<div class=\"action\">→ <b>%1</b></div>").arg(text(f.action.text));
        if (!f.evidence.isEmpty()) {
            m_html += QStringLiteral("<table class=\"evidence\">");
            for (const Evidence& e : f.evidence)
                m_html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(text(e.label), text(e.value));
            m_html += QStringLiteral("</table>");
        }
        m_html += QStringLiteral("</div>");
    }

    void findings() {
        m_html += DiagnosisText::tr("<h2>What to do</h2>");
        bool any = false;
        for (Severity s : {Severity::Critical, Severity::Warning, Severity::Unknown}) {
            const QList<Finding> of = m_d.findingsOf(s);
            if (of.isEmpty())
                continue;
            any = true;
            m_html +=
                QStringLiteral("<h3 style=\"color:%1\">%2</h3>").arg(severityColour(s), severityHeading(s));
            for (const Finding& f : of)
                finding(f);
        }
        if (!any)
            m_html += DiagnosisText::tr("<p>Nothing: every item of the checklist passed.</p>");
    }

    void checklist() {
        m_html += DiagnosisText::tr(
            "<h2>The checklist</h2><table><tr><th>Item</th><th>Result</th><th>What we found</th></tr>");
        for (CheckArea area : allCheckAreas()) {
            const QList<Finding> in = m_d.findingsIn(area);
            Severity worst = Severity::Ok;
            QStringList sentences;
            for (const Finding& f : in) {
                if (severityRank(f.severity) < severityRank(worst))
                    worst = f.severity;
                sentences << text(f.sentence);
            }
            m_html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                          .arg(esc(checkAreaTitle(area)), in.isEmpty() ? QStringLiteral("—") : badge(worst),
                               sentences.join(QStringLiteral("<br>")));
        }
        m_html += QStringLiteral("</table>");
    }

    void lives() {
        m_html += DiagnosisText::tr("<h2>The lives</h2>");
        const auto& report = m_d.input.overview.report;
        if (!report || report->lives.isEmpty()) {
            m_html += DiagnosisText::tr("<p>No live to show.</p>");
            return;
        }
        m_html +=
            DiagnosisText::tr("<p class=\"small\">Each live: what visitors see (the site's thumbnail) beside "
                              "our own frame of the stream.</p>");
        if (m_style.forQtTextDocument)
            m_html += QStringLiteral("<table>");
        for (const LiveEntry& live : report->lives) {
            const HealthScore score = m_d.lives.value(live.key);
            const Bitmap site = live.siteThumbnail ? live.siteThumbnail->image : Bitmap();
            const Bitmap ours =
                live.ourGrab && live.ourGrab->ok() ? live.ourGrab->value().frame().image : Bitmap();
            const QString cls = live.siteThumbnail ? thumbnailClassText(live.siteThumbnail->cls)
                                                   : DiagnosisText::tr("not fetched");
            QString ourLine = DiagnosisText::tr("not grabbed");
            if (live.ourGrab && live.ourGrab->ok()) {
                const qint64 age = live.ourGrab->value().report.frameAgeMs;
                ourLine =
                    age >= 0
                        ? DiagnosisText::tr("%1 s behind the live edge").arg(double(age) / 1000, 0, 'f', 1)
                        : DiagnosisText::tr("grabbed");
            } else if (live.ourGrab) {
                ourLine = DiagnosisText::tr("grab failed: ") + live.ourGrab->error().message;
            }
            const QString fetched =
                live.siteThumbnail && live.siteThumbnail->fetchedAt.isValid()
                    ? live.siteThumbnail->fetchedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                    : QString();
            const QString caption =
                DiagnosisText::tr("<b>%1</b><br>visitors see: %2%3<br>our frame: %4<br>score %5/100 (%6)")
                    .arg(text(live.title()), esc(cls),
                         fetched.isEmpty() ? QString() : DiagnosisText::tr(" (fetched %1)").arg(fetched),
                         text(ourLine))
                    .arg(score.value)
                    .arg(score.gradeText());
            if (m_style.forQtTextDocument) {
                m_html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                              .arg(img(site, 200), img(ours, 200), caption);
            } else {
                m_html += DiagnosisText::tr(
                              "<div class=\"film\"><div class=\"pair\"><div>%1<div class=\"small\">the "
                              "site</div></div><div>%2<div class=\"small\">our frame</div></div></div>"
                              "<div>%3</div></div>")
                              .arg(img(site, kFilmstripWidth), img(ours, kFilmstripWidth), caption);
            }
        }
        if (m_style.forQtTextDocument)
            m_html += QStringLiteral("</table>");
    }

    // From the history read for the report, else what the watch last said.
    static UptimeStats uptimeOver(const EncoderSnapshot& e, const QList<EncoderHistorySpan>& spans,
                                  bool day) {
        for (const EncoderHistorySpan& span : spans)
            if (span.encoderId == e.target.id && span.uptime.probes > 0)
                return span.uptime;
        if (e.uptime)
            return day ? e.uptime->lastDay : e.uptime->lastWeek;
        return {};
    }

    QString encoderName(const QString& id) const {
        for (const EncoderSnapshot& e : m_d.input.overview.encoders)
            if (e.target.id == id)
                return e.target.origin == EncoderOrigin::LocalStandIn
                           ? DiagnosisText::tr("this computer's stand-in")
                           : e.target.displayName();
        return historyEncoderLabel(id);
    }

    void encoders() {
        m_html += DiagnosisText::tr("<h2>The encoders</h2>");
        const QList<EncoderSnapshot>& all = m_d.input.overview.encoders;
        if (all.isEmpty()) {
            m_html += DiagnosisText::tr("<p>No encoder was watched.</p>");
        } else {
            m_html +=
                DiagnosisText::tr("<table><tr><th>Encoder</th><th>Role</th><th>State</th><th>getImage</th>"
                                  "<th>Reachable</th><th>Up 24 h</th><th>Up 7 d</th></tr>");
            for (const EncoderSnapshot& e : all) {
                QString getImage = QStringLiteral("—"), reach = QStringLiteral("—");
                if (e.last) {
                    const ProbeRecord& r = e.last->record;
                    if (r.functionalMs >= 0)
                        getImage = QStringLiteral("%1 ms, %2").arg(r.functionalMs).arg(r.frameClass);
                    reach = r.health == ProbeHealth::Failed ? r.reason
                                                            : QStringLiteral("%1 ms").arg(r.phases.totalMs);
                }
                const auto percent = [](const UptimeStats& s) {
                    return s.uptimePercent < 0 ? QStringLiteral("—")
                                               : QStringLiteral("%1 %").arg(s.uptimePercent, 0, 'f', 1);
                };
                m_html +=
                    QStringLiteral("<tr><td>%1<br><span class=\"small\">%2</span></td><td>%3</td><td>%4</td>"
                                   "<td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>")
                        .arg(text(encoderName(e.target.id)), text(maskedUrl(e.target.url)),
                             esc(encoderOriginText(e.target.origin)), esc(diagnosis::encoderStateWord(e)),
                             text(getImage), text(reach), percent(uptimeOver(e, m_d.input.lastDay, true)),
                             percent(uptimeOver(e, m_d.input.lastWeek, false)));
            }
            m_html += QStringLiteral("</table>");
        }
        charts(m_d.input.lastDay, DiagnosisText::tr("last 24 h"));
        charts(m_d.input.lastWeek, DiagnosisText::tr("last 7 days"));
    }

    void charts(const QList<EncoderHistorySpan>& spans, const QString& window) {
        QList<const EncoderHistorySpan*> withProbes;
        for (const EncoderHistorySpan& span : spans)
            if (span.uptime.probes > 0)
                withProbes.append(&span);
        if (withProbes.isEmpty())
            return;
        m_html += DiagnosisText::tr("<h3>Uptime, %1</h3>").arg(esc(window));
        for (const EncoderHistorySpan* span : withProbes)
            m_html += QStringLiteral("<div>%1</div>")
                          .arg(chart(layOutUptimeChart(
                              *span, redactSecrets(encoderName(span->encoderId), m_secrets))));
    }

    void generator() {
        m_html += DiagnosisText::tr("<h2>The local generator</h2>");
        for (const Finding& f : m_d.findingsIn(CheckArea::Generator))
            finding(f);
    }

    void timeline() {
        struct Entry {
            QDateTime at;
            QString text;
        };
        QList<Entry> entries;
        for (const EncoderHistorySpan& span : m_d.input.lastWeek)
            for (const StateChangeRow& c : span.changes)
                entries.append(
                    {c.at, QStringLiteral("%1: %2 → %3 (%4)")
                               .arg(encoderName(c.encoderId), stateWord(c.from), stateWord(c.to), c.reason)});
        for (const WorkspaceEvent& e : m_d.input.events)
            entries.append({e.at, e.text});
        m_html += DiagnosisText::tr("<h2>Timeline</h2>");
        if (entries.isEmpty()) {
            m_html += DiagnosisText::tr("<p>No state change or action was recorded.</p>");
            return;
        }
        std::stable_sort(entries.begin(), entries.end(),
                         [](const Entry& a, const Entry& b) { return a.at < b.at; });
        if (entries.size() > kTimelineEntries)
            entries = entries.mid(entries.size() - kTimelineEntries);
        m_html += DiagnosisText::tr("<table><tr><th>When</th><th>What</th></tr>");
        for (const Entry& e : entries)
            m_html +=
                QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(esc(reportLocale().toString(e.at.toLocalTime(), QStringLiteral("d MMM HH:mm:ss"))),
                         text(e.text));
        m_html += QStringLiteral("</table>");
    }

    void versions() {
        m_html += DiagnosisText::tr("<h2>Versions</h2><table class=\"evidence\">");
        m_html += QStringLiteral("<tr><td>AVideo Live Doctor</td><td>%1</td></tr>")
                      .arg(QStringLiteral(AVLD_VERSION));
        if (m_d.input.siteStatus && m_d.input.siteStatus->ok())
            m_html += DiagnosisText::tr("<tr><td>AVideo (the site)</td><td>%1</td></tr>")
                          .arg(text(m_d.input.siteStatus->value().version));
        m_html += QStringLiteral("<tr><td>Qt</td><td>%1</td></tr>").arg(esc(QString::fromLatin1(qVersion())));
        m_html +=
            QStringLiteral("<tr><td>FFmpeg</td><td>%1</td></tr>").arg(esc(FfmpegInfo::current().summary()));
        for (const EncoderSnapshot& e : m_d.input.overview.encoders)
            if (e.last && !e.last->status.version.isEmpty())
                m_html += DiagnosisText::tr("<tr><td>Encoder %1</td><td>%2</td></tr>")
                              .arg(text(encoderName(e.target.id)), text(e.last->status.version));
        m_html += QStringLiteral("</table>");
    }

    const Diagnosis& m_d;
    const ReportPictures& m_pictures;
    ReportStyle m_style;
    QStringList m_secrets;
    QString m_html;
};

} // namespace

QString historyEncoderLabel(const QString& id) {
    // The site's encoder is kept under "site:" and its URL, which holds the stand-in's prefix when the site
    // used the stand-in: never shown whole.
    if (id.startsWith(QStringLiteral("site:")))
        return QStringLiteral("the site's encoder %1").arg(maskedUrl(QUrl(id.mid(5))));
    return id;
}

QString embeddedImage(const Bitmap& image) {
    // Only the lives' frames and thumbnails come here (the charts are SVG): photographs, kept small as JPEG.
    const Result<QByteArray> jpeg = encodeJpeg(image, 80);
    if (!jpeg)
        return {};
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(jpeg->toBase64());
}

QString embeddedChart(const UptimeChart& chart) {
    return QStringLiteral("data:image/svg+xml;base64,") +
           QString::fromLatin1(uptimeChartSvg(chart).toBase64());
}

QByteArray renderHtmlReport(const Diagnosis& diagnosis, const ReportPictures& pictures, ReportStyle style) {
    return Writer(diagnosis, pictures, style).render();
}

} // namespace avld
