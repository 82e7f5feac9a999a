#include "commandline.h"
#include "guistartup.h"
#include "headlesscommand.h"
#include "memorypolicy.h"
#include "terminaltext.h"
#include "version.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

namespace {

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral(AVLD_APP_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(AVLD_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("AVideoLiveDoctor"));
    qSetMessagePattern(
        QStringLiteral("%{time hh:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: %{message}"));
    avld::installTerminalSafeLogging(); // log lines quote remote text: no escape sequence reaches the
                                        // terminal
}

QStringList argumentsOf(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

int main(int argc, char** argv) {
    avld::returnLargeBuffersToTheSystem();
    describeApplication();
    const QList<avld::HeadlessCommand> commands = avld::headlessCommands();
    const avld::CommandLineAction action = avld::parseCommandLine(argumentsOf(argc, argv), commands);

    switch (action.kind) {
    case avld::CommandLineAction::Kind::Print:
        std::fputs(action.text.toLocal8Bit().constData(), action.toStandardError ? stderr : stdout);
        return action.exitCode;
    case avld::CommandLineAction::Kind::RunCommand: {
        avld::keepFreedMemoryForReuse(); // no window to keep small; the stand-in's speed comes first
        // Fonts need a QGuiApplication; the offscreen platform needs no display.
        if (action.command->drawsText && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        std::unique_ptr<QCoreApplication> app = action.command->drawsText
                                                    ? std::make_unique<QGuiApplication>(argc, argv)
                                                    : std::make_unique<QCoreApplication>(argc, argv);
        // A command's output is its report; progress chatter only when asked for (QT_LOGGING_RULES).
        if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
            QLoggingCategory::setFilterRules(QStringLiteral("avld.*.info=false"));
        return action.command->run(action.commandArguments);
    }
    case avld::CommandLineAction::Kind::RunGui:
        break;
    }
    return avld::runGui(argc, argv);
}
