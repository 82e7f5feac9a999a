#include "checks.h"
#include "diagnosistext.h"
#include "maskedurl.h"
#include "plural.h"

#include <algorithm>

namespace avld {

using namespace diagnosis;

namespace {

// Probes in a day that only a watch makes (a one-off check probes once or twice).
constexpr int kProbesOfAWatchedDay = 10;

bool siteEncoderFails(const DiagnosisInput& input) {
    const EncoderSnapshot* encoder = siteEncoderSnapshot(input.overview);
    return encoder && encoder->last && encoder->last->record.health != ProbeHealth::Healthy;
}

void addStatsEvidence(Finding& f, const StandInStats& stats) {
    f.evidence.append(
        {DiagnosisText::tr("running for"), DiagnosisText::tr("%1 s").arg(stats.uptimeMs / 1000)});
    f.evidence.append({DiagnosisText::tr("requests answered"), DiagnosisText::tr("%1 (%2 images, %3 refused)")
                                                                   .arg(stats.requests)
                                                                   .arg(stats.images)
                                                                   .arg(stats.refused)});
    f.evidence.append({DiagnosisText::tr("streams kept fresh"), QString::number(stats.streamsTracked)});
    if (stats.grabs > 0)
        f.evidence.append({DiagnosisText::tr("grabs"),
                           DiagnosisText::tr("%1, %2 failed").arg(stats.grabs).arg(stats.grabFailures)});
    if (stats.presence.lastImageAt.isValid())
        f.evidence.append({DiagnosisText::tr("last image"), stats.presence.lastImageAt.toLocalTime().toString(
                                                                QStringLiteral("d MMM HH:mm:ss"))});
    if (!stats.presence.instance.isEmpty())
        f.evidence.append({DiagnosisText::tr("this run"), stats.presence.instance});
}

} // namespace

void checkGenerator(const DiagnosisInput& input, QList<Finding>& findings) {
    const SiteOverview& o = input.overview;
    Finding f;
    f.area = CheckArea::Generator;
    if (!o.standInRunning) {
        if (siteEncoderFails(input)) {
            f.id = QStringLiteral("standin-stopped");
            f.severity = Severity::Warning;
            f.sentence =
                DiagnosisText::tr("The local stand-in is not running: started and given to the site as its "
                                  "Encoder URL, it makes the lives' thumbnails from their streams while the "
                                  "encoder is down.");
            f.action = standInAction(input);
        } else {
            f.id = QStringLiteral("standin-idle");
            f.severity = Severity::Ok;
            f.sentence =
                DiagnosisText::tr("The local stand-in is not running; it is not needed while the site's "
                                  "encoder works.");
        }
        findings.append(std::move(f));
        return;
    }
    if (input.standInStats)
        addStatsEvidence(f, *input.standInStats);
    f.evidence.prepend({DiagnosisText::tr("stand-in"), maskedUrl(o.standInUrl)});
    if (!siteUsesStandIn(input)) {
        f.id = QStringLiteral("standin-not-used");
        f.severity = siteEncoderFails(input) ? Severity::Warning : Severity::Ok;
        f.sentence =
            siteEncoderFails(input)
                ? DiagnosisText::tr("The stand-in runs, but the site's Encoder URL does not point at it: the "
                                    "site still asks the failing encoder.")
                : DiagnosisText::tr("The stand-in runs and is ready; the site uses its own encoder.");
        if (f.severity != Severity::Ok)
            f.action = standInAction(input);
        findings.append(std::move(f));
        return;
    }
    if (!input.verification) {
        f.id = QStringLiteral("standin-unverified");
        f.severity = Severity::Unknown;
        f.sentence = DiagnosisText::tr(
            "The site's Encoder URL points at the stand-in; whether visitors get its frames "
            "was not verified.");
        f.action = {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Verify again")};
        findings.append(std::move(f));
        return;
    }
    const StandinVerificationReport& v = *input.verification;
    for (const StandinCheckOutcome& check : v.checks())
        f.evidence.append({check.state == StandinCheckOutcome::State::Passed ? DiagnosisText::tr("passed")
                           : check.state == StandinCheckOutcome::State::Failed
                               ? DiagnosisText::tr("failed")
                               : DiagnosisText::tr("not known"),
                           check.text});
    switch (v.verdict()) {
    case StandinVerificationReport::Verdict::All:
        f.id = QStringLiteral("standin-serving");
        f.severity = Severity::Ok;
        f.sentence = DiagnosisText::tr("The site serves the stand-in's frames: %1.").arg(v.summary());
        break;
    case StandinVerificationReport::Verdict::Some:
        f.id = QStringLiteral("standin-serving-some");
        f.severity = Severity::Warning;
        f.sentence =
            DiagnosisText::tr("The site serves the stand-in's frames for only part of the lives: %1. %2")
                .arg(v.summary(), v.advice().value(0));
        f.scoreCost = 10;
        f.action = {FindingAction::Kind::ClearCaches, DiagnosisText::tr("Clear the live caches")};
        break;
    case StandinVerificationReport::Verdict::None:
        f.id = QStringLiteral("standin-not-serving");
        f.severity = Severity::Critical;
        f.sentence = DiagnosisText::tr("The site does not serve the stand-in's frames: %1. %2")
                         .arg(v.summary(), v.advice().value(0));
        f.scoreCost = 25;
        f.action = {FindingAction::Kind::ClearCaches, DiagnosisText::tr("Clear the live caches")};
        break;
    case StandinVerificationReport::Verdict::Unknown:
        f.id = QStringLiteral("standin-unverified");
        f.severity = Severity::Unknown;
        f.sentence =
            DiagnosisText::tr("Whether the site serves the stand-in's frames could not be checked: %1")
                .arg(v.error ? v.error->toString() : v.summary());
        f.action = {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Verify again")};
        break;
    }
    findings.append(std::move(f));
}

void checkPrevention(const DiagnosisInput& input, QList<Finding>& findings) {
    const SiteOverview& o = input.overview;
    const EncoderSnapshot* site = siteEncoderSnapshot(o);

    Finding watch;
    watch.area = CheckArea::Prevention;
    int probesInDay = site && site->uptime ? site->uptime->lastDay.probes : 0;
    for (const EncoderHistorySpan& span : input.lastDay)
        if (site && span.encoderId == site->target.id)
            probesInDay = std::max(probesInDay, span.uptime.probes);
    if (probesInDay > 0)
        watch.evidence.append(
            {DiagnosisText::tr("probes of the site's encoder in 24 h"), QString::number(probesInDay)});
    // A watch that ran here before (the window, `encoders --watch`) left its probes in the history.
    const bool watchedBefore = probesInDay >= kProbesOfAWatchedDay;
    watch.evidence.append({DiagnosisText::tr("alerts go to"),
                           input.alertChannels.isEmpty() ? DiagnosisText::tr("nowhere")
                                                         : input.alertChannels.join(QStringLiteral(", "))});
    if (!input.watchRunning && watchedBefore) {
        watch.id = QStringLiteral("monitoring-seen");
        watch.severity = Severity::Ok;
        watch.sentence =
            DiagnosisText::tr("The history holds %1 probes of the site's encoder over the last 24 h: a watch "
                              "runs on this computer.")
                .arg(probesInDay);
    } else if (!input.watchRunning) {
        watch.id = QStringLiteral("no-monitoring");
        watch.severity = Severity::Warning;
        watch.sentence =
            DiagnosisText::tr("Nobody keeps watching the encoders: run `avideo-live-doctor encoders --watch "
                              "--webhook URL` on a server (or keep this window open), so that a failing "
                              "encoder alerts you before visitors see cards.");
        watch.action = {FindingAction::Kind::SetUpMonitoring,
                        DiagnosisText::tr("Keep a watch with alerts running")};
        watch.scoreCost = 10;
    } else if (input.alertChannels.isEmpty()) {
        watch.id = QStringLiteral("no-alerts");
        watch.severity = Severity::Warning;
        watch.sentence =
            DiagnosisText::tr("The encoders are watched, but alerts go nowhere: give the watch a webhook.");
        watch.action = {FindingAction::Kind::SetUpMonitoring, DiagnosisText::tr("Send the alerts somewhere")};
        watch.scoreCost = 5;
    } else {
        watch.id = QStringLiteral("monitoring");
        watch.severity = Severity::Ok;
        watch.sentence = DiagnosisText::tr("The encoders are watched and alerts go to %1.")
                             .arg(input.alertChannels.join(QStringLiteral(", ")));
    }
    findings.append(std::move(watch));

    Finding spare;
    spare.area = CheckArea::Prevention;
    int working = 0;
    for (const EncoderSnapshot& e : o.encoders)
        if (e.last && e.last->record.health == ProbeHealth::Healthy) {
            ++working;
            spare.evidence.append({e.target.origin == EncoderOrigin::LocalStandIn
                                       ? DiagnosisText::tr("this computer's stand-in")
                                       : e.target.hostLabel(),
                                   DiagnosisText::tr("works")});
        }
    if (working >= 2) {
        spare.id = QStringLiteral("redundancy");
        spare.severity = Severity::Ok;
        spare.sentence =
            DiagnosisText::tr("%1 work: when one fails there is another to switch to.")
                .arg(countOf(working, DiagnosisText::tr("encoder"), DiagnosisText::tr("encoders")));
    } else {
        spare.id = QStringLiteral("no-redundancy");
        spare.severity = Severity::Warning;
        spare.sentence =
            working == 1 ? DiagnosisText::tr("Only one encoder works: keep a second one (another encoder, or "
                                             "stand-ins behind a load balancer) to switch to.")
                         : DiagnosisText::tr("No encoder works: nothing to switch to.");
        spare.action = {FindingAction::Kind::OpenEncoders, DiagnosisText::tr("Add a backup encoder")};
        spare.scoreCost = 5; // the encoder and backup findings already cost what a missing encoder costs
    }
    findings.append(std::move(spare));

    if (!o.report || o.report->livesError || o.report->lives.isEmpty())
        return;
    int posters = 0;
    for (const LiveEntry& live : o.report->lives)
        posters += live.siteThumbnail && live.siteThumbnail->cls == ThumbnailClass::StaticPoster;
    Finding fallback;
    fallback.id = QStringLiteral("failure-fallback");
    fallback.area = CheckArea::Prevention;
    fallback.severity = Severity::Ok;
    fallback.sentence =
        posters > 0
            ? DiagnosisText::tr(
                  "When the encoder gives nothing, visitors see the streamer's poster for %1; for the "
                  "others, AVideo's ONLINE card.")
                  .arg(countOf(posters, DiagnosisText::tr("live"), DiagnosisText::tr("lives")))
            : DiagnosisText::tr(
                  "When the encoder gives nothing, visitors see AVideo's grey ONLINE card; a poster "
                  "uploaded for each live looks better while the encoder is repaired.");
    findings.append(std::move(fallback));
}

} // namespace avld
