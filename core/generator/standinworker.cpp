#include "standinworker.h"

#include "logging.h"
#include "thumbnailservice.h"

#include <QThread>

namespace avld {

StandInWorker::StandInWorker()
    : m_statsTimer(this) {
    m_statsTimer.setInterval(StatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &StandInWorker::sample);
}

StandInWorker::~StandInWorker() {
    if (m_service)
        m_service->stop();
}

void StandInWorker::start(const GeneratorConfig& config) {
    m_service = std::make_unique<ThumbnailService>(config);
    if (const Status error = m_service->start(); !error.ok()) {
        m_service.reset();
        Q_EMIT failed(error.error());
        thread()->quit();
        return;
    }
    m_lastLatency = m_service->latency();
    m_statsTimer.start();
    Q_EMIT started(m_service->baseUrl(), m_service->port());
}

void StandInWorker::stop() {
    if (m_stopping)
        return;
    m_stopping = true;
    m_statsTimer.stop();
    if (!m_service) {
        finishStop();
        return;
    }
    sample(); // the last counts, waiting requests included
    m_service->stop();
    QTimer::singleShot(DrainMs, this, &StandInWorker::finishStop);
}

void StandInWorker::finishStop() {
    m_service.reset();
    Q_EMIT stopped();
    thread()->quit();
}

StandinPresence StandInWorker::presence() const {
    return m_service ? m_service->presence() : StandinPresence{};
}

void StandInWorker::sample() {
    if (!m_service)
        return;
    StandInStats stats = m_service->stats();
    const LatencyHistogram latency = m_service->latency();
    const LatencyHistogram recent = latency.since(m_lastLatency);
    m_lastLatency = latency;
    stats.recentRequests = recent.count();
    stats.p50Ms = recent.quantileMs(0.5);
    stats.p99Ms = recent.quantileMs(0.99);
    Q_EMIT statsUpdated(stats);
}

} // namespace avld
