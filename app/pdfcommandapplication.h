#pragma once

#include "headlesscommand.h"

#include <QCoreApplication>

#include <memory>

namespace avld {

// The desktop program's application for a headless command: a QGuiApplication on the offscreen platform (no
// display needed) for a command that may print a PDF (fonts, QPdfWriter), else a QCoreApplication. Only the
// desktop program decides so: the headless one links no Qt Gui and prints no PDF.
std::unique_ptr<QCoreApplication> pdfCommandApplication(int& argc, char** argv,
                                                        const HeadlessCommand& command);

} // namespace avld
