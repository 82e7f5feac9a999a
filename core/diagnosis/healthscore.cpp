#include "healthscore.h"

namespace avld {

HealthScore scoreSite(const QList<Finding>& findings) {
    QList<HealthScore::Cost> costs;
    for (const Finding& finding : findings)
        if (finding.scoreCost > 0)
            costs.append({finding.scoreCost, finding.sentence});
    return HealthScore::fromCosts(std::move(costs));
}

} // namespace avld
