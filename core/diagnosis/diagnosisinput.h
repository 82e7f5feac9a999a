#pragma once

#include "encoders/encoderseries.h"
#include "generator/standinstats.h"
#include "generator/standinverification.h"
#include "session/siteoverview.h"
#include "session/siteworkspace.h"
#include "site/livepicture.h"
#include "site/livesound.h"
#include "site/logininfo.h"
#include "site/sitestatus.h"

#include <QDateTime>
#include <QHash>
#include <QUrl>

#include <optional>

namespace avld {

// Everything a diagnosis looks at, gathered by DiagnosisRun (or by a test). Nothing here is fetched: the
// checks are pure functions of it.
struct DiagnosisInput {
    SiteOverview overview{}; // the site check, the watched encoders (freshly probed), the stand-in's URL
    QUrl siteUrl{};
    std::optional<Result<SiteStatus>> siteStatus{};          // objects/status.json.php, when it was read
    std::optional<LoginInfo> login{};                        // signed in as this account
    std::optional<Error> signInProblem{};                    // tried and failed
    std::optional<Error> encoderUrlProblem{};                // the Encoder URL could not be read (signed in)
    std::optional<StandinVerificationReport> verification{}; // when the stand-in runs and was verified
    std::optional<StandInStats> standInStats{};
    std::optional<CacheClearRecord> lastCacheClear{};
    bool watchRunning = false;   // this tool keeps probing the encoders (the window, `encoders --watch`)
    QStringList alertChannels{}; // where alerts go: "desktop notifications", "webhook", …
    QList<EncoderHistorySpan> lastDay{}; // the history of every encoder it knows, for the report's charts
    QList<EncoderHistorySpan> lastWeek{};
    QList<WorkspaceEvent> events{}; // what happened and what was done, oldest first
    // Each live's sound followed across the checks (SilenceTracker), by key. A live missing here is judged
    // from the newest check alone: its newest segment.
    QHash<QString, LiveSound> sounds{};
    // Each live's picture followed across the checks (PictureTracker), by key. A live missing here is judged
    // from the newest check alone: its newest segment.
    QHash<QString, LivePicture> pictures{};
    QDateTime now{};
};

} // namespace avld
