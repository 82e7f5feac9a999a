#pragma once

namespace avld {

// Makes glibc hand large buffers (decoded frames, tile pictures: hundreds of kB each) back to the system
// when they are freed. By default glibc raises its mmap threshold after the first such free, and from then on
// serves them from heaps it keeps: the app's resident memory then grows with every refresh although the live
// data stays the same. Call once, first thing in main().
void returnLargeBuffersToTheSystem();

} // namespace avld
