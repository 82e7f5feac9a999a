#pragma once

#include "site/livesound.h"

#include <QHash>

namespace avld {

struct SiteCheckReport;

// Follows the sound of every live across the site's checks (LiveSound::follow): since when each one has been
// silent, as far as the checks heard. Lives gone from the site are forgotten; one that comes back starts
// again from nothing. A check that could not read the site's lives keeps every live as it was.
class SilenceTracker {
public:
    // One check more: each live's sound follows from what the check measured of it (the report's time).
    void add(const SiteCheckReport& report);
    // The live's sound so far; NotMeasured for a live never seen.
    LiveSound sound(const QString& key) const { return m_sounds.value(key); }
    const QHash<QString, LiveSound>& sounds() const { return m_sounds; }
    // Goes on from what an earlier run followed (FollowedLivesStore; sounds() is what it saves): the next
    // add() follows each live from its sound here, as if that run's checks had been this tracker's.
    void seed(QHash<QString, LiveSound> sounds) { m_sounds = std::move(sounds); }

private:
    QHash<QString, LiveSound> m_sounds;
};

} // namespace avld
