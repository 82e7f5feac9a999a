#pragma once

namespace avld {

// Sends FFmpeg's own log lines to the avld.media category at debug level instead of
// stderr, so a corrupt segment does not spray the terminal. Safe to call from any thread, any number of
// times.
void installFfmpegLogHandler();

} // namespace avld
