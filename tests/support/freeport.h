#pragma once

#include <QtGlobal>

namespace avld::test {

// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice for port 0).
// Another process can take it before we bind it again: callers retry when binding fails.
quint16 freeLoopbackPort();

} // namespace avld::test
