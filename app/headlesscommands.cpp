#include "grabcommand.h"
#include "headlesscommand.h"

namespace avld {

QList<HeadlessCommand> headlessCommands() {
    return {grabCommand()};
}

} // namespace avld
