#include "sitecheck.h"

#include "livepicture.h"
#include "livesound.h"
#include "media/framegrabber.h"
#include "plural.h"
#include "posterevidence.h"

#include <QJsonArray>
#include <QJsonObject>

namespace avld {

Severity SiteCheckReport::overall() const {
    if (livesError)
        return Severity::Unknown;
    Severity worst = statError || mediaUnknown ? Severity::Warning : Severity::Ok;
    for (const LiveEntry& live : lives) {
        worst = std::max(worst, live.assess().severity);
        if (silentNow(live) || stillNow(live))
            worst = std::max(worst, Severity::Warning);
    }
    return worst;
}

QDateTime SiteCheckReport::checkedAt() const {
    return startedAt.isValid() ? startedAt.addMSecs(elapsedMs) : QDateTime::currentDateTimeUtc();
}

bool SiteCheckReport::silentNow(const LiveEntry& live) const {
    return LiveSound::of(live, checkedAt()).silent();
}

bool SiteCheckReport::stillNow(const LiveEntry& live) const {
    return LivePicture::of(live, checkedAt()).still();
}

QStringList SiteCheckReport::findings() const {
    QList<LiveAssessment> all;
    if (livesError)
        all.append({LiveProblem::None, Severity::Unknown,
                    QStringLiteral("cannot read the site's lives: ") + livesError->toString()});
    if (statError)
        all.append({LiveProblem::None, Severity::Warning,
                    QStringLiteral("cannot read the media server's stat page: ") + statError->toString()});
    if (mediaUnknown)
        all.append({LiveProblem::None, Severity::Warning,
                    mediaUnknown->toString() + QStringLiteral("; the streams were not grabbed")});
    for (const LiveEntry& live : lives) {
        const LiveAssessment a = live.assess();
        if (a.severity != Severity::Ok)
            all.append(a);
        // One check hears one segment: that it is silent, not for how long (the window follows a live across
        // checks).
        if (const LiveSound sound = LiveSound::of(live, checkedAt()); sound.silent())
            all.append({LiveProblem::None, Severity::Warning,
                        QStringLiteral("%1: silent — its newest segment (%2) stays below %3 dBFS; check the "
                                       "streamer's microphone or audio source in OBS (the stream itself is "
                                       "running)")
                            .arg(live.title(), durationWords(sound.levels->measuredMs))
                            .arg(SoundLevels::kSilenceDbfs)});
        // Likewise one check sees one segment's pictures: the same from its keyframe to its newest, not for
        // how long before. (A black picture is already the assessment's "shows no picture".)
        if (const LivePicture picture = LivePicture::of(live, checkedAt()); picture.still())
            all.append(
                {LiveProblem::None, Severity::Warning,
                 QStringLiteral("%1: still picture — its newest segment shows the same picture for %2; "
                                "check the publisher's camera or OBS scene (the stream itself is "
                                "running)")
                     .arg(live.title(), durationWords(picture.stillForMs()))});
    }
    std::stable_sort(all.begin(), all.end(), [](const LiveAssessment& a, const LiveAssessment& b) {
        return a.severity > b.severity;
    });
    QStringList lines;
    for (const LiveAssessment& a : all)
        lines << severityName(a.severity) + QStringLiteral(": ") + a.summary;
    if (!lines.isEmpty())
        return lines;
    const int real = count(ThumbnailClass::RealFrame);
    if (lives.isEmpty())
        lines << QStringLiteral("OK: no live is running: there is nothing to check");
    else if (real == lives.size())
        lines << QStringLiteral("OK: %1, every thumbnail is a real frame")
                     .arg(countOf(lives.size(), QStringLiteral("live"), QStringLiteral("lives")));
    else
        lines << QStringLiteral("OK: %1, %2 with a real frame, %3 without a thumbnail to check")
                     .arg(countOf(lives.size(), QStringLiteral("live"), QStringLiteral("lives")))
                     .arg(real)
                     .arg(lives.size() - real);
    return lines;
}

int SiteCheckReport::count(ThumbnailClass cls) const {
    return int(std::count_if(lives.begin(), lives.end(), [cls](const LiveEntry& e) {
        return e.siteThumbnail && e.siteThumbnail->cls == cls;
    }));
}

QJsonObject SiteCheckReport::toJson() const {
    QJsonArray livesJson;
    for (const LiveEntry& e : lives) {
        const LiveAssessment a = e.assess();
        QJsonObject o{{QStringLiteral("key"), e.key},
                      {QStringLiteral("title"), e.title()},
                      {QStringLiteral("listedBySite"), e.site.has_value()},
                      {QStringLiteral("publishing"), e.media.has_value() && e.media->publishing},
                      {QStringLiteral("hls"), e.hlsUrl.toString()},
                      {QStringLiteral("severity"), severityName(a.severity)},
                      {QStringLiteral("summary"), a.summary}};
        if (e.siteThumbnail) {
            o.insert(QStringLiteral("siteThumbnail"),
                     QJsonObject{{QStringLiteral("url"), e.siteThumbnail->url.toString()},
                                 {QStringLiteral("class"), thumbnailClassName(e.siteThumbnail->cls)},
                                 {QStringLiteral("httpStatus"), e.siteThumbnail->httpStatus},
                                 {QStringLiteral("bytes"), e.siteThumbnail->bytes},
                                 {QStringLiteral("detail"), e.siteThumbnail->detail},
                                 {QStringLiteral("fetchedAt"),
                                  e.siteThumbnail->fetchedAt.toString(Qt::ISODateWithMs)}});
        }
        if (e.ourGrab) {
            if (e.ourGrab->ok()) {
                const GrabReport& r = e.ourGrab->value().report;
                o.insert(QStringLiteral("ourGrab"),
                         QJsonObject{{QStringLiteral("ok"), true},
                                     {QStringLiteral("width"), r.codedSize.width()},
                                     {QStringLiteral("height"), r.codedSize.height()},
                                     {QStringLiteral("frameAgeMs"), r.frameAgeMs},
                                     {QStringLiteral("elapsedMs"), r.elapsedMs}});
            } else {
                o.insert(QStringLiteral("ourGrab"),
                         QJsonObject{{QStringLiteral("ok"), false},
                                     {QStringLiteral("error"), e.ourGrab->error().code},
                                     {QStringLiteral("message"), e.ourGrab->error().toString()}});
            }
        }
        o.insert(QStringLiteral("sound"), LiveSound::of(e, checkedAt()).toJson());
        o.insert(QStringLiteral("picture"), LivePicture::of(e, checkedAt()).toJson());
        livesJson.append(o);
    }
    QJsonArray findingsJson;
    for (const QString& f : findings())
        findingsJson.append(f);
    return {{QStringLiteral("status"), severityName(overall())},
            {QStringLiteral("checkedAt"), startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("elapsedMs"), elapsedMs},
            {QStringLiteral("findings"), findingsJson},
            {QStringLiteral("mediaServer"), media.toJson()},
            {QStringLiteral("lives"), livesJson}};
}

SiteCheck::SiteCheck(SiteClient& site, FrameGrabber& grabber, SiteCheckOptions options, QObject* parent)
    : QObject(parent)
    , m_site(site)
    , m_grabber(grabber)
    , m_options(options) {}

void SiteCheck::run(std::function<void(SiteCheckReport)> done) {
    m_done = std::move(done);
    m_report = {};
    m_animatedProofsQueued = false;
    m_report.startedAt = Clock::system().now();
    m_startedMs = Clock::system().monotonicMs();
    m_listingsPending = 2;
    QPointer<SiteCheck> self(this);
    m_site.fetchLives([this, self](Result<QList<SiteLive>> lives) {
        if (!self)
            return;
        if (!lives) {
            m_report.livesError = lives.error();
            return onListings();
        }
        // Where each live's stream is, as the site tells it (watch pages; never a guess).
        auto* resolver = new MediaServerResolver(m_site, m_options.concurrency, this);
        resolver->resolve(*lives, [this, resolver](MediaServerResolver::Outcome outcome) {
            resolver->deleteLater();
            m_siteLives = std::move(outcome.lives);
            if (m_options.grabStreams)
                m_report.mediaUnknown = outcome.unresolved;
            onListings();
        });
    });
    m_site.fetchStat([this, self](Result<NginxStat> stat) {
        if (!self)
            return;
        if (stat)
            m_stat = *stat;
        else if (stat.error().code != QStringLiteral("media-server-unknown")) // said in m_report.media
            m_report.statError = stat.error();
        onListings();
    });
}

void SiteCheck::onListings() {
    if (--m_listingsPending > 0)
        return;
    m_report.lives =
        joinLives(m_siteLives.value_or(QList<SiteLive>{}), m_stat ? &*m_stat : nullptr, m_site.profile());
    for (qsizetype i = 0; i < m_report.lives.size(); ++i) {
        const LiveEntry& e = m_report.lives[i];
        if (e.site && e.site->posterUrl.isValid()) {
            m_jobs.push_back([this, i] {
                m_site.fetchThumbnail(m_report.lives[i].site->posterUrl, [this, i](SiteThumbnail t) {
                    m_report.lives[i].siteThumbnail = std::move(t);
                    comparePosterFile(i);
                });
            });
        }
        if (m_options.grabStreams && !e.hlsUrl.isEmpty() && (e.media || !e.mediaKnown)) {
            m_jobs.push_back([this, i] {
                GrabOptions options;
                options.timeoutMs = m_options.grabTimeoutMs;
                options.userAgent = m_options.userAgent;
                options.referer = m_site.profile().siteUrl.toString();
                // Compared with a thumbnail and kept for a refresh interval: full HD frames of every live
                // would cost 8 MB each.
                options.maxFrameWidth = kOurFrameMaxWidth;
                // The sound of the same segment, from its packets already in memory (a few ms).
                options.measureSound = true;
                // The segment's newest picture (decoded from its last keyframe) rather than its first one:
                // what the stream shows now, and how long its picture stayed the same within the segment
                // (GrabReport::pictureStillForMs, for a still or black picture). Costs the decoding of one
                // GOP instead of one keyframe (README: 54.5 against 17.7 ms per 720p grab).
                options.newestFrame = true;
                m_grabber.grab(m_report.lives[i].hlsUrl, options, [this, i](Result<GrabResult> r) {
                    m_report.lives[i].ourGrab = std::move(r);
                    finishOne();
                });
            });
        }
    }
    pump();
}

void SiteCheck::pump() {
    while (m_running < m_options.concurrency && !m_jobs.empty()) {
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        ++m_running;
        job();
    }
    if (m_running == 0 && m_jobs.empty() && m_done && !m_animatedProofsQueued) {
        // Our frames are all in: now the thumbnails far from them can be proved stills or not.
        m_animatedProofsQueued = true;
        queueAnimatedProofs();
        if (!m_jobs.empty())
            return pump();
    }
    if (m_running == 0 && m_jobs.empty() && m_done) {
        m_report.elapsedMs = Clock::system().monotonicMs() - m_startedMs;
        m_report.media = m_site.profile().media();
        auto done = std::move(m_done);
        done(m_report);
    }
}

// The poster file is served to anyone by Apache: a thumbnail with the very same bytes is that poster.
void SiteCheck::comparePosterFile(qsizetype i) {
    const LiveEntry& e = m_report.lives[i];
    const QUrl poster = PosterEvidence::posterFileUrl(m_site.profile().siteUrl, *e.site);
    if (poster.isEmpty() || !PosterEvidence::couldBePoster(*e.siteThumbnail))
        return finishOne();
    m_site.requester().getAnyStatus(poster.toString(), [this, i, poster](Result<SiteReply> reply) {
        SiteThumbnail& thumbnail = *m_report.lives[i].siteThumbnail;
        if (reply && reply->status == 200 && SiteThumbnail::digestOf(reply->body) == thumbnail.digest)
            PosterEvidence::markPosterFile(thumbnail, poster);
        finishOne();
    });
}

// AVideo serves one still file for every format when it falls back; an encoder answers webp with a webp.
void SiteCheck::queueAnimatedProofs() {
    for (qsizetype i = 0; i < m_report.lives.size(); ++i) {
        const LiveEntry& e = m_report.lives[i];
        if (!e.site || !e.site->gifUrl.isValid() || e.site->gifUrl.isEmpty() || !e.siteThumbnail)
            continue;
        const std::optional<int> distance =
            e.ourGrab && e.ourGrab->ok()
                ? PosterEvidence::distanceToOurFrame(*e.siteThumbnail, e.ourGrab->value().frame().image)
                : std::nullopt;
        if (!PosterEvidence::needsAnimatedProof(*e.siteThumbnail, distance))
            continue;
        m_jobs.push_back([this, i, distance] {
            m_site.requester().getAnyStatus(
                m_report.lives[i].site->gifUrl.toString(), [this, i, distance](Result<SiteReply> reply) {
                    SiteThumbnail& thumbnail = *m_report.lives[i].siteThumbnail;
                    if (reply && reply->status < 400 &&
                        SiteThumbnail::digestOf(reply->body) == thumbnail.digest)
                        PosterEvidence::markStillForEveryFormat(thumbnail, distance);
                    finishOne();
                });
        });
    }
}

void SiteCheck::finishOne() {
    --m_running;
    pump();
}

} // namespace avld
