#include "checkcommand.h"
#include "clearcachecommand.h"
#include "grabcommand.h"
#include "headlesscommand.h"

namespace avld {

QList<HeadlessCommand> headlessCommands() {
    return {grabCommand(), checkCommand(), clearCacheCommand()};
}

} // namespace avld
