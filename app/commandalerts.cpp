#include "commandalerts.h"

#include "clock.h"
#include "encoders/encodermonitor.h"
#include "terminaltext.h"

#include <QEventLoop>

#include <cstdio>

namespace avld {

CommandAlerts::CommandAlerts(const AlertSetup& setup, TimedHttpClient& http, const Clock& clock,
                             QObject* parent)
    : QObject(parent)
    , m_setup(setup)
    , m_http(http)
    , m_lifecycle(clock, setup.policy)
    , m_encoders(m_lifecycle) {
    connect(&m_lifecycle, &AlertLifecycle::message, this,
            [this](const AlertMessage& message) { m_delivery.send(message); });
    connect(&m_delivery, &AlertDelivery::failed, this,
            [this](int, quint64, const AlertMessage&, const QString& reason) {
                if (!m_reportFailures)
                    return;
                std::fprintf(stderr, "encoders: alert not delivered: %s\n", safePrintable(reason));
                std::fflush(stderr);
            });
    m_tick.setInterval(15'000);
    connect(&m_tick, &QTimer::timeout, &m_lifecycle, &AlertLifecycle::tick);
}

Status CommandAlerts::makeChannels() {
    for (const AlertChannelConfig& config : std::as_const(m_setup.channels)) {
        Result<std::unique_ptr<AlertChannel>> channel =
            config.makeChannel(m_http, m_setup.secrets.value(config.id));
        if (!channel)
            return channel.error();
        m_delivery.addChannel(std::move(channel).value());
    }
    return {};
}

Status CommandAlerts::start(EncoderMonitor& monitor) {
    if (const Status made = makeChannels(); !made.ok())
        return made;
    connect(&monitor, &EncoderMonitor::probed, this,
            [this](const EncoderProbeReport& report) { m_encoders.noteProbe(report); });
    connect(&monitor, &EncoderMonitor::alert, this,
            [this](const EncoderStateChange& change, const EncoderTarget& target) {
                m_encoders.onAlert(change, target);
            });
    m_tick.start();
    return {};
}

int CommandAlerts::sendTest(const AlertSetup& setup, TimedHttpClient& http, const Clock& clock) {
    CommandAlerts alerts(setup, http, clock);
    if (const Status made = alerts.makeChannels(); !made.ok()) {
        std::fprintf(stderr, "encoders: %s\n", safePrintable(made.error().toString()));
        return 1;
    }
    QEventLoop loop;
    int pending = int(alerts.m_delivery.channelIds().size());
    int failures = 0;
    auto finished = [&] {
        if (--pending == 0)
            loop.quit();
    };
    connect(&alerts.m_delivery, &AlertDelivery::delivered, &loop, [&](int id, quint64, const AlertMessage&) {
        std::printf("%s: delivered\n", safePrintable(alerts.m_delivery.channel(id)->label()));
        std::fflush(stdout);
        finished();
    });
    connect(&alerts.m_delivery, &AlertDelivery::retrying, &loop,
            [&](int id, quint64, const QString& reason, int, qint64 delayMs) {
                std::printf("%s: %s; trying again in %lld s\n",
                            safePrintable(alerts.m_delivery.channel(id)->label()), safePrintable(reason),
                            static_cast<long long>((delayMs + 999) / 1000));
                std::fflush(stdout);
            });
    alerts.m_reportFailures = false; // said below, on standard output
    connect(&alerts.m_delivery, &AlertDelivery::failed, &loop,
            [&](int, quint64, const AlertMessage&, const QString& reason) {
                std::printf("%s\n", safePrintable(reason));
                std::fflush(stdout);
                ++failures;
                finished();
            });
    alerts.m_delivery.send(AlertMessage::test(clock.now()));
    loop.exec();
    return failures == 0 ? 0 : 1;
}

} // namespace avld
