#pragma once

#include "encoders/encodermonitor.h"
#include "site/sitecheck.h"

#include <QDateTime>
#include <QUrl>

#include <optional>

namespace avld {

// Everything the dashboard summarises, gathered by the app from the site check, the encoder watch and the
// stand-in controller.
struct SiteOverview {
    QString siteName{};
    std::optional<SiteCheckReport> report; // none until the first check ended
    QList<EncoderSnapshot> encoders{};
    QUrl siteEncoderUrl{}; // what the site asks for thumbnails; empty when unknown (not signed in as admin)
    bool standInRunning = false;
    QUrl standInUrl{}; // the encoder URL to give AVideo while it runs
};

// The dashboard's tallies.
struct OverviewCounts {
    int lives = 0;
    int realThumbnails = 0;
    int onlineCards = 0;
    int offlineCards = 0;
    int otherPlaceholders = 0; // encoder placeholders, waiting loops, blank pictures, failed fetches
    int encodersOnline = 0;
    int encodersDegraded = 0;
    int encodersOffline = 0;
    int encodersUnknown = 0; // unknown or still confirming (pending)
};

OverviewCounts countOverview(const SiteOverview& overview);

// Encoder URLs compare without their trailing slash (AVideo adds one).
bool sameEncoderUrl(const QUrl& a, const QUrl& b);

// The site's own encoder among the watched ones (same URL, ignoring a trailing slash), if watched.
const EncoderSnapshot* siteEncoderSnapshot(const SiteOverview& overview);

} // namespace avld
