#pragma once

#include <QString>

namespace avld {

// Text a remote party controls (live titles, server messages, URLs, error bodies), made safe to print on a
// terminal or write to a log: escape sequences (CSI, OSC, DCS and the rest) are dropped whole, other control
// characters (C0 but tab and line feed, DEL, C1) and the bidirectional overrides that reorder what a reader
// sees are removed. A clear-screen, a new window title or colours cannot come through; the words stay.
QString terminalSafe(const QString& text);

// Sends Qt's log messages through terminalSafe() to standard error, in the message pattern set with
// qSetMessagePattern. Handlers installed later (the GUI's log buffer) pass on to it.
void installTerminalSafeLogging();

} // namespace avld

// Like qPrintable, for remote text going to printf and friends.
#define safePrintable(text) avld::terminalSafe(text).toLocal8Bit().constData()
