#include "checks.h"
#include "diagnosistext.h"
#include "encoders/encoderrecommendation.h"
#include "maskedurl.h"
#include "plural.h"

namespace avld {

using namespace diagnosis;

namespace {

// A TLS certificate this close to its end is worth a warning (the probe's own threshold).
constexpr qint64 kCertificateWarningDays = 14;
// Videos waiting in the encoder's own queue from which its getImage answers compete for the machine.
constexpr int kBusyQueue = 10;

QString encoderLabel(const EncoderSnapshot& encoder) {
    if (encoder.target.origin == EncoderOrigin::LocalStandIn)
        return DiagnosisText::tr("this computer's stand-in");
    return encoder.target.name.isEmpty() ? encoder.target.hostLabel() : encoder.target.name;
}

// A probe's reason inside a sentence: without its own full stop (it may end in "?" or "!").
QString clause(QString reason) {
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    return reason;
}

// "!" or "?" already ends the sentence.
QString stop(const QString& text) {
    return text.endsWith(QLatin1Char('?')) || text.endsWith(QLatin1Char('!'))
               ? QString()
               : DiagnosisText::tr(".", "the full stop after a sentence");
}

QString millis(qint64 ms) {
    return ms < 0 ? QStringLiteral("—") : DiagnosisText::tr("%1 ms").arg(ms);
}

// One line per watched encoder for the evidence: "online, real frames in 180 ms, 99.8 % up over 24 h".
QString encoderLine(const EncoderSnapshot& encoder) {
    QString line = encoderStateWord(encoder);
    if (encoder.last) {
        const ProbeRecord& r = encoder.last->record;
        if (r.functionalMs >= 0)
            line += DiagnosisText::tr(", getImage %1 (%2)").arg(millis(r.functionalMs), r.frameClass);
        else if (r.health != ProbeHealth::Failed)
            line += DiagnosisText::tr(", reachable in %1, frames not tested").arg(millis(r.phases.totalMs));
        else
            line += DiagnosisText::tr(": %1").arg(clause(r.reason));
    }
    if (encoder.uptime && encoder.uptime->lastDay.uptimePercent >= 0)
        line +=
            DiagnosisText::tr(", %1 % up over 24 h").arg(encoder.uptime->lastDay.uptimePercent, 0, 'f', 1);
    return line;
}

void addEncoderEvidence(Finding& f, const EncoderSnapshot& encoder) {
    f.evidence.append({DiagnosisText::tr("encoder"), maskedUrl(encoder.target.url)});
    f.evidence.append({DiagnosisText::tr("state"), encoderStateWord(encoder)});
    if (!encoder.last)
        return;
    const EncoderProbeReport& last = *encoder.last;
    const ProbeRecord& r = last.record;
    f.evidence.append(
        {DiagnosisText::tr("probed at"), r.at.toLocalTime().toString(QStringLiteral("d MMM HH:mm:ss"))});
    f.evidence.append(
        {DiagnosisText::tr("reachable"),
         r.httpStatus > 0 ? DiagnosisText::tr("HTTP %1 in %2").arg(r.httpStatus).arg(millis(r.phases.totalMs))
                          : DiagnosisText::tr("no answer (%1)").arg(r.errorCode)});
    if (r.functionalMs >= 0)
        f.evidence.append(
            {DiagnosisText::tr("getImage, as AVideo asks"), DiagnosisText::tr("%1, %2 (AVideo waits %3 ms)")
                                                                .arg(millis(r.functionalMs), r.frameClass)
                                                                .arg(kAVideoEncoderBudgetMs)});
    if (last.certificateDaysLeft)
        f.evidence.append({DiagnosisText::tr("TLS certificate"),
                           DiagnosisText::tr("%1 days left").arg(*last.certificateDaysLeft)});
    if (const QString own = describeEncoderOwnState(last.status); !own.isEmpty())
        f.evidence.append({DiagnosisText::tr("its own status page says"), own});
    else if (last.status.alive && !last.status.readable)
        f.evidence.append(
            {DiagnosisText::tr("its own status page"),
             last.status.note + DiagnosisText::tr(" (the encoder shows its queue and memory only to "
                                                  "an account of the site with upload rights)")});
    else if (!last.status.note.isEmpty())
        f.evidence.append({DiagnosisText::tr("its own status page"), last.status.note});
    if (encoder.uptime && encoder.uptime->lastDay.uptimePercent >= 0)
        f.evidence.append(
            {DiagnosisText::tr("up over 24 h"), DiagnosisText::tr("%1 % of %2 probes")
                                                    .arg(encoder.uptime->lastDay.uptimePercent, 0, 'f', 1)
                                                    .arg(encoder.uptime->lastDay.probes)});
}

} // namespace

void checkSiteEncoder(const DiagnosisInput& input, QList<Finding>& findings) {
    Finding f;
    f.area = CheckArea::Encoder;
    const EncoderSnapshot* encoder = siteEncoderSnapshot(input.overview);
    if (input.overview.siteEncoderUrl.isEmpty()) {
        f.id = QStringLiteral("encoder-url-unknown");
        f.severity = Severity::Unknown;
        f.sentence =
            input.encoderUrlProblem
                ? DiagnosisText::tr("The site's Encoder URL could not be read: %1")
                      .arg(input.encoderUrlProblem->toString())
                : DiagnosisText::tr("The site's Encoder URL is not known: sign in as an admin to read it.");
        f.action = {FindingAction::Kind::SignIn, DiagnosisText::tr("Sign in as an admin")};
        findings.append(std::move(f));
        return;
    }
    if (!encoder || !encoder->last) {
        f.id = QStringLiteral("encoder-not-probed");
        f.severity = Severity::Unknown;
        f.sentence = DiagnosisText::tr("The site's encoder %1 was not probed yet.")
                         .arg(maskedUrl(input.overview.siteEncoderUrl));
        f.action = {FindingAction::Kind::ProbeAgain, DiagnosisText::tr("Probe the encoders")};
        findings.append(std::move(f));
        return;
    }
    const ProbeRecord& r = encoder->last->record;
    const QString name = encoderLabel(*encoder);
    addEncoderEvidence(f, *encoder);
    if (r.health == ProbeHealth::Failed) {
        f.id = QStringLiteral("encoder-down");
        f.severity = Severity::Critical;
        f.sentence = DiagnosisText::tr(
                         "The site's encoder %1 does not work: %2%3 AVideo gets no frames from it and shows "
                         "its ONLINE card.")
                         .arg(name, clause(r.reason), stop(clause(r.reason)));
        f.scoreCost = 30;
        f.action = standInAction(input);
    } else if (r.health == ProbeHealth::Degraded) {
        const bool slow = r.functionalMs > kAVideoEncoderBudgetMs;
        f.id = slow ? QStringLiteral("encoder-slow") : QStringLiteral("encoder-degraded");
        f.severity = Severity::Critical;
        f.sentence =
            slow ? DiagnosisText::tr("The site's encoder %1 answers AVideo's thumbnail request in %2, beyond "
                                     "the %3 ms AVideo waits: visitors see the ONLINE card.")
                       .arg(name, millis(r.functionalMs))
                       .arg(kAVideoEncoderBudgetMs)
                 : DiagnosisText::tr("The site's encoder %1 answers but gives no real frame: %2%3")
                       .arg(name, clause(r.reason), stop(clause(r.reason)));
        f.scoreCost = 30;
        f.action = standInAction(input);
    } else if (r.functionalMs < 0) {
        f.id = QStringLiteral("encoder-reachable");
        f.severity = Severity::Ok;
        f.sentence =
            DiagnosisText::tr("The site's encoder %1 answers; its frames were not tested (no live to test "
                              "with).")
                .arg(name);
    } else {
        f.id = QStringLiteral("encoder-works");
        f.severity = Severity::Ok;
        f.sentence = DiagnosisText::tr("The site's encoder %1 gives real frames in %2 (AVideo waits %3 ms).")
                         .arg(name, millis(r.functionalMs))
                         .arg(kAVideoEncoderBudgetMs);
    }
    findings.append(f);

    if (const EncoderStatusInfo& own = encoder->last->status;
        own.readable && own.queueSize >= kBusyQueue && r.health != ProbeHealth::Failed) {
        Finding busy;
        busy.id = QStringLiteral("encoder-busy");
        busy.area = CheckArea::Encoder;
        busy.severity = Severity::Warning;
        busy.sentence =
            DiagnosisText::tr("The site's encoder %1 has %2 waiting to be encoded: while it works "
                              "through them its thumbnails for AVideo slow down; keep a backup "
                              "encoder or the stand-in ready.")
                .arg(name, countOf(own.queueSize, DiagnosisText::tr("video"), DiagnosisText::tr("videos")));
        busy.evidence.append({DiagnosisText::tr("its own status page says"), describeEncoderOwnState(own)});
        // Not the stand-in action: with the site already on the stand-in, that is "clear the caches".
        busy.action = {FindingAction::Kind::OpenEncoders,
                       DiagnosisText::tr("Watch a backup encoder to switch to")};
        busy.scoreCost = 5;
        findings.append(std::move(busy));
    }

    if (const std::optional<qint64> days = encoder->last->certificateDaysLeft;
        days && *days < kCertificateWarningDays) {
        Finding tls;
        tls.id = QStringLiteral("encoder-certificate-expiring");
        tls.area = CheckArea::Encoder;
        tls.severity = *days < 0 ? Severity::Critical : Severity::Warning;
        tls.sentence =
            *days < 0
                ? DiagnosisText::tr("The TLS certificate of %1 has expired: AVideo refuses it.").arg(name)
                : DiagnosisText::tr("The TLS certificate of %1 ends in %2: renew it before AVideo "
                                    "refuses it.")
                      .arg(name, countOf(*days, DiagnosisText::tr("day"), DiagnosisText::tr("days")));
        tls.scoreCost = *days < 0 ? 30 : 10;
        findings.append(std::move(tls));
    }
}

void checkBackups(const DiagnosisInput& input, QList<Finding>& findings) {
    const EncoderSnapshot* site = siteEncoderSnapshot(input.overview);
    QList<const EncoderSnapshot*> others;
    for (const EncoderSnapshot& e : input.overview.encoders)
        if (&e != site && e.target.origin != EncoderOrigin::LocalStandIn)
            others.append(&e);
    int working = 0;
    for (const EncoderSnapshot* e : others)
        working += e->last && e->last->record.health == ProbeHealth::Healthy;

    Finding f;
    f.area = CheckArea::Backups;
    for (const EncoderSnapshot* e : others)
        f.evidence.append({encoderLabel(*e), encoderLine(*e)});
    const std::optional<EncoderRecommendation> best = recommendEncoder(input.overview.encoders);
    if (best && best->alternative) {
        f.id = QStringLiteral("backup-available");
        f.severity = Severity::Warning;
        const EncoderSnapshot& alternative = *best->alternative;
        const qint64 ms = alternative.last ? alternative.last->record.functionalMs : -1;
        f.sentence =
            ms >= 0
                ? DiagnosisText::tr("%1 gives real frames in %2: switch the site's Encoder URL to it while "
                                    "the site's encoder is down.")
                      .arg(encoderLabel(alternative), millis(ms))
                : DiagnosisText::tr("%1 answers (its frames could not be tested without a live): switch "
                                    "the site's Encoder URL to it while the site's encoder is down.")
                      .arg(encoderLabel(alternative));
        f.evidence.append({DiagnosisText::tr("what switching means"), best->text});
        f.action =
            alternative.target.origin == EncoderOrigin::LocalStandIn
                ? standInAction(input)
                : FindingAction{FindingAction::Kind::OpenEncoders,
                                DiagnosisText::tr("Put %1 in the site's Encoder URL (Site Configurations)")
                                    .arg(maskedUrl(alternative.target.url))};
        f.scoreCost = 0;
    } else if (others.isEmpty()) {
        f.id = QStringLiteral("no-backup");
        f.severity = Severity::Warning;
        f.sentence =
            DiagnosisText::tr("No other encoder is watched: when the site's encoder fails there is nothing "
                              "tested to switch to. Add a backup encoder (or keep the stand-in ready).");
        f.action = {FindingAction::Kind::OpenEncoders, DiagnosisText::tr("Add a backup encoder")};
        f.scoreCost = 5;
    } else if (working == 0) {
        f.id = QStringLiteral("no-backup-works");
        f.severity = Severity::Warning;
        f.sentence =
            DiagnosisText::tr("None of the %1 watched as backups works right now.")
                .arg(countOf(others.size(), DiagnosisText::tr("encoder"), DiagnosisText::tr("encoders")));
        f.action = {FindingAction::Kind::OpenEncoders, DiagnosisText::tr("Add a backup encoder that works")};
        f.scoreCost = 5;
    } else {
        f.id = QStringLiteral("backups-work");
        f.severity = Severity::Ok;
        f.sentence =
            DiagnosisText::tr("%1 of %2 watched as backups %3.")
                .arg(working)
                .arg(countOf(others.size(), DiagnosisText::tr("encoder"), DiagnosisText::tr("encoders")),
                     agree(working, DiagnosisText::tr("works"), DiagnosisText::tr("work")));
    }
    findings.append(std::move(f));
}

} // namespace avld
