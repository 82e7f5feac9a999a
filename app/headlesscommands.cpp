#include "headlesscommand.h"

namespace avld {

QList<HeadlessCommand> headlessCommands() {
    return {};
}

} // namespace avld
