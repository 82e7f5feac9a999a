#include "standinverification.h"

#include "logging.h"
#include "media/imagemarker.h"
#include "plural.h"
#include "standinurl.h"

#include <algorithm>

namespace avld {

namespace {

// "1 live shows", "2 lives show".
QString livesShow(qint64 count) {
    return countOf(count, QStringLiteral("live shows"), QStringLiteral("lives show"));
}

} // namespace

QString standinServingName(StandinServing serving) {
    switch (serving) {
    case StandinServing::Ours:
        return QStringLiteral("ours");
    case StandinServing::EarlierRun:
        return QStringLiteral("earlier run");
    case StandinServing::NotOurs:
        return QStringLiteral("not ours");
    case StandinServing::Card:
        return QStringLiteral("card");
    case StandinServing::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

int StandinVerificationReport::count(StandinServing serving) const {
    return int(std::count_if(lives.begin(), lives.end(),
                             [serving](const LiveStandinCheck& c) { return c.serving == serving; }));
}

StandinVerificationReport::Verdict StandinVerificationReport::verdict() const {
    if (error || lives.isEmpty())
        return Verdict::Unknown;
    // Pictures with our marker do not count while the site is known to ask someone else.
    if (encoderUrlCheck().state == StandinCheckOutcome::State::Failed ||
        requestsCheck().state == StandinCheckOutcome::State::Failed)
        return Verdict::None;
    const int ours = count(StandinServing::Ours);
    if (ours == lives.size())
        return Verdict::All;
    return ours == 0 ? Verdict::None : Verdict::Some;
}

int StandinVerificationReport::exitCode() const {
    switch (verdict()) {
    case Verdict::All:
        return 0;
    case Verdict::Some:
        return 1;
    case Verdict::None:
        return 2;
    case Verdict::Unknown:
        break;
    }
    return 3;
}

QString StandinVerificationReport::summary() const {
    if (error)
        return QStringLiteral("could not check: %1").arg(error->toString());
    if (lives.isEmpty())
        return QStringLiteral("the site lists no lives right now: nothing to verify");
    const QString ours =
        partOf(count(StandinServing::Ours), lives.size(), QStringLiteral("live"), QStringLiteral("lives"));
    // A failed check outweighs the pictures: they can only be ones AVideo cached.
    if (encoderUrlCheck().state == StandinCheckOutcome::State::Failed)
        return QStringLiteral(
                   "the site's Encoder URL is not this stand-in's (our marker on %1: AVideo's cache)")
            .arg(ours);
    if (requestsCheck().state == StandinCheckOutcome::State::Failed)
        return QStringLiteral(
                   "no request from the site reached this stand-in (our marker on %1: AVideo's cache)")
            .arg(ours);
    return QStringLiteral("the site now serves our frames for %1").arg(ours);
}

bool StandinVerificationReport::encoderUrlDiffers() const {
    // By port and secret path: AVideo may reach the stand-in by a name or address this machine does not know.
    return expectedEncoderUrl.isValid() && configuredEncoderUrl && configuredEncoderUrl->ok() &&
           !StandinUrl::pointsAtStandin(
               configuredEncoderUrl->value(),
               quint16(expectedEncoderUrl.port(expectedEncoderUrl.scheme() == QStringLiteral("https") ? 443
                                                                                                      : 80)),
               expectedEncoderUrl.path());
}

StandinCheckOutcome StandinVerificationReport::encoderUrlCheck() const {
    using State = StandinCheckOutcome::State;
    if (!configuredEncoderUrl)
        return {State::Unknown, QStringLiteral("The site's Encoder URL was not read (that needs an admin "
                                               "sign-in).")};
    if (!configuredEncoderUrl->ok())
        return {State::Unknown, QStringLiteral("The site's Encoder URL could not be read: %1.")
                                    .arg(configuredEncoderUrl->error().message)};
    if (!expectedEncoderUrl.isValid())
        return {State::Unknown, QStringLiteral("The site's Encoder URL is %1; the stand-in's is not known.")
                                    .arg(StandinUrl::redacted(configuredEncoderUrl->value()))};
    if (encoderUrlDiffers())
        return {State::Failed, QStringLiteral("The site's Encoder URL is %1, not this stand-in's.")
                                   .arg(StandinUrl::redacted(configuredEncoderUrl->value()))};
    return {State::Passed, QStringLiteral("The site's Encoder URL is this stand-in's.")};
}

StandinCheckOutcome StandinVerificationReport::requestsCheck() const {
    using State = StandinCheckOutcome::State;
    if (!presence)
        return {State::Unknown, QStringLiteral("Whether the site's requests reach this stand-in was not "
                                               "checked.")};
    if (!presence->ok())
        return {State::Unknown, QStringLiteral("The stand-in's own counters could not be read: %1.")
                                    .arg(presence->error().message)};
    const StandinPresence& run = presence->value();
    const QDateTime since = switchedAt.isValid() && switchedAt > run.startedAt ? switchedAt : run.startedAt;
    const QString sinceText = since == run.startedAt ? QStringLiteral("since it started at %1")
                                                     : QStringLiteral("since the switch at %1");
    const QString when = since.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    if (!run.lastImageAt.isValid() || (since.isValid() && run.lastImageAt < since))
        return {State::Failed,
                QStringLiteral("No request for a picture reached this stand-in %1: the site does not ask it "
                               "(its Encoder URL points elsewhere, or the AVideo server cannot reach this "
                               "address).")
                    .arg(sinceText.arg(when))};
    return {State::Passed, QStringLiteral("Requests reached this stand-in %1 (%2 pictures; the last at %3).")
                               .arg(sinceText.arg(when))
                               .arg(run.images)
                               .arg(run.lastImageAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")))};
}

StandinCheckOutcome StandinVerificationReport::identityCheck() const {
    using State = StandinCheckOutcome::State;
    if (error || lives.isEmpty())
        return {State::Unknown, QStringLiteral("No live's picture could be looked at.")};
    const int ours = count(StandinServing::Ours);
    if (!presence || !presence->ok())
        return {State::Unknown,
                QStringLiteral("%1 %2 a picture with our marker; whether this run made them could not "
                               "be told.")
                    .arg(partOf(ours, lives.size(), QStringLiteral("live"), QStringLiteral("lives")),
                         agree(ours, QStringLiteral("shows"), QStringLiteral("show")))};
    if (ours == lives.size())
        return {State::Passed, QStringLiteral("Every live's picture was made by this run of the stand-in "
                                              "(instance %1).")
                                   .arg(presence->value().instance)};
    QStringList others;
    if (const int earlier = count(StandinServing::EarlierRun))
        others << QStringLiteral("%1 an earlier run's, cached by AVideo").arg(earlier);
    if (const int cards = count(StandinServing::Card))
        others << QStringLiteral("%1 a card").arg(cards);
    if (const int notOurs = count(StandinServing::NotOurs))
        others << QStringLiteral("%1 a picture without our marker").arg(notOurs);
    if (const int failed = count(StandinServing::Failed))
        others << QStringLiteral("%1 nothing").arg(failed);
    return {State::Failed,
            QStringLiteral("%1 %2 a picture this run made (instance %3); %4.")
                .arg(partOf(ours, lives.size(), QStringLiteral("live"), QStringLiteral("lives")),
                     agree(ours, QStringLiteral("shows"), QStringLiteral("show")), presence->value().instance,
                     others.join(QStringLiteral(", ")))};
}

QStringList StandinVerificationReport::advice() const {
    QStringList lines;
    if (error)
        return lines;
    if (lives.isEmpty()) {
        lines << QStringLiteral("Start a live (or wait for one) and verify again.");
        return lines;
    }
    const bool configuredKnown = configuredEncoderUrl && configuredEncoderUrl->ok();
    const bool configuredIsOurs = configuredKnown && expectedEncoderUrl.isValid() && !encoderUrlDiffers();
    if (encoderUrlDiffers()) {
        const QString configured = StandinUrl::redacted(configuredEncoderUrl->value());
        const QString expected = StandinUrl::redacted(expectedEncoderUrl);
        lines << (configured == expected
                      ? QStringLiteral("The site's Encoder URL differs from the stand-in's in its path (the "
                                       "secret prefix?): set it to exactly what standin-url prints.")
                      : QStringLiteral("The site's Encoder URL is %1, not the stand-in's %2: change it in "
                                       "Site Configurations (standin-url prints the steps).")
                            .arg(configured, expected));
    } else if (configuredEncoderUrl && !configuredEncoderUrl->ok()) {
        lines << QStringLiteral("The site's Encoder URL could not be read (%1); sign in as an admin to "
                                "compare it with the stand-in's.")
                     .arg(configuredEncoderUrl->error().message);
    }

    const QString clearCache =
        QStringLiteral("avideo-live-doctor clear-cache --site %1 --user ADMIN").arg(siteUrl.toString());
    if (requestsCheck().state == StandinCheckOutcome::State::Failed && !encoderUrlDiffers())
        lines << QStringLiteral("No request from the site reached this stand-in: set the site's Encoder URL "
                                "to the stand-in's, make sure the AVideo server can reach that address, then "
                                "verify again.");
    if (const int earlier = count(StandinServing::EarlierRun))
        lines << QStringLiteral(
                     "%1 a picture an earlier run of the stand-in made, which AVideo cached (kept "
                     "300 s for jpg, 900 s for gif/webp): run `%2`, or wait 5 minutes, then verify again.")
                     .arg(livesShow(earlier), clearCache);
    if (const int notOurs = count(StandinServing::NotOurs)) {
        if (encoderUrlDiffers())
            lines << QStringLiteral("%1 pictures from the encoder the site is configured with (or from "
                                    "its cache).")
                         .arg(livesShow(notOurs));
        else if (configuredIsOurs)
            lines << QStringLiteral("%1 still a picture AVideo cached before the switch (getLiveImage_*, "
                                    "kept 300 s for jpg, 900 s for gif/webp): run `%2`, or wait 5 minutes, "
                                    "then verify again.")
                         .arg(livesShow(notOurs), clearCache);
        else
            lines << QStringLiteral("%1 a real picture that the stand-in did not make: most "
                                    "likely one AVideo cached before the switch (getLiveImage_*, kept 300 s "
                                    "for jpg, 900 s for gif/webp). Run `%2`, or wait 5 minutes, then verify "
                                    "again. If it stays, the Encoder URL does not point at the stand-in, or "
                                    "AVideo shows the streamer's own thumbnail because the stand-in gave it "
                                    "nothing.")
                         .arg(livesShow(notOurs), clearCache);
    }
    if (const int cards = count(StandinServing::Card)) {
        // AVideo 11.x/12.x cannot tell its own ONLINE card from a frame, so it caches the card like a frame.
        lines << QStringLiteral(
                     "%1 a card. Right after a switch of encoder that is first AVideo's "
                     "own cache: AVideo keeps the ONLINE card it served while the old encoder "
                     "failed for 5 minutes (jpg/png) and 15 minutes (gif/webp), like a real frame. "
                     "Clear the site's cache (`%2`), then verify again. If the card comes back after "
                     "a clear, AVideo got no usable picture from its Encoder URL within 2 s: check "
                     "that the AVideo server can reach the stand-in at that URL (a loopback address "
                     "works only when both run on one machine), that the prefix is exact, that the "
                     "stand-in may fetch the stream's host, and that the live is publishing.")
                     .arg(livesShow(cards), clearCache);
    }
    if (const int failed = count(StandinServing::Failed)) {
        QString first;
        for (const LiveStandinCheck& c : lives)
            if (c.serving == StandinServing::Failed && first.isEmpty())
                first = c.detail;
        lines << QStringLiteral("%1 could not be fetched from the site (%2).")
                     .arg(countOf(failed, QStringLiteral("live"), QStringLiteral("lives")), first);
    }
    return lines;
}

StandinVerification::StandinVerification(SiteClient& site, StandinVerificationOptions options,
                                         const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_site(site)
    , m_options(std::move(options))
    , m_clock(clock) {}

LiveStandinCheck StandinVerification::judge(const SiteLive& live, const QByteArray& body,
                                            const QDateTime& fetchedAt) {
    const SiteThumbnail thumbnail = SiteThumbnail::classify(live.posterUrl, body, fetchedAt);
    LiveStandinCheck check{.key = live.key,
                           .title = live.title.isEmpty() ? live.key : live.title,
                           .posterUrl = live.posterUrl,
                           .cls = thumbnail.cls,
                           .bytes = thumbnail.bytes};
    const QString what =
        QStringLiteral("%1, %2 bytes").arg(thumbnailClassName(thumbnail.cls)).arg(body.size());
    if (const QString marker = ImageMarker::ourText(body); !marker.isEmpty()) {
        check.serving = StandinServing::Ours;
        check.markerInstance = ImageMarker::instanceOf(marker);
        check.detail = what + QStringLiteral(", made by the stand-in");
        if (!check.markerInstance.isEmpty())
            check.detail += QStringLiteral(" (instance %1)").arg(check.markerInstance);
    } else if (thumbnail.cls == ThumbnailClass::FetchFailed || thumbnail.cls == ThumbnailClass::NotAnImage) {
        check.serving = StandinServing::Failed;
        check.detail = thumbnail.detail;
    } else if (isPlaceholder(thumbnail.cls)) {
        check.serving = StandinServing::Card;
        check.detail = what;
    } else {
        check.serving = StandinServing::NotOurs;
        check.detail = what + QStringLiteral(", without our marker");
    }
    return check;
}

void StandinVerification::run(std::function<void(StandinVerificationReport)> done) {
    m_done = std::move(done);
    m_report = {};
    m_report.siteUrl = m_site.profile().siteUrl;
    m_report.expectedEncoderUrl = m_options.expectedEncoderUrl;
    m_report.switchedAt = m_options.switchedAt;
    m_startedMs = m_clock.monotonicMs();
    QPointer<StandinVerification> self(this);
    m_site.fetchLives([this, self](Result<QList<SiteLive>> lives) {
        if (self)
            onLives(std::move(lives));
    });
}

void StandinVerification::onLives(Result<QList<SiteLive>> lives) {
    if (!lives) {
        m_report.error = lives.error();
        finish();
        return;
    }
    QPointer<StandinVerification> self(this);
    if (m_options.readConfiguredEncoderUrl) {
        m_jobs.push_back([this, self] {
            m_site.fetchEncoderUrl([this, self](Result<QUrl> url) {
                if (!self)
                    return;
                m_report.configuredEncoderUrl = std::move(url);
                --m_running;
                pump();
            });
        });
    }
    for (const SiteLive& live : *lives) {
        const qsizetype index = m_report.lives.size();
        m_report.lives.append({.key = live.key,
                               .title = live.title.isEmpty() ? live.key : live.title,
                               .posterUrl = live.posterUrl,
                               .detail = QStringLiteral("the site lists no thumbnail URL for it")});
        if (!live.posterUrl.isValid())
            continue;
        m_jobs.push_back([this, self, live, index] {
            m_site.requester().get(live.posterUrl.toString(), {},
                                   [this, self, live, index](Result<SiteReply> reply) {
                                       if (!self)
                                           return;
                                       if (reply) {
                                           m_report.lives[index] = judge(live, reply->body, m_clock.now());
                                       } else {
                                           m_report.lives[index].detail = reply.error().toString();
                                       }
                                       --m_running;
                                       pump();
                                   });
        });
    }
    pump();
}

void StandinVerification::pump() {
    while (m_running < qMax(1, m_options.concurrency) && !m_jobs.empty()) {
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        ++m_running;
        job();
    }
    if (m_running == 0 && m_jobs.empty())
        finish();
}

void StandinVerification::finish() {
    if (!m_done)
        return;
    if (!m_options.readPresence || m_report.error)
        return conclude();
    QPointer<StandinVerification> self(this);
    m_options.readPresence([this, self](Result<StandinPresence> presence) {
        if (!self)
            return;
        if (presence) {
            for (LiveStandinCheck& live : m_report.lives) {
                if (live.serving == StandinServing::Ours && live.markerInstance != presence->instance) {
                    live.serving = StandinServing::EarlierRun;
                    live.detail += QStringLiteral(", from an earlier run of the stand-in (AVideo's cache)");
                }
            }
        }
        m_report.presence = std::move(presence);
        conclude();
    });
}

void StandinVerification::conclude() {
    if (!m_done)
        return;
    m_report.elapsedMs = m_clock.monotonicMs() - m_startedMs;
    qCInfo(lcGenerator) << "stand-in verification:" << m_report.count(StandinServing::Ours) << "of"
                        << m_report.lives.size() << "lives serve our frames";
    auto done = std::move(m_done);
    m_done = nullptr;
    done(m_report);
}

} // namespace avld
