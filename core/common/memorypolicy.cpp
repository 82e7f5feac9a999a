#include "memorypolicy.h"

#include <cstdlib> // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace avld {

namespace {
constexpr int kMiB = 1024 * 1024;
}

void returnLargeBuffersToTheSystem() {
#if defined(__GLIBC__)
    // A fixed threshold also turns off glibc's dynamic raising of it.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    // Give freed memory at the top of a heap back once a megabyte is free, not 128 kB.
    mallopt(M_TRIM_THRESHOLD, kMiB);
    // glibc's default slack, set again so that a process can switch between the policies (the benchmark
    // does).
    mallopt(M_TOP_PAD, 128 * 1024);
    // One heap per worker thread by default (8 x cores); two are enough for our pools.
    mallopt(M_ARENA_MAX, 2);
#endif
}

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    // Pictures and work buffers (up to a 1080p frame's 8 MB) come from the heaps, not from mmap: a heap
    // reuses a freed buffer without faulting its pages in again.
    mallopt(M_MMAP_THRESHOLD, 16 * kMiB);
    // A heap gives memory back only when 64 MB at its top are free, and keeps 64 MB of slack when it grows or
    // shrinks. (The slack is what stops the worker threads' heaps, which glibc trims on every free, from
    // giving back what the next clip needs: the trim threshold alone did not.)
    mallopt(M_TRIM_THRESHOLD, 64 * kMiB);
    mallopt(M_TOP_PAD, 64 * kMiB);
    mallopt(M_ARENA_MAX, 2);
#endif
}

} // namespace avld
