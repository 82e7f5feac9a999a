#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor check --site URL [--user U] [--json] [--no-grab]`; Nagios exit codes.
HeadlessCommand checkCommand();

} // namespace avld
