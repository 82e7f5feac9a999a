#include "commandline.h"

#include "terminaltext.h"
#include "version.h"

#include <QCommandLineParser>

#include <cstdio>

namespace avld {

namespace {

Build g_build = Build::WithWindow;

QString commandList(const QList<HeadlessCommand>& commands) {
    if (commands.isEmpty())
        return {};
    QString text = QStringLiteral("\nCommands (run '%1 COMMAND --help' for each):\n").arg(programName());
    for (const HeadlessCommand& c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c.name.leftJustified(12), c.summary);
    return text;
}

// What the headless build says where the other one would open its window.
QString noWindowHere() {
    return QStringLiteral(
               "This build has no window (it links no window libraries: for servers and cron); the "
               "desktop window is in %1.")
        .arg(windowProgramName());
}

QString helpText(QCommandLineParser& parser, const QList<HeadlessCommand>& commands) {
    // Qt names the program after argv[0]; the usage line should show the installed name whatever it is.
    const bool withWindow = build() == Build::WithWindow;
    QString text = parser.helpText();
    text = QStringLiteral("Usage: %1 [options]%2")
               .arg(programName(), commands.isEmpty() ? QString()
                                   : withWindow       ? QStringLiteral(" [command] [arguments]")
                                                      : QStringLiteral(" command [arguments]")) +
           text.mid(text.indexOf(QLatin1Char('\n')));
    text += withWindow ? QStringLiteral("\nWithout a command, opens the desktop window.\n")
                       : QLatin1Char('\n') + noWindowHere() + QLatin1Char('\n');
    return text + commandList(commands);
}

CommandLineAction usageError(const QString& message) {
    CommandLineAction action;
    action.kind = CommandLineAction::Kind::Print;
    action.text =
        QStringLiteral("%1: %2\nRun '%1 --help' to see what it accepts.\n").arg(programName(), message);
    action.toStandardError = true;
    action.exitCode = ExitCode::Usage;
    return action;
}

CommandLineAction print(const QString& text) {
    CommandLineAction action;
    action.kind = CommandLineAction::Kind::Print;
    action.text = text;
    return action;
}

// The headless build given no command: what it can do instead, and which program has the window.
CommandLineAction noWindow(const QList<HeadlessCommand>& commands) {
    CommandLineAction action = usageError(QStringLiteral("no command given. ") + noWindowHere());
    action.text.insert(action.text.indexOf(QLatin1Char('\n')) + 1, commandList(commands) + QLatin1Char('\n'));
    return action;
}

} // namespace

void setBuild(Build build) {
    g_build = build;
}

Build build() {
    return g_build;
}

QString programName() {
    return build() == Build::WithWindow ? windowProgramName() : QStringLiteral(AVLD_APP_NAME "-nox");
}

QString windowProgramName() {
    return QStringLiteral(AVLD_APP_NAME);
}

std::optional<int> parseCommandArguments(QCommandLineParser& parser, const QStringList& arguments,
                                         const QString& command, int usageExitCode) {
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s: %s\nRun '%s %s --help' for the options.\n", safePrintable(command),
                     safePrintable(parser.errorText()), safePrintable(programName()), safePrintable(command));
        return usageExitCode;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        // Qt names the program after argv[0]; show the installed name and the command instead.
        const qsizetype options = help.indexOf(QStringLiteral(" [options]"));
        if (help.startsWith(QStringLiteral("Usage: ")) && options > 0)
            help = QStringLiteral("Usage: ") + programName() + QLatin1Char(' ') + command + help.mid(options);
        std::fputs(safePrintable(help), stdout);
        return ExitCode::Ok;
    }
    return std::nullopt;
}

CommandLineAction parseCommandLine(const QStringList& arguments, const QList<HeadlessCommand>& commands) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        AVLD_DISPLAY_NAME
        " " AVLD_VERSION
        " — finds out why an AVideo site's lives show grey ONLINE/OFFLINE cards, and fixes it."));
    // Everything after the command name belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help and exit."));
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the version and exit."));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    if (!commands.isEmpty()) {
        parser.addPositionalArgument(
            QStringLiteral("command"), QStringLiteral("A headless command (see below)."),
            build() == Build::WithWindow ? QStringLiteral("[command]") : QStringLiteral("command"));
    }

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption))
        return print(helpText(parser, commands));
    if (parser.isSet(versionOption))
        return print(QStringLiteral("%1 %2\n").arg(programName(), QStringLiteral(AVLD_VERSION)));

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return build() == Build::WithWindow ? CommandLineAction{} : noWindow(commands);

    const QString& name = positional.first();
    for (const HeadlessCommand& command : commands) {
        if (command.name == name) {
            CommandLineAction action;
            action.kind = CommandLineAction::Kind::RunCommand;
            action.command = &command;
            action.commandArguments = positional;
            return action;
        }
    }
    QStringList known;
    for (const HeadlessCommand& c : commands)
        known << c.name;
    return usageError(
        known.isEmpty()
            ? QStringLiteral("unknown command '%1'; this build has no headless commands yet").arg(name)
            : QStringLiteral("unknown command '%1' (known: %2)").arg(name, known.join(u", ")));
}

} // namespace avld
