#pragma once

#include "commandline.h"

#include <optional>

namespace avld {

// What the main() of both programs does first, the same for both: names the application (the two share their
// settings, keychain entries and caches), chooses glibc's memory policy, reads the command line and runs a
// headless command, or prints the help, the version or a usage error.
// Returns the exit code, or nullopt when no command was given and the program should open its window (never
// for Build::Headless: that build says it has none and exits with ExitCode::Usage).
std::optional<int> runCommandLine(int argc, char** argv, Build build);

} // namespace avld
