#pragma once

#include "encoders/encoderstate.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace avld {

// How an encoder state looks everywhere in the GUI: one colour, a round icon of it, and a word.
QColor encoderStateColor(EncoderState state);
QIcon encoderStateIcon(EncoderState state);
QString encoderStateText(EncoderState state); // "online", "degraded", …
// Worst first, for sorting: offline, pending, degraded, unknown, online.
int encoderStateSeverity(EncoderState state);

} // namespace avld
