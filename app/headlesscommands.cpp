#include "checkcommand.h"
#include "clearcachecommand.h"
#include "diagnosecommand.h"
#include "encoderscommand.h"
#include "grabcommand.h"
#include "headlesscommand.h"
#include "servecommand.h"
#include "standinurlcommand.h"
#include "verifystandincommand.h"

namespace avld {

QList<HeadlessCommand> headlessCommands() {
    return {grabCommand(),     checkCommand(), diagnoseCommand(),   clearCacheCommand(),
            encodersCommand(), serveCommand(), standinUrlCommand(), verifyStandinCommand()};
}

} // namespace avld
