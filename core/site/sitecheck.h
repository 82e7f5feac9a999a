#pragma once

#include "liveentry.h"
#include "mediaserverresolver.h"
#include "siteclient.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <optional>

namespace avld {

class FrameGrabber;

struct SiteCheckOptions {
    bool grabStreams = true; // compare with our own frame of each stream
    int grabTimeoutMs = 6000;
    QString userAgent{}; // for the stream requests; empty: the default
    int concurrency = 4; // thumbnails fetched and streams grabbed at once
};

struct SiteCheckReport {
    QDateTime startedAt;
    qint64 elapsedMs = 0;
    QList<LiveEntry> lives;
    std::optional<Error> livesError;   // the site's listing could not be read
    std::optional<Error> statError;    // the media server's stat page could not be read
    MediaServer media;                 // where the streams and the stat page are, and who said so
    std::optional<Error> mediaUnknown; // some streams were not grabbed: nobody said where they are

    Severity overall() const;
    // When the check ended: the moment its lives were seen.
    QDateTime checkedAt() const;
    // The newest segment of `live`'s stream is silent throughout (LiveSound): a warning.
    bool silentNow(const LiveEntry& live) const;
    // The newest segment of `live`'s stream shows the same picture for 2 s or more (LivePicture: still, not
    // black; a black picture is the assessment's BlankStream): a warning.
    bool stillNow(const LiveEntry& live) const;
    // One line per problem, most serious first; a single OK line when nothing is wrong.
    QStringList findings() const;
    int count(ThumbnailClass cls) const;
    QJsonObject toJson() const;
};

// Looks at a site the way a visitor and an expert would: the lives it lists, what the media server receives,
// the thumbnail each tile shows, and a fresh frame of each stream — then says what is wrong.
class SiteCheck : public QObject {
    Q_OBJECT
public:
    // Our own frames are decoded at most this wide (AVideo's live thumbnails are 640x360).
    static constexpr int kOurFrameMaxWidth = 640;

    SiteCheck(SiteClient& site, FrameGrabber& grabber, SiteCheckOptions options = {},
              QObject* parent = nullptr);

    void run(std::function<void(SiteCheckReport)> done);

private:
    void onListings();
    void pump();
    void finishOne();
    void comparePosterFile(qsizetype i);
    void queueAnimatedProofs();

    SiteClient& m_site;
    FrameGrabber& m_grabber;
    SiteCheckOptions m_options;
    std::function<void(SiteCheckReport)> m_done;
    SiteCheckReport m_report;
    qint64 m_startedMs = 0;
    int m_listingsPending = 0;
    std::optional<QList<SiteLive>> m_siteLives;
    std::optional<NginxStat> m_stat;
    std::deque<std::function<void()>> m_jobs;
    int m_running = 0;
    bool m_animatedProofsQueued = false;
};

} // namespace avld
