#include "silencetracker.h"

#include "site/sitecheck.h"

namespace avld {

void SilenceTracker::add(const SiteCheckReport& report) {
    const QDateTime at = report.checkedAt(); // the check's moment, as the tiles take it
    if (report.livesError) {                 // nothing was heard, and no live is known to be gone
        for (LiveSound& sound : m_sounds)
            sound = LiveSound::unmeasuredAfter(sound, QStringLiteral("the site's lives could not be read"));
        return;
    }
    QHash<QString, LiveSound> next;
    next.reserve(report.lives.size());
    for (const LiveEntry& live : report.lives)
        next.insert(live.key, LiveSound::follow(m_sounds.value(live.key), live, at));
    m_sounds = std::move(next);
}

} // namespace avld
