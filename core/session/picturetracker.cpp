#include "picturetracker.h"

#include "site/sitecheck.h"

namespace avld {

void PictureTracker::add(const SiteCheckReport& report) {
    const QDateTime at = report.checkedAt(); // the check's moment, as the tiles take it
    if (report.livesError) {                 // nothing was seen, and no live is known to be gone
        for (LivePicture& picture : m_pictures)
            picture =
                LivePicture::unmeasuredAfter(picture, QStringLiteral("the site's lives could not be read"));
        return;
    }
    QHash<QString, LivePicture> next;
    next.reserve(report.lives.size());
    for (const LiveEntry& live : report.lives)
        next.insert(live.key, LivePicture::follow(m_pictures.value(live.key), live, at));
    m_pictures = std::move(next);
}

} // namespace avld
