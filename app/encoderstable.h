#pragma once

#include "encoders/encodermonitor.h"

#include <QString>

namespace avld {

// The text the `encoders` command prints: one block per encoder (state, reason, latency phases, status,
// certificate, uptime), and one line per state change while watching.
QString encoderBlock(const EncoderSnapshot& snapshot);
// "REACHABLE" for an Online encoder whose frames were not tested (encoderOnlyReachable), else the state's
// name in capitals.
QString encoderStateLabel(const EncoderSnapshot& snapshot);
QString stateChangeLine(const EncoderStateChange& change, const EncoderTarget& target);

} // namespace avld
