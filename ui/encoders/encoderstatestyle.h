#pragma once

#include "encoders/encodermonitor.h"
#include "encoders/encoderstate.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace avld {

// How an encoder state looks everywhere in the GUI: one colour, a round icon of it, and a word.
QColor encoderStateColor(EncoderState state);
QIcon encoderStateIcon(EncoderState state);
// encoderStateText(state) (core): "online", "degraded", … in the user's language.
// encoderOriginText(origin) (core): "site's encoder", "added", … in the user's language.
// Worst first, for sorting: offline, pending, degraded, unknown, online.
int encoderStateSeverity(EncoderState state);

// The same for one encoder, as a person should read it: an Online encoder whose frames were not tested (no
// live to ask for one) is "reachable", in a neutral slate with a ring for icon, never green "online".
QColor encoderSnapshotColor(const EncoderSnapshot& snapshot);
QIcon encoderSnapshotIcon(const EncoderSnapshot& snapshot);
QString encoderSnapshotText(const EncoderSnapshot& snapshot); // "reachable", or encoderStateText
// Worst first, for sorting: as encoderStateSeverity, with reachable between unknown and online.
int encoderSnapshotSeverity(const EncoderSnapshot& snapshot);

} // namespace avld
