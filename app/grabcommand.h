#pragma once

#include "headlesscommand.h"

namespace avld {

// `avideo-live-doctor grab URL -o FILE [--format jpg|png|webp|gif] [--animated] [--size WxH] [--timeout MS]`
HeadlessCommand grabCommand();

} // namespace avld
