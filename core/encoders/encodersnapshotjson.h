#pragma once

#include "encodermonitor.h"
#include "encoderrecommendation.h"

#include <QJsonObject>

namespace avld {

// Stable JSON for scripts and monitoring systems (`encoders --json`): one object per encoder.
// "state" is the monitor's; "framesTested" false beside "online" means only reachable (no live to test).
QJsonObject encoderSnapshotToJson(const EncoderSnapshot& snapshot);
QJsonObject encoderRecommendationToJson(const EncoderRecommendation& recommendation);

} // namespace avld
