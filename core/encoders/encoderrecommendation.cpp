#include "encoderrecommendation.h"

#include "encoderreachability.h"
#include "maskedurl.h"

#include <QCoreApplication>

namespace avld {

namespace {

// Words for people, in the language the application loaded (the window's); the command line loads none.
struct RecommendationWords {
    Q_DECLARE_TR_FUNCTIONS(RecommendationWords)
};

bool provedRealFrames(const EncoderSnapshot& s) {
    return s.last && s.last->record.frameClass == QStringLiteral("real-frame") &&
           s.last->record.health == ProbeHealth::Healthy;
}

// Real frames proven first, then the other tested ones, then those only reachable (no live to test with).
int rank(const EncoderSnapshot& s) {
    return provedRealFrames(s) ? 0 : encoderFramesTested(s) ? 1 : 2;
}

qint64 latency(const EncoderSnapshot& s) {
    if (!s.last)
        return std::numeric_limits<qint64>::max();
    return s.last->record.functionalMs >= 0     ? s.last->record.functionalMs
           : s.last->record.phases.totalMs >= 0 ? s.last->record.phases.totalMs
                                                : std::numeric_limits<qint64>::max();
}

} // namespace

std::optional<EncoderRecommendation> recommendEncoder(const QList<EncoderSnapshot>& encoders) {
    const auto site = std::find_if(encoders.begin(), encoders.end(), [](const EncoderSnapshot& s) {
        return s.target.origin == EncoderOrigin::SiteConfigured;
    });
    if (site == encoders.end() || site->state == EncoderState::Online || site->state == EncoderState::Unknown)
        return std::nullopt;

    QList<EncoderSnapshot> candidates;
    for (const EncoderSnapshot& s : encoders)
        if (s.target.origin != EncoderOrigin::SiteConfigured && s.state == EncoderState::Online &&
            s.target.url != site->target.url)
            candidates.append(s);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const EncoderSnapshot& a, const EncoderSnapshot& b) {
                         if (rank(a) != rank(b))
                             return rank(a) < rank(b);
                         return latency(a) < latency(b);
                     });

    EncoderRecommendation recommendation;
    recommendation.current = *site;
    const QString since =
        site->since.isValid()
            ? RecommendationWords::tr(" since %1")
                  .arg(site->since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            : QString();
    QString reason = site->reason.trimmed();
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    const QString end = reason.endsWith(QLatin1Char('?')) ? QString() : RecommendationWords::tr(".");
    // A state read back from history may carry no reason: the sentence then ends at the state.
    QString text = reason.isEmpty() ? RecommendationWords::tr("The site's encoder %1 is %2%3.")
                                          .arg(site->target.hostLabel(), encoderStateText(site->state), since)
                                    : RecommendationWords::tr("The site's encoder %1 is %2%3: %4%5")
                                          .arg(site->target.hostLabel(), encoderStateText(site->state), since,
                                               reason, end);
    if (candidates.isEmpty()) {
        text += RecommendationWords::tr(" No healthy alternative is being watched: start the stand-in, or "
                                        "add an encoder that works.");
        recommendation.text = text;
        return recommendation;
    }
    const EncoderSnapshot& best = candidates.first();
    recommendation.alternative = best;
    text += RecommendationWords::tr(" Best alternative: %1 (%2)")
                .arg(best.target.name, maskedUrl(best.target.url));
    if (provedRealFrames(best))
        text += RecommendationWords::tr(", real frames in %1 ms").arg(best.last->record.functionalMs);
    else if (!encoderFramesTested(best))
        text += RecommendationWords::tr(
            ", reachable, frames not tested: no live was running to ask it for a frame, so "
            "look at a live's thumbnail after switching");
    text += RecommendationWords::tr(
        ". Switching sets the site's Encoder URL to it: AVideo then asks it for every live "
        "thumbnail, and also sends uploaded videos there for encoding unless forceEncoderURL "
        "or the encoder network overrides it.");
    if (best.target.origin == EncoderOrigin::LocalStandIn)
        text += RecommendationWords::tr(
            " The stand-in makes thumbnails only, not video encodings: switch back once your "
            "encoder works again.");
    recommendation.text = text;
    return recommendation;
}

} // namespace avld
