#pragma once

#include "generatorconfig.h"
#include "result.h"
#include "standinstats.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace avld {

class ThumbnailService;

// Runs one ThumbnailService on the thread it lives on (StandInController's worker thread): starts it, samples
// its counters once a second, stops it and then ends its thread. Internal to StandInController.
class StandInWorker : public QObject {
    Q_OBJECT
public:
    static constexpr int StatsIntervalMs = 1000;
    // After stop(), how long the answers given to waiting requests get to leave before the service goes.
    static constexpr int DrainMs = 100;

    StandInWorker();
    ~StandInWorker() override;

    // Both on the worker thread (QMetaObject::invokeMethod). start() ends the thread when it fails; stop()
    // when the service is gone.
    void start(const GeneratorConfig& config);
    void stop();
    // The running service's presence (an empty one when none runs). On the worker thread.
    StandinPresence presence() const;

Q_SIGNALS:
    void started(const QUrl& baseUrl, quint16 port);
    void failed(const avld::Error& error);
    void statsUpdated(const avld::StandInStats& stats);
    void stopped();

private:
    void sample();
    void finishStop();

    std::unique_ptr<ThumbnailService> m_service;
    QTimer m_statsTimer; // a child: moves to the worker thread with this
    LatencyHistogram m_lastLatency;
    bool m_stopping = false;
};

} // namespace avld
