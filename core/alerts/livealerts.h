#pragma once

#include "site/livepicture.h"
#include "site/livesound.h"
#include "site/sitecheck.h"

#include <QHash>

namespace avld {

class AlertLifecycle;

// The lives a site check followed, as alerts: a live whose picture has stayed black, or the same (still),
// or whose sound has been silent for longer than a threshold raises a warning (one key per live and
// condition), resolved when the check sees it move or hears it again, or when the live has ended. A check
// that could not read the site's lives changes nothing. An alert carries the live's frame that check grabbed.
// Stream keys are secrets (whoever has one may publish): they never appear in a key, a title or a text.
class LiveAlerts {
public:
    struct Options {
        qint64 blackMs = 2 * 60'000;
        qint64 stillMs = 2 * 60'000;
        qint64 silentMs = 2 * 60'000;
    };

    LiveAlerts(AlertLifecycle& lifecycle, Options options);
    explicit LiveAlerts(AlertLifecycle& lifecycle);

    // After a check of `site` (its name, for the titles; `siteKey` tells sites apart in the keys), with each
    // live's picture and sound as the trackers followed them up to this check.
    void onCheck(const QString& site, const QString& siteKey, const SiteCheckReport& report,
                 const QHash<QString, LivePicture>& pictures, const QHash<QString, LiveSound>& sounds);

    // Forgets what it raised (the lifecycle's alerts withdrawn with it).
    void forget() { m_raised.clear(); }

    // "live:<a hash of the site and the stream key>:black" (or :still, :silent).
    static QString keyFor(const QString& siteKey, const QString& streamKey, const QString& condition);

private:
    AlertLifecycle& m_lifecycle;
    Options m_options;
    struct Raised {
        QString streamKey;
        QString condition;
    };
    // site key -> the alerts raised for its lives and not resolved (key -> what it is about)
    QHash<QString, QHash<QString, Raised>> m_raised;
};

} // namespace avld
