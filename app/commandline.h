#pragma once

#include "headlesscommand.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace avld {

// Exit codes shared by every command. Monitoring commands (check) use the Nagios range 0-3 for their verdict;
// a wrong invocation uses EX_USAGE from sysexits.h so it can never be mistaken for a verdict.
namespace ExitCode {
inline constexpr int Ok = 0;
inline constexpr int Usage = 64;
} // namespace ExitCode

// What main() should do after reading the arguments.
struct CommandLineAction {
    enum class Kind {
        RunGui,     // no command: open the main window (never in the Headless build: a usage error there)
        RunCommand, // a headless sub-command: run `command` with `commandArguments`
        Print,      // --help, --version or a usage error: print `text` and exit with `exitCode`
    };
    Kind kind = Kind::RunGui;
    const HeadlessCommand* command = nullptr;
    QStringList commandArguments;
    QString text;
    bool toStandardError = false;
    int exitCode = ExitCode::Ok;
};

// Which program reads the command line. Both run the same headless commands; without a command,
// `avideo-live-doctor` opens its window, while `avideo-live-doctor-nox` (servers, cron) links no window
// libraries at all and says so. Set once by main() before anything is parsed; the window's by default.
enum class Build {
    WithWindow, // avideo-live-doctor
    Headless,   // avideo-live-doctor-nox
};
void setBuild(Build build);
Build build();
// The installed name of the program running: what usage lines and suggested commands show.
QString programName();
// The program that has the window, whichever runs.
QString windowProgramName();

// Parses a sub-command's own arguments (the command name first). Prints the help or the parse error itself
// and returns the exit code to stop with; returns nullopt when the command should go on.
std::optional<int> parseCommandArguments(QCommandLineParser& parser, const QStringList& arguments,
                                         const QString& command, int usageExitCode = ExitCode::Usage);

// Reads the program's arguments (argv[0] first). `commands` must outlive the returned action.
CommandLineAction parseCommandLine(const QStringList& arguments, const QList<HeadlessCommand>& commands);

} // namespace avld
