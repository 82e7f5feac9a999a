#include "standinmetricsreader.h"

#include "generatormetrics.h"

#include <QHash>
#include <QList>

#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace avld {

namespace {

// One sample line: name{label="value",...} value
struct Sample {
    QByteArray name;
    QHash<QByteArray, QString> labels;
    double value = 0;
};

std::optional<double> parseValue(const QByteArray& text) {
    if (text == "+Inf")
        return std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Labels between the braces; false on a malformed list.
bool parseLabels(const QByteArray& line, qsizetype& at, QHash<QByteArray, QString>& labels) {
    ++at; // '{'
    while (at < line.size() && line.at(at) != '}') {
        const qsizetype equals = line.indexOf('=', at);
        if (equals < 0 || equals + 1 >= line.size() || line.at(equals + 1) != '"')
            return false;
        const QByteArray key = line.mid(at, equals - at).trimmed();
        QByteArray value;
        qsizetype i = equals + 2;
        for (; i < line.size() && line.at(i) != '"'; ++i) {
            if (line.at(i) == '\\' && i + 1 < line.size()) {
                ++i;
                value += line.at(i) == 'n' ? '\n' : line.at(i);
            } else {
                value += line.at(i);
            }
        }
        if (i >= line.size())
            return false;
        labels.insert(key, QString::fromUtf8(value));
        at = i + 1;
        if (at < line.size() && line.at(at) == ',')
            ++at;
        else if (at >= line.size() || line.at(at) != '}')
            return false; // labels are separated by commas
    }
    if (at >= line.size())
        return false;
    ++at; // '}'
    return true;
}

std::optional<Sample> parseLine(const QByteArray& line) {
    Sample sample;
    qsizetype at = 0;
    while (at < line.size() && line.at(at) != '{' && line.at(at) != ' ')
        ++at;
    sample.name = line.left(at);
    if (sample.name.isEmpty())
        return std::nullopt;
    if (at < line.size() && line.at(at) == '{' && !parseLabels(line, at, sample.labels))
        return std::nullopt;
    const QList<QByteArray> rest = line.mid(at).simplified().split(' '); // value [timestamp]
    const std::optional<double> value = parseValue(rest.value(0));
    if (!value)
        return std::nullopt;
    sample.value = *value;
    return sample;
}

qint64 whole(double value) {
    return value >= double(std::numeric_limits<qint64>::max()) ? std::numeric_limits<qint64>::max()
                                                               : qint64(std::max(0.0, value));
}

} // namespace

Status StandInMetricsReader::read(const QByteArray& body, StandInStats& stats, LatencyHistogram& latency) {
    if (body.size() > MaxBodyBytes)
        return Error{QStringLiteral("metrics-too-large"),
                     QStringLiteral("the stand-in's /metrics is %1 kB, far more than a stand-in writes")
                         .arg(body.size() / 1024),
                     QStringLiteral("Check that the URL is the stand-in's Encoder URL.")};
    StandInStats read;
    std::map<double, qint64> buckets; // upper bound → cumulative count
    bool isStandIn = false;
    for (const QByteArray& raw : body.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#') || !line.startsWith("avld_generator_"))
            continue;
        const std::optional<Sample> sample = parseLine(line);
        if (!sample)
            continue;
        const QByteArray& name = sample->name;
        const qint64 count = whole(sample->value);
        if (name == "avld_generator_requests_total") {
            isStandIn = true;
            read.requests += count;
            switch (GeneratorMetrics::outcomeKind(sample->labels.value("outcome"))) {
            case GeneratorMetrics::OutcomeKind::Image:
                read.images += count;
                break;
            case GeneratorMetrics::OutcomeKind::Empty:
                read.empty += count;
                break;
            case GeneratorMetrics::OutcomeKind::Overloaded:
                read.overloaded += count;
                break;
            case GeneratorMetrics::OutcomeKind::Refused:
                read.refused += count;
                break;
            case GeneratorMetrics::OutcomeKind::Neither:
                break;
            }
        } else if (name == "avld_generator_request_duration_seconds_bucket") {
            const std::optional<double> bound = parseValue(sample->labels.value("le").toUtf8());
            if (bound && buckets.size() < 64)
                buckets[*bound] = count;
        } else if (name == "avld_generator_cache_hits_total") {
            read.cacheHits = count;
        } else if (name == "avld_generator_cache_misses_total") {
            read.cacheMisses = count;
        } else if (name == "avld_generator_grabs_total") {
            read.grabs = count;
        } else if (name == "avld_generator_grab_failures_total") {
            read.grabFailures += count;
            if (read.grabFailuresByReason.size() < GeneratorMetrics::MaxReasons)
                read.grabFailuresByReason.insert(
                    GeneratorMetrics::sanitiseLabel(sample->labels.value("reason")), count);
        } else if (name == "avld_generator_streams_tracked") {
            read.streamsTracked = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
        } else if (name == "avld_generator_cache_bytes") {
            read.cacheBytes = count;
        } else if (name == "avld_generator_pending_requests") {
            read.pendingRequests = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
        } else if (name == "avld_generator_grabs_running") {
            read.grabsRunning = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
        } else if (name == "avld_generator_grabs_queued") {
            read.grabsQueued = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
        } else if (name == "avld_generator_slow_streams") {
            read.slowStreams = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
        } else if (name == "avld_generator_uptime_seconds") {
            isStandIn = true;
            read.uptimeMs = count * 1000;
        }
    }
    if (!isStandIn)
        return Error{
            QStringLiteral("not-standin-metrics"), QStringLiteral("the answer is not a stand-in's /metrics"),
            QStringLiteral("Check that the URL is the stand-in's Encoder URL, secret prefix included.")};

    read.presence = stats.presence;
    read.recentRequests = stats.recentRequests;
    read.p50Ms = stats.p50Ms;
    read.p99Ms = stats.p99Ms;
    stats = read;
    latency = {};
    for (const auto& [bound, cumulative] : buckets) {
        latency.bounds.append(bound);
        latency.cumulative.append(cumulative);
    }
    return {};
}

} // namespace avld
