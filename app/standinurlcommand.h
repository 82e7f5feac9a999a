#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor standin-url --listen ADDR:PORT [--prefix SECRET] [--tls] [--public-host HOST]
// [--site URL]`: the Encoder URL(s) to give AVideo for the stand-in, and how.
HeadlessCommand standinUrlCommand();

} // namespace avld
