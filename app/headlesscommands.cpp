#include "checkcommand.h"
#include "clearcachecommand.h"
#include "encoderscommand.h"
#include "grabcommand.h"
#include "headlesscommand.h"

namespace avld {

QList<HeadlessCommand> headlessCommands() {
    return {grabCommand(), checkCommand(), clearCacheCommand(), encodersCommand()};
}

} // namespace avld
