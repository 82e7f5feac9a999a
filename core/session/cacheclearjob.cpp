#include "cacheclearjob.h"

#include <QPointer>

namespace avld {

bool isRenewableOnEncoder(const LiveEntry& live) {
    // Only lives the site lists: those are the ones whose images it asks the encoder for.
    return !live.hlsUrl.isEmpty() && live.site.has_value();
}

void renewLivesOnEncoder(EncoderRenew& renew, const QUrl& encoderUrl, const QList<LiveEntry>& lives,
                         std::function<void(QList<LiveRenewal>)> done) {
    QList<LiveRenewal> renewals;
    QList<QUrl> streams;
    for (const LiveEntry& live : lives) {
        renewals.append({.key = live.key, .title = live.title(), .renewal = {}});
        streams.append(live.hlsUrl);
    }
    renew.renew(encoderUrl, streams,
                [renewals, done = std::move(done)](QList<EncoderRenewal> answers) mutable {
                    for (int i = 0; i < renewals.size() && i < answers.size(); ++i)
                        renewals[i].renewal = answers[i];
                    done(std::move(renewals));
                });
}

CacheClearJob::CacheClearJob(SiteClient& site, FrameGrabber& grabber, QObject* parent)
    : QObject(parent)
    , m_site(site)
    , m_grabber(grabber) {}

void CacheClearJob::renewOnEncoderFirst(EncoderRenew* renew, const QUrl& encoderUrl) {
    m_renew = renew;
    m_encoderUrl = encoderUrl;
}

void CacheClearJob::run(CacheClearMode mode, std::function<void(CacheClearOutcome)> done) {
    SiteCheckOptions thumbnailsOnly;
    thumbnailsOnly.grabStreams = false;
    auto* before = new SiteCheck(m_site, m_grabber, thumbnailsOnly, this);
    QPointer<CacheClearJob> self(this);
    before->run([this, self, mode, done = std::move(done)](SiteCheckReport beforeReport) mutable {
        if (!self)
            return;
        QList<LiveEntry> renewable;
        for (const LiveEntry& live : beforeReport.lives)
            if (isRenewableOnEncoder(live))
                renewable.append(live);
        if (!m_renew || !m_encoderUrl.isValid() || renewable.isEmpty())
            return clearAndCompare(mode, std::move(beforeReport), {}, std::move(done));
        renewLivesOnEncoder(
            *m_renew, m_encoderUrl, renewable,
            [this, self, mode, beforeReport, done = std::move(done)](QList<LiveRenewal> renewals) mutable {
                if (!self)
                    return;
                clearAndCompare(mode, std::move(beforeReport), std::move(renewals), std::move(done));
            });
    });
}

void CacheClearJob::clearAndCompare(CacheClearMode mode, SiteCheckReport beforeReport,
                                    QList<LiveRenewal> renewals,
                                    std::function<void(CacheClearOutcome)> done) {
    QPointer<CacheClearJob> self(this);
    m_site.clearCache(mode, [this, self, beforeReport, renewals,
                             done = std::move(done)](Result<CacheClearReport> cleared) mutable {
        if (!self)
            return;
        if (!cleared) {
            CacheClearOutcome outcome;
            outcome.clear = cleared;
            outcome.renewals = renewals;
            return done(std::move(outcome));
        }
        SiteCheckOptions thumbnailsOnly;
        thumbnailsOnly.grabStreams = false;
        auto* after = new SiteCheck(m_site, m_grabber, thumbnailsOnly, this);
        after->run([beforeReport, cleared, renewals, done = std::move(done)](SiteCheckReport afterReport) {
            CacheClearOutcome outcome;
            outcome.clear = cleared;
            outcome.renewals = renewals;
            for (const LiveEntry& a : afterReport.lives) {
                const auto b = std::find_if(beforeReport.lives.begin(), beforeReport.lives.end(),
                                            [&](const LiveEntry& e) { return e.key == a.key; });
                if (b == beforeReport.lives.end() || !a.siteThumbnail || !b->siteThumbnail)
                    continue;
                const SiteThumbnail& t0 = *b->siteThumbnail;
                const SiteThumbnail& t1 = *a.siteThumbnail;
                if (t0.cls != t1.cls || t0.bytes != t1.bytes)
                    outcome.changed.append(
                        {a.key, a.title(), t0.cls, t1.cls, t0.bytes, t1.bytes, t0.image, t1.image});
                else
                    ++outcome.unchanged;
            }
            done(std::move(outcome));
        });
    });
}

} // namespace avld
