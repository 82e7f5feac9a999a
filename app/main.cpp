#include "commandline.h"
#include "headlesscommand.h"
#include "mainwindow.h"
#include "settings.h"
#include "uiresources.h"
#include "version.h"

#include <QApplication>
#include <QCoreApplication>
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
}

QStringList argumentsOf(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    avld::initUiResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    avld::Settings settings(std::make_unique<QSettings>());
    avld::MainWindow window(settings);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char** argv) {
    describeApplication();
    const QList<avld::HeadlessCommand> commands = avld::headlessCommands();
    const avld::CommandLineAction action = avld::parseCommandLine(argumentsOf(argc, argv), commands);

    switch (action.kind) {
    case avld::CommandLineAction::Kind::Print:
        std::fputs(action.text.toLocal8Bit().constData(), action.toStandardError ? stderr : stdout);
        return action.exitCode;
    case avld::CommandLineAction::Kind::RunCommand: {
        QCoreApplication app(argc, argv);
        // A command's output is its report; progress chatter only when asked for (QT_LOGGING_RULES).
        if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
            QLoggingCategory::setFilterRules(QStringLiteral("avld.*.info=false"));
        return action.command->run(action.commandArguments);
    }
    case avld::CommandLineAction::Kind::RunGui:
        break;
    }
    return runGui(argc, argv);
}
