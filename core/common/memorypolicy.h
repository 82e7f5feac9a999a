#pragma once

namespace avld {

// glibc's malloc is tuned for one of two jobs; call one of these first in main(), before any thread starts.

// For the window: makes glibc hand large buffers (decoded frames, tile pictures: hundreds of kB each) back to
// the system when they are freed. By default glibc raises its mmap threshold after the first such free, and
// from then on serves them from heaps it keeps: the app's resident memory then grows with every refresh
// although the live data stays the same.
void returnLargeBuffersToTheSystem();

// For the headless commands, above all `serve`: keeps freed memory in glibc's heaps for the next grab. A clip
// for an animated thumbnail passes about 90 MB through malloc (decoder pictures, converted frames, libwebp's
// and the palette filters' work buffers); handed back to the system after each clip, every page of it faults
// in again on the next one: about 22 000 page faults and half the CPU time of a first webp answer on a
// virtual machine (bench_animated prints the two side by side). The price is resident memory: the heaps keep
// up to 64 MB free for reuse.
void keepFreedMemoryForReuse();

} // namespace avld
