#include "diagnosis.h"

#include "checks.h"
#include "maskedurl.h"
#include "media/ffmpeginfo.h"
#include "sitefinding.h"
#include "version.h"

#include <QJsonArray>

#include <algorithm>

namespace avld {

Severity Diagnosis::overall() const {
    bool warning = false;
    for (const Finding& f : findings) {
        if (f.severity == Severity::Critical)
            return Severity::Critical;
        warning |= f.severity == Severity::Warning;
    }
    if (warning)
        return Severity::Warning;
    if (cancelled || !input.overview.report)
        return Severity::Unknown;
    // Unknown items (not signed in, say) do not make a site with nothing wrong UNKNOWN as a whole.
    return Severity::Ok;
}

QList<Finding> Diagnosis::findingsIn(CheckArea area) const {
    QList<Finding> in;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(in),
                 [area](const Finding& f) { return f.area == area; });
    return in;
}

QList<Finding> Diagnosis::findingsOf(Severity severity) const {
    QList<Finding> of;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(of),
                 [severity](const Finding& f) { return f.severity == severity; });
    return of;
}

QJsonObject Diagnosis::toJson() const {
    QJsonArray findingsJson;
    for (const Finding& f : findings)
        findingsJson.append(f.toJson());
    QJsonObject livesJson;
    for (auto it = lives.begin(); it != lives.end(); ++it)
        livesJson.insert(it.key(), it.value().toJson());
    QJsonObject json{{QStringLiteral("status"), severityName(overall())},
                     {QStringLiteral("summary"), summary},
                     {QStringLiteral("site"), maskedUrl(input.siteUrl)},
                     {QStringLiteral("at"), input.now.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("cancelled"), cancelled},
                     {QStringLiteral("score"), site.toJson()},
                     {QStringLiteral("liveScores"), livesJson},
                     {QStringLiteral("findings"), findingsJson},
                     {QStringLiteral("tool"), QStringLiteral(AVLD_VERSION)},
                     {QStringLiteral("avideo"), input.siteStatus && input.siteStatus->ok()
                                                    ? QJsonValue(input.siteStatus->value().version)
                                                    : QJsonValue()},
                     {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                     {QStringLiteral("ffmpeg"), FfmpegInfo::current().summary()}};
    return json;
}

Diagnosis diagnose(const DiagnosisInput& input) {
    Diagnosis d;
    d.input = input;
    if (!d.input.now.isValid())
        d.input.now = QDateTime::currentDateTime();
    for (auto check : {checkSite, checkLives, checkSound, checkPicture, checkSiteEncoder, checkBackups,
                       checkGenerator, checkCaches, checkPrevention, checkMediaServer})
        check(d.input, d.findings);
    std::stable_sort(d.findings.begin(), d.findings.end(), findingComesBefore);
    d.site = scoreSite(d.findings);
    if (input.overview.report)
        for (const LiveEntry& live : input.overview.report->lives)
            d.lives.insert(live.key, scoreLive(live));
    d.summary = topFinding(d.input.overview, d.input.now).sentence;
    return d;
}

} // namespace avld
