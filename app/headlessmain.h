#pragma once

#include "commandline.h"
#include "headlesscommand.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace avld {

// Makes the application object `command` runs under; `argc` outlives it.
using CommandApplicationFactory = std::unique_ptr<QCoreApplication> (*)(int& argc, char** argv,
                                                                        const HeadlessCommand& command);

// What the main() of both programs does first, the same for both: names the application (the two share their
// settings, keychain entries and caches), chooses glibc's memory policy, reads the command line and runs a
// headless command, or prints the help, the version or a usage error.
// Returns the exit code, or nullopt when no command was given and the program should open its window (never
// for Build::Headless: that build says it has none and exits with ExitCode::Usage).
// A command runs under a QCoreApplication unless `makeApplication` makes another (the desktop program's
// QGuiApplication for a PDF): the headless program never makes a QGuiApplication.
std::optional<int> runCommandLine(int argc, char** argv, Build build,
                                  CommandApplicationFactory makeApplication = nullptr);

} // namespace avld
