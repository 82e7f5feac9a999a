#include "memorypolicy.h"

#include <cstdlib> // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace avld {

void returnLargeBuffersToTheSystem() {
#if defined(__GLIBC__)
    // A fixed threshold also turns off glibc's dynamic raising of it.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    // Give freed memory at the top of a heap back once a megabyte is free, not 128 kB.
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
    // One heap per worker thread by default (8 x cores); two are enough for our pools.
    mallopt(M_ARENA_MAX, 2);
#endif
}

} // namespace avld
