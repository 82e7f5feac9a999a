#include "diagnosistext.h"

#include "diagnosis/reportsecrets.h"
#include "maskedurl.h"

namespace avld {

QString diagnosisText(const Diagnosis& d) {
    const QStringList secrets = reportSecrets(d.input);
    const auto clean = [&secrets](const QString& text) { return redactSecrets(text, secrets); };
    QString out;
    out += QStringLiteral("%1 %2 — health %3/100 (%4)%5\n")
               .arg(severityName(d.overall()), maskedUrl(d.input.siteUrl))
               .arg(d.site.value)
               .arg(d.site.grade(), d.cancelled ? QStringLiteral(", cancelled") : QString());
    out += QStringLiteral("  %1\n").arg(clean(d.summary));
    bool passedHeading = false;
    for (const Finding& f : d.findings) {
        if (f.severity == Severity::Ok) {
            if (!passedHeading)
                out += QStringLiteral("\npassed:\n");
            passedHeading = true;
            out += QStringLiteral("  ok  %1: %2\n").arg(checkAreaTitle(f.area), clean(f.sentence));
            continue;
        }
        out += QStringLiteral("\n%1 [%2] %3\n").arg(severityName(f.severity), f.id, clean(f.sentence));
        if (f.action.kind != FindingAction::Kind::None)
            out += QStringLiteral("  → %1\n").arg(clean(f.action.text));
        for (const Evidence& e : f.evidence)
            out += QStringLiteral("    %1: %2\n").arg(clean(e.label), clean(e.value));
    }
    if (!d.lives.isEmpty()) {
        out += QStringLiteral("\nlives:\n");
        if (d.input.overview.report)
            for (const LiveEntry& live : d.input.overview.report->lives) {
                const HealthScore score = d.lives.value(live.key);
                out += QStringLiteral("  %1/100  %2\n").arg(score.value, 3).arg(clean(live.title()));
            }
    }
    return out;
}

} // namespace avld
