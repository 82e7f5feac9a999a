#pragma once

#include "result.h"

#include <QJsonDocument>
#include <QString>

namespace avld {

enum class CacheClearMode { Full, FirstPage, SessionOnly };

// What objects/configurationClearCache.json.php says it cleared (§4.2).
struct CacheClearReport {
    CacheClearMode requested = CacheClearMode::Full;
    bool siteCache = false; // clearCache: videos/cache, ObjectYPT, … (live images and stats among them)
    bool allObjectCache = false; // deleteALLCache
    bool sessionCache = false;   // deleteAllSessionCache
    bool firstPage = false;      // firstPageCache
    QString message;             // the site's msg

    QString describe() const;
    // Reads the answer. Fails with "permission-denied" when a full or first-page clear was asked for but the
    // site only cleared the caller's session cache (the account lacks the Clear Cache permission).
    static Result<CacheClearReport> fromJson(const QJsonDocument& json, CacheClearMode requested);
};

QString cacheClearModeName(CacheClearMode mode);

} // namespace avld
