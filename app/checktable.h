#pragma once

#include "site/sitecheck.h"

#include <QString>

namespace avld {

// The text the `check` command prints for a person: one row per live in fixed columns (titles cleaned and
// elided with "…", never running into the next column) and the findings, every line cleaned of what the
// site may have put in it (control characters, terminal escapes).
class CheckTable {
public:
    static constexpr int kTitleColumns = 28;
    static constexpr int kSiteColumns = 24;
    static constexpr int kStreamColumns = 36; // "black picture, 10.0 s behind live"
    static constexpr int kPictureColumns = 14; // "still 2.0 s", "moving", "black 12 s"

    static QString header(const SiteCheckReport& report, const QUrl& siteUrl);
    static QString rows(const SiteCheckReport& report);
    static QString findings(const SiteCheckReport& report);
};

} // namespace avld
