#pragma once

#include "session/siteoverview.h"

namespace avld {

// The one thing an admin should know first, in one sentence, with the one action that fixes it.
struct SiteFinding {
    enum class Action {
        None,
        StartStandIn,    // start the stand-in, then point the site at it
        SwitchToStandIn, // the generator runs: point the site's encoder URL at it
        ClearCaches,     // the encoder works again but the site still serves cached cards
        CheckStreams,    // the streams themselves are broken: nothing on the site side will help
        OpenEncoders,    // look at the encoders page
        Refresh,         // nothing known yet or the site could not be read: try again
    };

    Severity severity = Severity::Unknown;
    QString sentence;
    Action action = Action::None;
    QString actionLabel; // the button's text; empty with Action::None
};

// The site's Encoder URL points at this computer's running stand-in: by port and secret, whatever host name
// or address the site reaches this machine by.
bool siteUsesStandIn(const SiteOverview& overview);

// Most important first: the site cannot be read; lives show cards because the encoder is down (the seed
// case), with or without the stand-in running; the encoder is back but cards remain cached; streams broken;
// all good. `now` words times as "since 14:02" (today) or "since 21 Nov 14:02".
SiteFinding topFinding(const SiteOverview& overview, const QDateTime& now = QDateTime::currentDateTime());

} // namespace avld
