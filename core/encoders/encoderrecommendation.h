#pragma once

#include "encodermonitor.h"

#include <optional>

namespace avld {

struct EncoderRecommendation {
    EncoderSnapshot current{};                    // the site's configured encoder
    std::optional<EncoderSnapshot> alternative{}; // none when no watched encoder is healthy
    QString text{};                               // what to do and what switching means, for a person
};

// When the site's encoder (origin SiteConfigured) is not online, names the best healthy alternative: real
// frames from the functional probe first, then those tested otherwise, then those only reachable (no live to
// test frames with, never said to give real frames); within each, the lowest getImage latency. The local
// stand-in counts. What switching means comes with it: AVideo's encoder URL also serves video encoding
// (§2.1). nullopt when the site's encoder is online, or unknown to the monitor.
std::optional<EncoderRecommendation> recommendEncoder(const QList<EncoderSnapshot>& encoders);

} // namespace avld
