#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor serve --listen ADDR:PORT [--prefix SECRET] [--allow-host H]... [--site URL]
//  [--tls-cert F --tls-key F]`: the stand-in encoder until SIGTERM/SIGINT.
HeadlessCommand serveCommand();

} // namespace avld
