#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor diagnose --site URL [--user U] [--report FILE.html|FILE.pdf] [--json]`: the expert's
// checklist over the site, its lives, its encoder and the backups; Nagios exit codes.
HeadlessCommand diagnoseCommand();

} // namespace avld
