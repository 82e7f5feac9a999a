#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor encoders --site URL [--user U] [--encoder URL]... [--public] [--watch] [--json]`
HeadlessCommand encodersCommand();

} // namespace avld
