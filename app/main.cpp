#include "guistartup.h"
#include "headlessmain.h"
#include "pdfcommandapplication.h"
#include "reportpdf/qtpdfprinter.h"

#include <optional>

// avideo-live-doctor: the window by default, and the headless commands as avideo-live-doctor-nox runs them
// (noxmain.cpp), for compatibility; servers and cron should run that one, which loads no window libraries.
// This one also prints reports to PDF, from the window and from `diagnose --report FILE.pdf`.
int main(int argc, char** argv) {
    avld::installQtPdfPrinter();
    if (const std::optional<int> exitCode =
            avld::runCommandLine(argc, argv, avld::Build::WithWindow, avld::pdfCommandApplication))
        return *exitCode;
    return avld::runGui(argc, argv);
}
