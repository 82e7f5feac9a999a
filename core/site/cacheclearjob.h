#pragma once

#include "cacheclear.h"
#include "sitecheck.h"

#include <QObject>

namespace avld {

struct ThumbnailChange {
    QString key;
    QString title;
    ThumbnailClass before = ThumbnailClass::FetchFailed;
    ThumbnailClass after = ThumbnailClass::FetchFailed;
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
};

struct CacheClearOutcome {
    Result<CacheClearReport> clear{Error{}};
    QList<ThumbnailChange> changed; // lives whose thumbnail differs after the clear
    int unchanged = 0;
};

// Clears the site's caches and checks that it worked: the lives' thumbnails before and after.
class CacheClearJob : public QObject {
    Q_OBJECT
public:
    CacheClearJob(SiteClient& site, FrameGrabber& grabber, QObject* parent = nullptr);
    void run(CacheClearMode mode, std::function<void(CacheClearOutcome)> done);

private:
    SiteClient& m_site;
    FrameGrabber& m_grabber;
};

} // namespace avld
