#pragma once

#include "alertoptions.h"
#include "alerts/alertdelivery.h"
#include "alerts/alertlifecycle.h"
#include "alerts/encoderalerts.h"

#include <QObject>
#include <QTimer>

namespace avld {

class Clock;
class EncoderMonitor;
class TimedHttpClient;

// The alerts of `encoders --watch`: the monitor's alerts through the lifecycle to every --alert channel.
// A message a channel did not take is said on standard error (and counted), never dropped silently.
class CommandAlerts : public QObject {
    Q_OBJECT
public:
    CommandAlerts(const AlertSetup& setup, TimedHttpClient& http, const Clock& clock,
                  QObject* parent = nullptr);

    // Fails when a channel cannot be made (its settings or secret); nothing is sent then.
    Status start(EncoderMonitor& monitor);
    int failed() const { return m_delivery.failedTotal(); }

    // --test-alert: one test message to each channel; says on standard output how each went. 0 when every
    // channel took it, 1 otherwise.
    static int sendTest(const AlertSetup& setup, TimedHttpClient& http, const Clock& clock);

private:
    Status makeChannels();

    AlertSetup m_setup;
    TimedHttpClient& m_http;
    AlertLifecycle m_lifecycle;
    AlertDelivery m_delivery;
    EncoderAlerts m_encoders;
    QTimer m_tick;
    bool m_reportFailures = true;
};

} // namespace avld
