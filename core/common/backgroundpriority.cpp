#include "backgroundpriority.h"

#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>

namespace avld {

void lowerThisThreadForBackgroundWork() {
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // On Linux, PRIO_PROCESS with a thread id sets that thread alone (a documented departure from POSIX).
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), thisThreadNice() + BackgroundNice);
}

int thisThreadNice() {
    errno = 0; // -1 is a valid nice value: errno tells it from a failure
    const int nice = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
    return errno == 0 ? nice : 0;
}

} // namespace avld
