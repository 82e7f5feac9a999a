#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor verify-standin --site URL [--user U] [--standin URL]`: does the site now serve the
// stand-in's frames? Exit 0 for every live, 1 for some, 2 for none, 3 when it could not check.
HeadlessCommand verifyStandinCommand();

} // namespace avld
