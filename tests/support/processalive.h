#pragma once

#include <QtGlobal>

namespace avld::test {

// Whether `pid` names a running process: a zombie is not (where nobody reaps orphans, as in some
// containers, a SIGKILLed process stays a zombie and kill(pid, 0) still succeeds).
bool processIsAlive(qint64 pid);

} // namespace avld::test
