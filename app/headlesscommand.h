#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace avld {

// A sub-command that runs without a screen (grab, check, serve, ...). It receives its own arguments,
// the command name first, and returns the process exit code.
struct HeadlessCommand {
    QString name;
    QString summary;
    std::function<int(const QStringList& arguments)> run;
    // May print a PDF report, which needs Qt Gui: the desktop program runs it under a QGuiApplication on the
    // offscreen platform (pdfcommandapplication.h); the headless program has no PDF printer and refuses .pdf.
    bool mayPrintPdf = false;
};

// The commands this build offers, in the order --help lists them.
QList<HeadlessCommand> headlessCommands();

} // namespace avld
