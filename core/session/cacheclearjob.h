#pragma once

#include "encoderrenew.h"
#include "site/cacheclear.h"
#include "site/sitecheck.h"

#include <QObject>

namespace avld {

struct ThumbnailChange {
    QString key;
    QString title;
    ThumbnailClass before = ThumbnailClass::FetchFailed;
    ThumbnailClass after = ThumbnailClass::FetchFailed;
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
    Bitmap imageBefore{}; // what visitors saw before the clear, and after it
    Bitmap imageAfter{};
};

struct LiveRenewal {
    QString key{};
    QString title{};
    EncoderRenewal renewal{};
};

// Whether the encoder can be asked to renew this live's image: the site lists it (so the site asks the
// encoder for its image) and its stream URL is known.
bool isRenewableOnEncoder(const LiveEntry& live);

// Asks the encoder at `encoderUrl` to regenerate the images of `lives` (renewable ones, see above;
// getImage.php with renew=1 on each live's stream, §1.5) and waits for the new ones. `done` runs once, with
// one entry per live in the same order, unless `renew` is destroyed first.
void renewLivesOnEncoder(EncoderRenew& renew, const QUrl& encoderUrl, const QList<LiveEntry>& lives,
                         std::function<void(QList<LiveRenewal>)> done);

struct CacheClearOutcome {
    Result<CacheClearReport> clear{Error{}};
    QList<LiveRenewal> renewals;    // when the encoder was asked to regenerate the images first
    QList<ThumbnailChange> changed; // lives whose thumbnail differs after the clear
    int unchanged = 0;
};

// Clears the site's caches and checks that it worked: the lives' thumbnails before and after.
class CacheClearJob : public QObject {
    Q_OBJECT
public:
    CacheClearJob(SiteClient& site, FrameGrabber& grabber, QObject* parent = nullptr);
    // Before clearing, ask the encoder at `encoderUrl` to regenerate every live's image (renew=1) and wait
    // for the new ones, so the site fetches fresh frames instead of re-caching the old ones.
    void renewOnEncoderFirst(EncoderRenew* renew, const QUrl& encoderUrl);
    void run(CacheClearMode mode, std::function<void(CacheClearOutcome)> done);

private:
    void clearAndCompare(CacheClearMode mode, SiteCheckReport before, QList<LiveRenewal> renewals,
                         std::function<void(CacheClearOutcome)> done);

    SiteClient& m_site;
    FrameGrabber& m_grabber;
    EncoderRenew* m_renew = nullptr;
    QUrl m_encoderUrl;
};

} // namespace avld
