#pragma once

#include "encodermonitor.h"

namespace avld {

// Whether the last probe asked the encoder for a frame of a live (the functional probe ran). Without a live
// to ask for, an encoder that passes the cheap probes stays Online for the monitor, so that lives starting
// and stopping do not alert, but for a person it is only "reachable; frames not tested".
bool encoderFramesTested(const EncoderSnapshot& snapshot);

// Online, but its frames were not tested: shown as "reachable", never as "online", and not recommended as
// giving real frames.
bool encoderOnlyReachable(const EncoderSnapshot& snapshot);

} // namespace avld
