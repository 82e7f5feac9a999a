#include "sitefinding.h"

#include "diagnosistext.h"
#include "generator/standinurl.h"

namespace avld {

namespace {

QString sinceText(const QDateTime& since, const QDateTime& now) {
    if (!since.isValid())
        return {};
    const QDateTime local = since.toLocalTime();
    const QString format =
        local.date() == now.toLocalTime().date() ? QStringLiteral("HH:mm") : QStringLiteral("d MMM HH:mm");
    return DiagnosisText::tr(" since %1").arg(local.toString(format));
}

QString livesShowing(int count, const QString& what) {
    return count == 1 ? DiagnosisText::tr("1 live shows %1").arg(what)
                      : DiagnosisText::tr("%1 lives show %2").arg(count).arg(what);
}

SiteFinding finding(Severity severity, QString sentence,
                    SiteFinding::Action action = SiteFinding::Action::None, QString label = {}) {
    return {severity, std::move(sentence), action, std::move(label)};
}

// Lives whose thumbnail is a placeholder while their stream has pictures: the encoder is to blame.
int encoderBlamed(const SiteCheckReport& report) {
    int count = 0;
    for (const LiveEntry& live : report.lives)
        count += live.assess().problem == LiveProblem::EncoderNotProducing ? 1 : 0;
    return count;
}

int posterBlamed(const SiteCheckReport& report) {
    int count = 0;
    for (const LiveEntry& live : report.lives)
        count += live.assess().problem == LiveProblem::EncoderNotProducing && live.siteThumbnail &&
                         live.siteThumbnail->cls == ThumbnailClass::StaticPoster
                     ? 1
                     : 0;
    return count;
}

// Lives whose thumbnail request the site answers with an error page, nothing, or not a picture.
QList<const LiveEntry*> brokenThumbnails(const SiteCheckReport& report) {
    QList<const LiveEntry*> broken;
    for (const LiveEntry& live : report.lives)
        if (live.assess().problem == LiveProblem::ThumbnailBroken)
            broken.append(&live);
    return broken;
}

int brokenStreams(const SiteCheckReport& report) {
    int count = 0;
    for (const LiveEntry& live : report.lives) {
        const LiveProblem problem = live.assess().problem;
        count += problem == LiveProblem::StreamUnplayable || problem == LiveProblem::BlankStream ||
                         problem == LiveProblem::MissingFromMediaServer
                     ? 1
                     : 0;
    }
    return count;
}

QString encoderName(const SiteOverview& overview, const EncoderSnapshot* encoder) {
    if (encoder && !encoder->target.name.isEmpty())
        return encoder->target.name;
    const QUrl url = encoder ? encoder->target.url : overview.siteEncoderUrl;
    return url.host().isEmpty() ? DiagnosisText::tr("the site's encoder") : url.host();
}

} // namespace

bool siteUsesStandIn(const SiteOverview& overview) {
    return overview.standInRunning && !overview.standInUrl.isEmpty() &&
           StandinUrl::pointsAtStandin(overview.siteEncoderUrl, quint16(overview.standInUrl.port()),
                                       overview.standInUrl.path());
}

SiteFinding topFinding(const SiteOverview& overview, const QDateTime& now) {
    if (!overview.report)
        return finding(Severity::Unknown, DiagnosisText::tr("Checking the site…"));
    const SiteCheckReport& report = *overview.report;
    if (report.livesError)
        return finding(Severity::Unknown,
                       DiagnosisText::tr("Cannot read the site's lives: %1").arg(report.livesError->message),
                       SiteFinding::Action::Refresh, DiagnosisText::tr("Try again"));

    const OverviewCounts counts = countOverview(overview);
    const int cards = counts.onlineCards + counts.otherPlaceholders;
    const int blamed = encoderBlamed(report);
    const EncoderSnapshot* encoder = siteEncoderSnapshot(overview);
    const bool encoderDown =
        encoder && (encoder->state == EncoderState::Offline || encoder->state == EncoderState::Degraded);
    const bool usesStandIn = siteUsesStandIn(overview);

    if (const QList<const LiveEntry*> broken = brokenThumbnails(report); !broken.isEmpty()) {
        const SiteThumbnail& first = *broken.first()->siteThumbnail;
        const QString status = first.httpStatus >= 400 ? DiagnosisText::tr("HTTP %1").arg(first.httpStatus)
                                                       : DiagnosisText::tr("no picture");
        return finding(Severity::Critical,
                       DiagnosisText::tr("The site's %1 answers %2 for %3: visitors see broken images. The "
                                         "site's PHP error log says why.")
                           .arg(first.scriptName(), status,
                                broken.size() == 1 ? broken.first()->title()
                                                   : DiagnosisText::tr("%1 lives").arg(broken.size())),
                       SiteFinding::Action::Refresh, DiagnosisText::tr("Check again"));
    }
    if (blamed > 0) {
        const int posters = posterBlamed(report);
        const QString what = posters == blamed ? DiagnosisText::tr("a static poster instead of a live frame")
                             : counts.onlineCards >= blamed
                                 ? DiagnosisText::tr("the ONLINE card")
                                 : DiagnosisText::tr("a placeholder instead of a frame");
        QString cause;
        if (encoderDown)
            cause = DiagnosisText::tr("Your encoder %1 is %2%3, so %4")
                        .arg(encoderName(overview, encoder), encoderStateText(encoder->state),
                             sinceText(encoder->since, now), livesShowing(blamed, what));
        else
            cause = DiagnosisText::tr("%1 although the stream has pictures: %2 gives no frames")
                        .arg(livesShowing(blamed, what), encoderName(overview, encoder));
        // The watch says the encoder gives frames: what visitors see was cached before it did.
        if (!usesStandIn && encoder && encoder->state == EncoderState::Online)
            return finding(
                Severity::Warning,
                DiagnosisText::tr("Your encoder %1 gives frames again, but %2 from before: AVideo keeps it 5 "
                                  "minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.")
                    .arg(encoderName(overview, encoder),
                         blamed == 1 ? DiagnosisText::tr("1 live still shows a card")
                                     : DiagnosisText::tr("%1 lives still show cards").arg(blamed)),
                SiteFinding::Action::ClearCaches, DiagnosisText::tr("Clear the live caches"));
        if (usesStandIn)
            return finding(
                Severity::Warning,
                DiagnosisText::tr("The site now asks this computer's stand-in for its thumbnails, but "
                                  "%1 from before the switch: AVideo keeps it 5 minutes (jpg) to 15 "
                                  "minutes (webp, gif) unless its cache is cleared.")
                    .arg(blamed == 1 ? DiagnosisText::tr("1 live still shows a card")
                                     : DiagnosisText::tr("%1 lives still show cards").arg(blamed)),
                SiteFinding::Action::ClearCaches, DiagnosisText::tr("Clear the live caches"));
        if (overview.standInRunning)
            return finding(Severity::Critical,
                           cause + DiagnosisText::tr(". The stand-in runs: point the site's Encoder URL at "
                                                     "it?"),
                           SiteFinding::Action::SwitchToStandIn, DiagnosisText::tr("Switch the site to it…"));
        return finding(Severity::Critical, cause + DiagnosisText::tr(". Start the stand-in and switch?"),
                       SiteFinding::Action::StartStandIn, DiagnosisText::tr("Start the stand-in"));
    }
    if (encoder && encoder->state == EncoderState::Online && cards > 0)
        return finding(
            Severity::Warning,
            DiagnosisText::tr("%1 works again, but %2: the site serves them from its cache.")
                .arg(encoderName(overview, encoder), livesShowing(cards, DiagnosisText::tr("a card"))),
            SiteFinding::Action::ClearCaches, DiagnosisText::tr("Clear the live caches"));
    if (const int broken = brokenStreams(report))
        return finding(Severity::Critical,
                       DiagnosisText::tr("%1 no picture of its own: the problem is the stream, not the site.")
                           .arg(broken == 1 ? DiagnosisText::tr("1 live has")
                                            : DiagnosisText::tr("%1 lives have").arg(broken)),
                       SiteFinding::Action::CheckStreams, DiagnosisText::tr("Show the lives"));
    if (encoderDown)
        return finding(Severity::Warning,
                       DiagnosisText::tr("Your encoder %1 is %2%3; the lives look fine for now.")
                           .arg(encoderName(overview, encoder), encoderStateText(encoder->state),
                                sinceText(encoder->since, now)),
                       SiteFinding::Action::OpenEncoders, DiagnosisText::tr("Show the encoders"));
    if (cards > 0)
        return finding(Severity::Warning,
                       livesShowing(cards, DiagnosisText::tr("a card instead of a frame")) + QLatin1Char('.'),
                       SiteFinding::Action::ClearCaches, DiagnosisText::tr("Clear the live caches"));
    if (counts.lives == 0)
        return finding(Severity::Ok, DiagnosisText::tr("No lives are running on the site right now."));
    if (usesStandIn)
        return finding(Severity::Ok,
                       counts.lives == 1
                           ? DiagnosisText::tr("The live shows a real frame, from this computer's "
                                               "stand-in.")
                           : DiagnosisText::tr("All %1 lives show real frames, from this "
                                               "computer's stand-in.")
                                 .arg(counts.lives));
    return finding(Severity::Ok, counts.lives == 1
                                     ? DiagnosisText::tr("The live shows a real frame.")
                                     : DiagnosisText::tr("All %1 lives show real frames.").arg(counts.lives));
}

} // namespace avld
