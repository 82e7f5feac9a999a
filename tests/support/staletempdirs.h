#pragma once

#include <QString>

namespace avld::test {

// Marks `directory` as ours: writes our PID into it (owner.pid).
bool claimTempDir(const QString& directory);

// Removes the directories `root`/`prefix`* whose owner.pid names a process that no longer runs: what a
// SIGKILLed fixture left behind. Returns how many it removed.
int removeStaleTempDirs(const QString& root, const QString& prefix);

} // namespace avld::test
