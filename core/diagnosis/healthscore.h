#pragma once

#include "finding.h"
#include "site/livehealth.h"

namespace avld {

// The site's score: 100 less what each finding costs (Finding::scoreCost), never below 0.
HealthScore scoreSite(const QList<Finding>& findings);

} // namespace avld
