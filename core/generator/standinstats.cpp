#include "standinstats.h"

#include <cmath>
#include <limits>

namespace avld {

namespace {

constexpr char kPrefix[] = "avld_generator_";

// "name{labels} value" → name, the value of `label` (empty without it) and the value.
struct Sample {
    QByteArray name;
    QByteArray labels;
    double value = 0;
};

bool parseLine(const QByteArray& line, Sample& out) {
    if (line.isEmpty() || line.startsWith('#'))
        return false;
    const qsizetype space = line.lastIndexOf(' ');
    if (space <= 0)
        return false;
    bool ok = false;
    const QByteArray valueText = line.mid(space + 1);
    out.value = valueText == "+Inf" ? std::numeric_limits<double>::infinity() : valueText.toDouble(&ok);
    if (!ok && valueText != "+Inf")
        return false;
    const QByteArray series = line.left(space);
    const qsizetype brace = series.indexOf('{');
    out.name = brace < 0 ? series : series.left(brace);
    out.labels = brace < 0 ? QByteArray() : series.mid(brace + 1, series.size() - brace - 2);
    return true;
}

QString label(const QByteArray& labels, const char* name) {
    const QByteArray key = QByteArray(name) + "=\"";
    qsizetype start = labels.indexOf(key);
    if (start < 0)
        return {};
    start += key.size();
    const qsizetype end = labels.indexOf('"', start);
    return QString::fromUtf8(labels.mid(start, end - start));
}

void addOutcome(StandInStats& stats, const QString& outcome, qint64 count) {
    stats.requests += count;
    if (outcome == QStringLiteral("image"))
        stats.images += count;
    else if (outcome == QStringLiteral("empty"))
        stats.empty += count;
    else if (outcome == QStringLiteral("overloaded"))
        stats.overloaded += count;
    else if (outcome != QStringLiteral("probe"))
        stats.refused += count;
}

} // namespace

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

StandInMetricsSample StandInMetricsSample::parse(const QByteArray& prometheusText) {
    StandInMetricsSample out;
    StandInStats& s = out.totals;
    for (const QByteArray& line : prometheusText.split('\n')) {
        Sample sample;
        if (!parseLine(line, sample) || !sample.name.startsWith(kPrefix))
            continue;
        const QByteArray name = sample.name.mid(sizeof(kPrefix) - 1);
        const auto count = qint64(sample.value);
        if (name == "requests_total") {
            addOutcome(s, label(sample.labels, "outcome"), count);
        } else if (name == "request_duration_seconds_bucket") {
            const QString le = label(sample.labels, "le");
            out.latency.bounds.append(le == QStringLiteral("+Inf") ? std::numeric_limits<double>::infinity()
                                                                   : le.toDouble());
            out.latency.cumulative.append(count);
        } else if (name == "cache_hits_total") {
            s.cacheHits = count;
        } else if (name == "cache_misses_total") {
            s.cacheMisses = count;
        } else if (name == "grabs_total") {
            s.grabs = count;
        } else if (name == "grab_failures_total") {
            s.grabFailuresByReason.insert(label(sample.labels, "reason"), count);
            s.grabFailures += count;
        } else if (name == "streams_tracked") {
            s.streamsTracked = int(count);
        } else if (name == "cache_bytes") {
            s.cacheBytes = count;
        } else if (name == "pending_requests") {
            s.pendingRequests = int(count);
        } else if (name == "grabs_running") {
            s.grabsRunning = int(count);
        } else if (name == "grabs_queued") {
            s.grabsQueued = int(count);
        }
    }
    return out;
}

} // namespace avld
