#include "cacheclearjob.h"

#include <QPointer>

namespace avld {

CacheClearJob::CacheClearJob(SiteClient& site, FrameGrabber& grabber, QObject* parent)
    : QObject(parent)
    , m_site(site)
    , m_grabber(grabber) {}

void CacheClearJob::run(CacheClearMode mode, std::function<void(CacheClearOutcome)> done) {
    SiteCheckOptions thumbnailsOnly;
    thumbnailsOnly.grabStreams = false;
    auto* before = new SiteCheck(m_site, m_grabber, thumbnailsOnly, this);
    QPointer<CacheClearJob> self(this);
    before->run(
        [this, self, mode, thumbnailsOnly, done = std::move(done)](SiteCheckReport beforeReport) mutable {
            if (!self)
                return;
            m_site.clearCache(mode, [this, self, thumbnailsOnly, beforeReport,
                                     done = std::move(done)](Result<CacheClearReport> cleared) mutable {
                if (!self)
                    return;
                if (!cleared) {
                    CacheClearOutcome outcome;
                    outcome.clear = cleared;
                    return done(std::move(outcome));
                }
                auto* after = new SiteCheck(m_site, m_grabber, thumbnailsOnly, this);
                after->run([beforeReport, cleared, done = std::move(done)](SiteCheckReport afterReport) {
                    CacheClearOutcome outcome;
                    outcome.clear = cleared;
                    for (const LiveEntry& a : afterReport.lives) {
                        const auto b = std::find_if(beforeReport.lives.begin(), beforeReport.lives.end(),
                                                    [&](const LiveEntry& e) { return e.key == a.key; });
                        if (b == beforeReport.lives.end() || !a.siteThumbnail || !b->siteThumbnail)
                            continue;
                        const SiteThumbnail& t0 = *b->siteThumbnail;
                        const SiteThumbnail& t1 = *a.siteThumbnail;
                        if (t0.cls != t1.cls || t0.bytes != t1.bytes)
                            outcome.changed.append({a.key, a.title(), t0.cls, t1.cls, t0.bytes, t1.bytes});
                        else
                            ++outcome.unchanged;
                    }
                    done(std::move(outcome));
                });
            });
        });
}

} // namespace avld
