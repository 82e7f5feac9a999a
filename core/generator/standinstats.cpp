#include "standinstats.h"

#include <cmath>
#include <limits>

namespace avld {

LatencyHistogram LatencyHistogram::since(const LatencyHistogram& earlier) const {
    if (earlier.bounds != bounds)
        return *this;
    LatencyHistogram delta = *this;
    for (qsizetype i = 0; i < cumulative.size(); ++i)
        delta.cumulative[i] = qMax<qint64>(0, cumulative.at(i) - earlier.cumulative.at(i));
    return delta;
}

double LatencyHistogram::quantileMs(double q) const {
    const qint64 total = count();
    if (total <= 0 || bounds.isEmpty())
        return -1;
    const double rank = q * double(total);
    qint64 below = 0;
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        const qint64 upTo = cumulative.at(i);
        if (double(upTo) >= rank && upTo > below) {
            const double upper = bounds.at(i);
            if (std::isinf(upper)) // beyond the last finite bound: all we know is "at least that"
                return i > 0 ? bounds.at(i - 1) * 1000.0 : -1;
            const double lower = i > 0 ? bounds.at(i - 1) : 0.0;
            const double inBucket = double(upTo - below);
            return (lower + (upper - lower) * (rank - double(below)) / inBucket) * 1000.0;
        }
        below = upTo;
    }
    return bounds.size() > 1 ? bounds.at(bounds.size() - 2) * 1000.0 : -1;
}

} // namespace avld
