#pragma once

#include "result.h"

#include <QJsonDocument>
#include <QString>

namespace avld {

// What objects/status.json.php says about the site (§3.1): its AVideo version and title. The answer also
// carries the caller's PHPSESSID, which is not kept.
struct SiteStatus {
    QString version{}; // configurations.version, e.g. "11.7"; cleaned of markup and control characters
    QString title{};

    // "bad-answer" when it is not the status object (no version).
    static Result<SiteStatus> fromJson(const QJsonDocument& json);
};

} // namespace avld
