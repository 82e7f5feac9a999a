#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor clear-cache --site URL --user U [--first-page|--session]`
HeadlessCommand clearCacheCommand();

} // namespace avld
