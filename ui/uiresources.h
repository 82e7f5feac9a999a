#pragma once

namespace avld {

// Registers the icons compiled into the ui library. The resource lives in a static library, so it
// must be referenced explicitly or the linker drops it. Safe to call more than once.
void initUiResources();

} // namespace avld
