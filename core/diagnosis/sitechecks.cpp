#include "checks.h"
#include "diagnosistext.h"
#include "maskedurl.h"
#include "plural.h"
#include "sitefinding.h"

#include <algorithm>

namespace avld {

namespace diagnosis {

bool siteUsesStandIn(const DiagnosisInput& input) {
    return siteUsesStandIn(input.overview);
}

bool siteEncoderWorks(const DiagnosisInput& input) {
    if (siteUsesStandIn(input))
        return true;
    const EncoderSnapshot* encoder = siteEncoderSnapshot(input.overview);
    return encoder && encoder->last && encoder->last->record.health == ProbeHealth::Healthy &&
           encoder->last->record.functionalMs >= 0;
}

QList<const LiveEntry*> livesWith(const DiagnosisInput& input, LiveProblem problem) {
    QList<const LiveEntry*> lives;
    if (input.overview.report)
        for (const LiveEntry& live : input.overview.report->lives)
            if (live.assess().problem == problem)
                lives.append(&live);
    return lives;
}

QString livesLabel(const QList<const LiveEntry*>& lives) {
    if (lives.size() == 1)
        return QStringLiteral("“%1”").arg(lives.first()->title());
    return countOf(lives.size(), DiagnosisText::tr("live"), DiagnosisText::tr("lives"));
}

QString liveEvidence(const LiveEntry& live) {
    QString site =
        live.siteThumbnail ? thumbnailClassText(live.siteThumbnail->cls) : DiagnosisText::tr("not fetched");
    QString ours = DiagnosisText::tr("not grabbed");
    if (live.ourGrab) {
        if (live.ourGrab->ok()) {
            const GrabReport& r = live.ourGrab->value().report;
            ours = QStringLiteral("%1x%2").arg(r.codedSize.width()).arg(r.codedSize.height());
            if (r.frameAgeMs >= 0)
                ours += DiagnosisText::tr(", %1 s behind the live edge")
                            .arg(double(r.frameAgeMs) / 1000, 0, 'f', 1);
        } else {
            ours = DiagnosisText::tr("failed: %1").arg(live.ourGrab->error().message);
        }
    }
    return DiagnosisText::tr("visitors see: %1; our frame: %2").arg(site, ours);
}

// The watch's word for the encoder, or the last probe's while the watch is still confirming a change (a
// one-off diagnosis sees Pending until several probes agree).
QString encoderStateWord(const EncoderSnapshot& encoder) {
    if ((encoder.state == EncoderState::Pending || encoder.state == EncoderState::Unknown) && encoder.last) {
        switch (encoder.last->record.health) {
        case ProbeHealth::Healthy:
            return DiagnosisText::tr("working (last probe)");
        case ProbeHealth::Degraded:
            return DiagnosisText::tr("degraded (last probe)");
        case ProbeHealth::Failed:
            return DiagnosisText::tr("failing (last probe)");
        }
    }
    return encoderStateText(encoder.state);
}

FindingAction standInAction(const DiagnosisInput& input) {
    if (siteUsesStandIn(input))
        return {FindingAction::Kind::ClearCaches, DiagnosisText::tr("Clear the live caches")};
    if (input.overview.standInRunning)
        return {FindingAction::Kind::SwitchToStandIn,
                DiagnosisText::tr("Point the site's Encoder URL at the running stand-in")};
    return {FindingAction::Kind::StartStandIn,
            DiagnosisText::tr("Start the stand-in, then point the site's Encoder URL at it")};
}

} // namespace diagnosis

using namespace diagnosis;

namespace {

Finding make(QString id, CheckArea area, Severity severity, QString sentence, int cost = 0,
             FindingAction action = {}) {
    Finding f;
    f.id = std::move(id);
    f.area = area;
    f.severity = severity;
    f.sentence = std::move(sentence);
    f.scoreCost = cost;
    f.action = std::move(action);
    return f;
}

// What a finding about some of the lives costs the site: in proportion to the share of lives, at least a
// quarter of the whole.
int shareCost(int whole, qsizetype affected, qsizetype lives) {
    if (lives <= 0)
        return whole;
    return std::max(whole / 4, int(whole * affected / lives));
}

void addLiveEvidence(Finding& finding, const QList<const LiveEntry*>& lives) {
    for (const LiveEntry* live : lives)
        finding.evidence.append({live->title(), liveEvidence(*live)});
    if (lives.size() == 1)
        finding.liveKey = lives.first()->key;
}

} // namespace

void checkSite(const DiagnosisInput& input, QList<Finding>& findings) {
    const std::optional<SiteCheckReport>& report = input.overview.report;
    if (!report) {
        findings.append(make(QStringLiteral("site-not-checked"), CheckArea::Site, Severity::Unknown,
                             DiagnosisText::tr("The site was not checked: the diagnosis ended before."), 0,
                             {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Check again")}));
        return;
    }
    if (report->livesError) {
        Finding f = make(QStringLiteral("site-unreachable"), CheckArea::Site, Severity::Critical,
                         DiagnosisText::tr("The site's list of lives cannot be read: %1")
                             .arg(report->livesError->toString()),
                         60, {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Check again")});
        f.evidence.append({DiagnosisText::tr("site"), maskedUrl(input.siteUrl)});
        f.evidence.append({DiagnosisText::tr("reason"), report->livesError->code});
        findings.append(std::move(f));
    } else {
        Finding f = make(
            QStringLiteral("site-reachable"), CheckArea::Site, Severity::Ok,
            DiagnosisText::tr("The site answers and lists %1.")
                .arg(countOf(report->lives.size(), DiagnosisText::tr("live"), DiagnosisText::tr("lives"))));
        f.evidence.append({DiagnosisText::tr("site"), maskedUrl(input.siteUrl)});
        f.evidence.append(
            {DiagnosisText::tr("check took"), DiagnosisText::tr("%1 ms").arg(report->elapsedMs)});
        if (input.siteStatus)
            f.evidence.append({DiagnosisText::tr("AVideo version"),
                               input.siteStatus->ok()
                                   ? input.siteStatus->value().version
                                   : DiagnosisText::tr("not read: ") + input.siteStatus->error().message});
        findings.append(std::move(f));
    }

    if (input.login) {
        if (input.login->isAdmin) {
            Finding f = make(
                QStringLiteral("signed-in-admin"), CheckArea::Site, Severity::Ok,
                DiagnosisText::tr("Signed in as %1, an admin: the Encoder URL and the caches can be read "
                                  "and cleared.")
                    .arg(input.login->user));
            findings.append(std::move(f));
        } else {
            findings.append(
                make(QStringLiteral("signed-in-not-admin"), CheckArea::Site, Severity::Warning,
                     DiagnosisText::tr("Signed in as %1, who is not an admin: the site's Encoder URL "
                                       "cannot be read nor its caches cleared. Sign in as an admin.")
                         .arg(input.login->user),
                     5, {FindingAction::Kind::SignIn, DiagnosisText::tr("Sign in as an admin")}));
        }
    } else if (input.signInProblem) {
        findings.append(make(QStringLiteral("sign-in-failed"), CheckArea::Site, Severity::Warning,
                             DiagnosisText::tr("Signing in failed: %1").arg(input.signInProblem->toString()),
                             5, {FindingAction::Kind::SignIn, DiagnosisText::tr("Sign in again")}));
    } else {
        findings.append(
            make(QStringLiteral("not-signed-in"), CheckArea::Site, Severity::Unknown,
                 DiagnosisText::tr("Not signed in: the site's Encoder URL and caches were not looked at. "
                                   "Sign in as an admin to check them."),
                 0, {FindingAction::Kind::SignIn, DiagnosisText::tr("Sign in as an admin")}));
    }
}

void checkLives(const DiagnosisInput& input, QList<Finding>& findings) {
    const std::optional<SiteCheckReport>& report = input.overview.report;
    if (!report || report->livesError) {
        findings.append(
            make(QStringLiteral("lives-unknown"), CheckArea::Lives, Severity::Unknown,
                 DiagnosisText::tr("What visitors see is unknown: the site's lives could not be read.")));
        return;
    }
    const qsizetype before = findings.size();
    const auto carded = livesWith(input, LiveProblem::EncoderNotProducing);
    if (!carded.isEmpty() && siteEncoderWorks(input)) {
        // What to do about it is the caches' finding, which costs the points.
        Finding f = make(QStringLiteral("live-cached-card"), CheckArea::Lives, Severity::Warning,
                         DiagnosisText::tr("%1 still %2 a card from before the encoder gave frames again.")
                             .arg(livesLabel(carded), agree(carded.size(), DiagnosisText::tr("shows"),
                                                            DiagnosisText::tr("show"))),
                         0, {FindingAction::Kind::ClearCaches, DiagnosisText::tr("Clear the live caches")});
        addLiveEvidence(f, carded);
        findings.append(std::move(f));
    } else if (!carded.isEmpty()) {
        int posters = 0, onlineCards = 0;
        for (const LiveEntry* live : carded) {
            posters += live->siteThumbnail && live->siteThumbnail->cls == ThumbnailClass::StaticPoster;
            onlineCards += live->siteThumbnail && live->siteThumbnail->cls == ThumbnailClass::OnlineCard;
        }
        const bool allPosters = posters == carded.size();
        const QString what = allPosters                     ? DiagnosisText::tr("a static poster")
                             : onlineCards == carded.size() ? DiagnosisText::tr("the ONLINE card")
                                                            : DiagnosisText::tr("a placeholder");
        Finding f =
            make(allPosters ? QStringLiteral("live-poster") : QStringLiteral("live-card"), CheckArea::Lives,
                 allPosters ? Severity::Warning : Severity::Critical,
                 DiagnosisText::tr("%1 %2 %3 although %4 pictures: the site's encoder gives no frames.")
                     .arg(livesLabel(carded),
                          agree(carded.size(), DiagnosisText::tr("shows"), DiagnosisText::tr("show")), what,
                          carded.size() == 1 ? DiagnosisText::tr("its stream has")
                                             : DiagnosisText::tr("their streams have")),
                 shareCost(allPosters ? 20 : 40, carded.size(), report->lives.size()), standInAction(input));
        addLiveEvidence(f, carded);
        findings.append(std::move(f));
    }
    if (const auto broken = livesWith(input, LiveProblem::ThumbnailBroken); !broken.isEmpty()) {
        const SiteThumbnail& first = *broken.first()->siteThumbnail;
        Finding f = make(
            QStringLiteral("thumbnail-broken"), CheckArea::Lives, Severity::Critical,
            DiagnosisText::tr("The site's %1 answers %2 for %3: visitors see a broken image. The site's PHP "
                              "error log says why.")
                .arg(first.scriptName(),
                     first.httpStatus >= 400 ? DiagnosisText::tr("HTTP %1").arg(first.httpStatus)
                                             : DiagnosisText::tr("no picture"),
                     livesLabel(broken)),
            40, {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Check again")});
        addLiveEvidence(f, broken);
        findings.append(std::move(f));
    }
    QList<const LiveEntry*> streamBroken = livesWith(input, LiveProblem::StreamUnplayable);
    // A stream whose picture is black is left to checkPicture's live-black-picture, which says for how long
    // and points at the publisher's source (a covered lens, an empty OBS scene) rather than at restarting a
    // stream that runs: one finding per live, not two saying the same moment. Flat and card pictures stay.
    bool blackLeftToPicture = false;
    for (const LiveEntry* live : livesWith(input, LiveProblem::BlankStream)) {
        const LivePicture picture = pictureOf(input, *live);
        const bool black = picture.black() && picture.unmeasured.isEmpty();
        blackLeftToPicture = blackLeftToPicture || black;
        if (!black)
            streamBroken.append(live);
    }
    if (!streamBroken.isEmpty()) {
        Finding f = make(
            QStringLiteral("stream-broken"), CheckArea::Lives, Severity::Critical,
            DiagnosisText::tr("%1 %2 no picture of %3 own: the problem is the stream, not the site or its "
                              "encoder.")
                .arg(livesLabel(streamBroken),
                     agree(streamBroken.size(), DiagnosisText::tr("has", "… no picture of its own"),
                           DiagnosisText::tr("have", "… no picture of their own")),
                     agree(streamBroken.size(), DiagnosisText::tr("its", "no picture of its own"),
                           DiagnosisText::tr("their", "no picture of their own"))),
            40,
            {FindingAction::Kind::FixStreams, DiagnosisText::tr("Ask the streamer to check the encoder "
                                                                "software (OBS) and restart the stream")});
        addLiveEvidence(f, streamBroken);
        findings.append(std::move(f));
    }
    if (const auto unverified = livesWith(input, LiveProblem::SiteShowsPlaceholder); !unverified.isEmpty()) {
        Finding f =
            make(QStringLiteral("live-placeholder"), CheckArea::Lives, Severity::Warning,
                 DiagnosisText::tr("%1 %2 a placeholder, and the stream could not be checked from here.")
                     .arg(livesLabel(unverified),
                          agree(unverified.size(), DiagnosisText::tr("shows"), DiagnosisText::tr("show"))),
                 15, standInAction(input));
        addLiveEvidence(f, unverified);
        findings.append(std::move(f));
    }
    if (const auto unfetched = livesWith(input, LiveProblem::ThumbnailNotFetched); !unfetched.isEmpty()) {
        Finding f =
            make(QStringLiteral("thumbnail-not-fetched"), CheckArea::Lives, Severity::Unknown,
                 DiagnosisText::tr("The thumbnail of %1 did not reach this computer: what visitors see is "
                                   "unknown.")
                     .arg(livesLabel(unfetched)),
                 5, {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Check again")});
        addLiveEvidence(f, unfetched);
        findings.append(std::move(f));
    }
    if (findings.size() > before || blackLeftToPicture)
        return; // a black live is not "no problem": live-black-picture says what it is
    if (report->lives.isEmpty()) {
        findings.append(
            make(QStringLiteral("no-lives"), CheckArea::Lives, Severity::Ok,
                 DiagnosisText::tr("No live is running: there are no thumbnails to check right now.")));
        return;
    }
    int real = 0;
    for (const LiveEntry& live : report->lives)
        real += live.siteThumbnail && live.siteThumbnail->cls == ThumbnailClass::RealFrame;
    Finding f = make(
        QStringLiteral("lives-real"), CheckArea::Lives, Severity::Ok,
        real == report->lives.size()
            ? DiagnosisText::tr("%1 %2 a real frame.")
                  .arg(report->lives.size() == 1
                           ? DiagnosisText::tr("The live")
                           : DiagnosisText::tr("All %1 lives").arg(report->lives.size()),
                       agree(report->lives.size(), DiagnosisText::tr("shows"), DiagnosisText::tr("show")))
            : DiagnosisText::tr("No live shows a problem (%1 of %2 with a real frame).")
                  .arg(real)
                  .arg(report->lives.size()));
    for (const LiveEntry& live : report->lives)
        f.evidence.append({live.title(), liveEvidence(live)});
    findings.append(std::move(f));
}

void checkCaches(const DiagnosisInput& input, QList<Finding>& findings) {
    const std::optional<SiteCheckReport>& report = input.overview.report;
    const bool encoderWorks = siteEncoderWorks(input);
    QList<const LiveEntry*> cards;
    if (report)
        for (const LiveEntry& live : report->lives)
            if (live.siteThumbnail && isPlaceholder(live.siteThumbnail->cls) &&
                live.siteThumbnail->cls != ThumbnailClass::NotAnImage &&
                live.siteThumbnail->cls != ThumbnailClass::FetchFailed && live.ourGrab && live.ourGrab->ok())
                cards.append(&live);

    Finding f;
    if (encoderWorks && !cards.isEmpty()) {
        f = make(QStringLiteral("cached-cards"), CheckArea::Caches, Severity::Warning,
                 DiagnosisText::tr(
                     "The encoder gives frames now, but %1 still %2 a card: AVideo keeps the card it "
                     "cached 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.")
                     .arg(livesLabel(cards),
                          agree(cards.size(), DiagnosisText::tr("shows"), DiagnosisText::tr("show"))),
                 15, {FindingAction::Kind::ClearCaches, DiagnosisText::tr("Clear the live caches")});
        addLiveEvidence(f, cards);
    } else if (!cards.isEmpty()) {
        f = make(QStringLiteral("caches-wait-for-encoder"), CheckArea::Caches, Severity::Ok,
                 DiagnosisText::tr(
                     "Clearing the caches would not help yet: the site's encoder gives no frames, so "
                     "AVideo would cache a new card. Fix the encoder (or switch to the stand-in) first."));
    } else if (!input.login || !input.login->isAdmin) {
        f = make(
            QStringLiteral("caches-fine"), CheckArea::Caches, Severity::Ok,
            DiagnosisText::tr("No live shows a card AVideo kept in its cache. (Clearing the caches needs an "
                              "admin.)"));
    } else {
        f = make(QStringLiteral("caches-fine"), CheckArea::Caches, Severity::Ok,
                 DiagnosisText::tr("No live shows a card AVideo kept in its cache."));
    }
    if (input.lastCacheClear) {
        const CacheClearRecord& clear = *input.lastCacheClear;
        f.evidence.append({DiagnosisText::tr("last cleared by this tool"),
                           clear.ok ? DiagnosisText::tr("%1, %2 another picture after it")
                                          .arg(clear.at.toLocalTime().toString(QStringLiteral("d MMM HH:mm")),
                                               countOf(clear.livesChanged, DiagnosisText::tr("live showed"),
                                                       DiagnosisText::tr("lives showed")))
                                    : DiagnosisText::tr("%1, failed: %2")
                                          .arg(clear.at.toLocalTime().toString(QStringLiteral("d MMM HH:mm")),
                                               clear.problem)});
    } else {
        f.evidence.append(
            {DiagnosisText::tr("last cleared by this tool"), DiagnosisText::tr("not since it started")});
    }
    f.evidence.append({DiagnosisText::tr("AVideo keeps a live's picture"),
                       DiagnosisText::tr("5 min (jpg, png), 15 min (webp, gif)")});
    findings.append(std::move(f));
}

void checkMediaServer(const DiagnosisInput& input, QList<Finding>& findings) {
    const std::optional<SiteCheckReport>& report = input.overview.report;
    if (!report || report->livesError) {
        findings.append(make(
            QStringLiteral("media-server-unknown"), CheckArea::MediaServer, Severity::Unknown,
            DiagnosisText::tr("The media server was not looked at: the site's lives could not be read.")));
        return;
    }
    const qsizetype before = findings.size();
    if (const auto missing = livesWith(input, LiveProblem::MissingFromMediaServer); !missing.isEmpty()) {
        Finding f = make(
            QStringLiteral("live-not-received"), CheckArea::MediaServer, Severity::Critical,
            DiagnosisText::tr("The site lists %1 the media server does not receive: nobody is publishing %2.")
                .arg(livesLabel(missing),
                     agree(missing.size(), DiagnosisText::tr("it"), DiagnosisText::tr("them"))),
            30,
            {FindingAction::Kind::FixStreams,
             DiagnosisText::tr("Ask the streamer to start the stream again")});
        addLiveEvidence(f, missing);
        findings.append(std::move(f));
    }
    if (const auto unreachable = livesWith(input, LiveProblem::MediaServerUnreachable);
        !unreachable.isEmpty()) {
        Finding f = make(
            QStringLiteral("media-server-unreachable"), CheckArea::MediaServer, Severity::Warning,
            DiagnosisText::tr("This computer cannot reach the media server for %1, so their frames could "
                              "not be compared: check DNS and the firewall between here and %2.")
                .arg(livesLabel(unreachable), unreachable.first()->hlsUrl.host().isEmpty()
                                                  ? DiagnosisText::tr("the media server")
                                                  : unreachable.first()->hlsUrl.host()),
            10, {FindingAction::Kind::CheckAgain, DiagnosisText::tr("Check again")});
        addLiveEvidence(f, unreachable);
        findings.append(std::move(f));
    }
    if (const auto ghosts = livesWith(input, LiveProblem::GhostLive); !ghosts.isEmpty()) {
        Finding f = make(
            QStringLiteral("ghost-live"), CheckArea::MediaServer, Severity::Warning,
            DiagnosisText::tr("The media server receives %1 the site does not list: the site lost track of "
                              "%2 (an ended or unregistered live that still publishes).")
                .arg(ghosts.size() == 1
                         ? DiagnosisText::tr("the stream %1").arg(ghosts.first()->key)
                         : countOf(ghosts.size(), DiagnosisText::tr("stream"), DiagnosisText::tr("streams")),
                     agree(ghosts.size(), DiagnosisText::tr("it"), DiagnosisText::tr("them"))),
            10);
        for (const LiveEntry* live : ghosts)
            f.evidence.append(
                {live->key, DiagnosisText::tr("publishing on the media server, not in the site's list")});
        findings.append(std::move(f));
    }
    if (report->statError)
        findings.append(
            make(QStringLiteral("stat-unreadable"), CheckArea::MediaServer, Severity::Warning,
                 DiagnosisText::tr("The media server's stat page cannot be read (%1): lives the site lists "
                                   "and nobody publishes, or the reverse, go unnoticed.")
                     .arg(report->statError->toString()),
                 5));
    if (report->mediaUnknown)
        findings.append(make(
            QStringLiteral("media-server-not-known"), CheckArea::MediaServer, Severity::Warning,
            report->mediaUnknown->toString() + DiagnosisText::tr(": the streams were not compared."), 5));
    if (findings.size() > before)
        return;
    Finding f = make(QStringLiteral("media-server-fine"), CheckArea::MediaServer, Severity::Ok,
                     DiagnosisText::tr("The media server and the site agree on the lives."));
    f.evidence.append({DiagnosisText::tr("media server"), report->media.describe()});
    findings.append(std::move(f));
}

} // namespace avld
