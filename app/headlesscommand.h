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
    // Draws text (report charts, PDFs): runs under a QGuiApplication on the offscreen platform, no display.
    bool drawsText = false;
};

// The commands this build offers, in the order --help lists them.
QList<HeadlessCommand> headlessCommands();

} // namespace avld
