#include "pdfcommandapplication.h"

#include <QGuiApplication>

namespace avld {

std::unique_ptr<QCoreApplication> pdfCommandApplication(int& argc, char** argv,
                                                        const HeadlessCommand& command) {
    if (!command.mayPrintPdf)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace avld
