#pragma once

namespace avld {

// Decoding and encoding run on pool threads a few nice levels below the threads that answer people (the
// stand-in's HTTP thread, the window). On a saturated core the kernel shares time by weight: with four grabs
// and two encodes at one priority, the answering thread got a sixth of the core and its timers fired late
// (bench_keptfresh, 2 000 streams on one core: answers past AVideo's 2 s, p99 3.7 s while the streams were
// new). Five levels lower, three busy pool threads weigh about as much as that one thread. (The README's
// bench_keptfresh figures are before and after this and the cache keeping streams' history.)
//
// Lowers the calling thread by BackgroundNice once (Linux: setpriority on the thread id); later calls on
// the same thread do nothing. A thread's nice value cannot be raised back without privileges, so call it
// only on pool threads, whose work is all in the background, never on a thread that answers people.
inline constexpr int BackgroundNice = 5;
void lowerThisThreadForBackgroundWork();

// The calling thread's nice value (for the tests).
int thisThreadNice();

} // namespace avld
