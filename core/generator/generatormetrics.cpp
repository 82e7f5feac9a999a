#include "generatormetrics.h"

#include <QDateTime>

#include <limits>

namespace avld {

namespace {

QByteArray number(double value) {
    return QByteArray::number(value, 'g', 12);
}

QByteArray escaped(const QString& value) {
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

void header(QByteArray& out, const char* name, const char* type, const char* help) {
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

void sample(QByteArray& out, const char* name, qint64 value) {
    out += QByteArray(name) + ' ' + QByteArray::number(value) + '\n';
}

} // namespace

GeneratorMetrics::Histogram::Histogram(QList<double> upperBounds)
    : bounds(std::move(upperBounds))
    , counts(bounds.size() + 1, 0) {}

void GeneratorMetrics::Histogram::observe(double value) {
    qsizetype bucket = 0;
    while (bucket < bounds.size() && value > bounds.at(bucket))
        ++bucket;
    ++counts[bucket];
    sum += value;
    ++count;
}

void GeneratorMetrics::Histogram::write(QByteArray& out, const QByteArray& name) const {
    qint64 cumulative = 0;
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        cumulative += counts.at(i);
        out += name + "_bucket{le=\"" + number(bounds.at(i)) + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    out += name + "_bucket{le=\"+Inf\"} " + QByteArray::number(count) + '\n';
    out += name + "_sum " + number(sum) + '\n';
    out += name + "_count " + QByteArray::number(count) + '\n';
}

QString GeneratorMetrics::sanitiseLabel(const QString& value) {
    QString out;
    for (const QChar c : value.left(48)) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        out += plain ? c : (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ? c.toLower() : QLatin1Char('_');
    }
    return out.isEmpty() ? QStringLiteral("unknown") : out;
}

void GeneratorMetrics::countRequest(const QString& format, const QString& outcome, qint64 durationMs) {
    ++m_requests[{sanitiseLabel(format), sanitiseLabel(outcome)}];
    m_latency.observe(qMax<qint64>(0, durationMs) / 1000.0);
    ++m_totals.requests;
    switch (outcomeKind(outcome)) {
    case OutcomeKind::Image:
        ++m_totals.images;
        m_totals.lastImageAtMs = QDateTime::currentMSecsSinceEpoch();
        break;
    case OutcomeKind::Empty:
        ++m_totals.empty;
        break;
    case OutcomeKind::Overloaded:
        ++m_totals.overloaded;
        break;
    case OutcomeKind::Refused:
        ++m_totals.refused;
        break;
    case OutcomeKind::Neither:
        break;
    }
}

GeneratorMetrics::OutcomeKind GeneratorMetrics::outcomeKind(const QString& outcome) {
    if (outcome == QStringLiteral("image"))
        return OutcomeKind::Image;
    if (outcome == QStringLiteral("empty"))
        return OutcomeKind::Empty;
    if (outcome == QStringLiteral("overloaded"))
        return OutcomeKind::Overloaded;
    if (outcome == QStringLiteral("probe") || outcome == QStringLiteral("probe_image") ||
        outcome == QStringLiteral("status"))
        return OutcomeKind::Neither;
    return OutcomeKind::Refused;
}

void GeneratorMetrics::countGrab(bool ok, const QString& failureReason, bool answeredRequest) {
    ++m_grabs;
    ++m_totals.grabs;
    if (answeredRequest)
        ++m_grabsForRequests;
    if (ok)
        return;
    ++m_totals.grabFailures;
    QString reason = sanitiseLabel(failureReason);
    if (!m_grabFailures.contains(reason) && m_grabFailures.size() >= MaxReasons)
        reason = QStringLiteral("other");
    ++m_grabFailures[reason];
}

void GeneratorMetrics::observeFrameAge(qint64 ageMs, qint64 liveLagMs) {
    m_frameAge.observe(qMax<qint64>(0, ageMs) / 1000.0);
    if (liveLagMs >= 0)
        m_liveLag.observe(liveLagMs / 1000.0);
}

StandInStats GeneratorMetrics::stats() const {
    StandInStats out;
    out.requests = m_totals.requests;
    out.images = m_totals.images;
    out.empty = m_totals.empty;
    out.refused = m_totals.refused;
    out.overloaded = m_totals.overloaded;
    out.cacheHits = m_cacheHits;
    out.cacheMisses = m_cacheMisses;
    out.grabs = m_grabs;
    out.grabFailures = m_totals.grabFailures;
    out.grabFailuresByReason = m_grabFailures;
    return out;
}

LatencyHistogram GeneratorMetrics::latency() const {
    LatencyHistogram out;
    qint64 running = 0;
    for (qsizetype i = 0; i < m_latency.counts.size(); ++i) {
        out.bounds.append(i < m_latency.bounds.size() ? m_latency.bounds.at(i)
                                                      : std::numeric_limits<double>::infinity());
        running += m_latency.counts.at(i);
        out.cumulative.append(running);
    }
    return out;
}

QByteArray GeneratorMetrics::exposition(const Gauges& gauges) const {
    QByteArray out;
    header(out, "avld_generator_requests_total", "counter",
           "Requests answered, by image format (none for other routes) and outcome.");
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += "avld_generator_requests_total{format=\"" + escaped(it.key().first) + "\",outcome=\"" +
               escaped(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';

    header(out, "avld_generator_request_duration_seconds", "histogram",
           "Time from a request's arrival to its answer.");
    m_latency.write(out, "avld_generator_request_duration_seconds");

    header(out, "avld_generator_cache_hits_total", "counter", "Image requests answered from the cache.");
    sample(out, "avld_generator_cache_hits_total", m_cacheHits);
    header(out, "avld_generator_cache_misses_total", "counter",
           "Image requests that found no servable image and waited for a grab.");
    sample(out, "avld_generator_cache_misses_total", m_cacheMisses);
    header(out, "avld_generator_cache_evictions_total", "counter",
           "Cached images and entries dropped for room (the byte cap, the number of streams tracked).");
    sample(out, "avld_generator_cache_evictions_total", gauges.cacheEvictions);

    header(out, "avld_generator_grabs_total", "counter", "Grabs finished, successful or not.");
    sample(out, "avld_generator_grabs_total", m_grabs);
    header(out, "avld_generator_grabs_answering_total", "counter",
           "Grabs finished while a request waited for them (the rest ran ahead of any ask: refreshes of "
           "streams too slow to grab while AVideo waits, animated formats grabbed beside a still).");
    sample(out, "avld_generator_grabs_answering_total", m_grabsForRequests);
    header(out, "avld_generator_grab_failures_total", "counter", "Failed grabs by reason.");
    for (auto it = m_grabFailures.cbegin(); it != m_grabFailures.cend(); ++it)
        out += "avld_generator_grab_failures_total{reason=\"" + escaped(it.key()) + "\"} " +
               QByteArray::number(it.value()) + '\n';

    header(out, "avld_generator_answer_frame_age_seconds", "histogram",
           "Age of the images served (time since their grab).");
    m_frameAge.write(out, "avld_generator_answer_frame_age_seconds");
    header(
        out, "avld_generator_answer_live_lag_seconds", "histogram",
        "How far the images served were behind the live, as far as the media server shows it: their age "
        "plus, at the grab, the frame's distance from the newest segment's end and that segment's age (the "
        "playlist's Last-Modified). What the publisher buffered is not seen: a lower bound.");
    m_liveLag.write(out, "avld_generator_answer_live_lag_seconds");

    header(out, "avld_generator_streams_tracked", "gauge", "Stream and format pairs in the cache.");
    sample(out, "avld_generator_streams_tracked", gauges.streamsTracked);
    header(out, "avld_generator_cache_bytes", "gauge", "Bytes the cache holds.");
    sample(out, "avld_generator_cache_bytes", gauges.cacheBytes);
    header(out, "avld_generator_cache_capacity_bytes", "gauge", "The cache's byte cap.");
    sample(out, "avld_generator_cache_capacity_bytes", gauges.cacheCapBytes);
    header(out, "avld_generator_pending_requests", "gauge", "Requests waiting for an answer.");
    sample(out, "avld_generator_pending_requests", gauges.pendingRequests);
    header(out, "avld_generator_grabs_running", "gauge", "Grabs running now.");
    sample(out, "avld_generator_grabs_running", gauges.grabsRunning);
    header(out, "avld_generator_grabs_queued", "gauge", "Grabs waiting for a worker.");
    sample(out, "avld_generator_grabs_queued", gauges.grabsQueued);
    header(out, "avld_generator_grabs_dropped_from_queue_total", "counter",
           "Queued grabs nobody waited for any more, given up for a request someone waits for (the queue was "
           "full).");
    sample(out, "avld_generator_grabs_dropped_from_queue_total", gauges.grabsDroppedFromQueue);
    header(out, "avld_generator_slow_streams", "gauge",
           "Streams whose last grab outlasted AVideo's wait or timed out (grabbed in the slow lane).");
    sample(out, "avld_generator_slow_streams", gauges.slowStreams);
    header(out, "avld_generator_uptime_seconds", "gauge", "Seconds since the service started.");
    sample(out, "avld_generator_uptime_seconds", gauges.uptimeSeconds);
    return out;
}

} // namespace avld
