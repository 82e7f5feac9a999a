#include "headlessmain.h"

#include "headlesscommand.h"
#include "memorypolicy.h"
#include "terminaltext.h"
#include "version.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

namespace avld {

namespace {

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral(AVLD_APP_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(AVLD_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("AVideoLiveDoctor"));
    qSetMessagePattern(
        QStringLiteral("%{time hh:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: %{message}"));
    installTerminalSafeLogging(); // log lines quote remote text: no escape sequence reaches the terminal
}

QStringList argumentsOf(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

int runCommand(int argc, char** argv, const CommandLineAction& action,
               CommandApplicationFactory makeApplication) {
    keepFreedMemoryForReuse(); // no window to keep small; the stand-in's speed comes first
    const std::unique_ptr<QCoreApplication> app = makeApplication
                                                      ? makeApplication(argc, argv, *action.command)
                                                      : std::make_unique<QCoreApplication>(argc, argv);
    // A command's output is its report; progress chatter only when asked for (QT_LOGGING_RULES).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("avld.*.info=false"));
    return action.command->run(action.commandArguments);
}

} // namespace

std::optional<int> runCommandLine(int argc, char** argv, Build build,
                                  CommandApplicationFactory makeApplication) {
    returnLargeBuffersToTheSystem();
    setBuild(build);
    describeApplication();
    const QList<HeadlessCommand> commands = headlessCommands();
    const CommandLineAction action = parseCommandLine(argumentsOf(argc, argv), commands);

    switch (action.kind) {
    case CommandLineAction::Kind::Print:
        std::fputs(action.text.toLocal8Bit().constData(), action.toStandardError ? stderr : stdout);
        return action.exitCode;
    case CommandLineAction::Kind::RunCommand:
        return runCommand(argc, argv, action, makeApplication);
    case CommandLineAction::Kind::RunGui:
        break;
    }
    if (build == Build::Headless) // parseCommandLine says so itself; a guard should the two ever disagree
        return ExitCode::Usage;
    return std::nullopt;
}

} // namespace avld
