#include "memorypolicy.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace avld {

void returnLargeBuffersToTheSystem() {
#if defined(__GLIBC__)
    // A fixed threshold also turns off glibc's dynamic adjustment of it.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    // One heap per worker thread by default (8 x cores): a few are enough for our pools.
    mallopt(M_ARENA_MAX, 4);
#endif
}

} // namespace avld
