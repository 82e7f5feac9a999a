#pragma once

#include "site/livepicture.h"

#include <QHash>

namespace avld {

struct SiteCheckReport;

// Follows the picture of every live across the site's checks (LivePicture::follow): since when each one has
// shown the same picture, or black, as far as the checks saw. The picture's SilenceTracker: lives gone from
// the site are forgotten, one that comes back starts again from nothing, and a check that could not read the
// site's lives keeps every live as it was.
class PictureTracker {
public:
    // One check more: each live's picture follows from what the check grabbed of it (the report's time).
    void add(const SiteCheckReport& report);
    // The live's picture so far; NotSeen for a live never seen.
    LivePicture picture(const QString& key) const { return m_pictures.value(key); }
    const QHash<QString, LivePicture>& pictures() const { return m_pictures; }
    // Goes on from what an earlier run followed (FollowedLivesStore; pictures() is what it saves): the next
    // add() follows each live from its picture here, as if that run's checks had been this tracker's.
    void seed(QHash<QString, LivePicture> pictures) { m_pictures = std::move(pictures); }

private:
    QHash<QString, LivePicture> m_pictures;
};

} // namespace avld
