#pragma once

#include "encoders/encoderprobe.h"
#include "encoders/encoderstate.h"
#include "encoders/encodertarget.h"

#include <QHash>

namespace avld {

class AlertLifecycle;

// Turns the encoder monitor's alerts into the alert lifecycle's: one alert per encoder, raised while it is
// offline (critical) or degraded (a warning), resolved when it is online again. The monitor's own reminders
// are left out (the lifecycle reminds); its flapping news only moves the alert to the state it names. Each
// alert carries the thumbnail the encoder's latest probe answered with, when there was one.
class EncoderAlerts {
public:
    explicit EncoderAlerts(AlertLifecycle& lifecycle);

    // The latest probe of an encoder (keeps its picture for the next alert).
    void noteProbe(const EncoderProbeReport& report);
    void onAlert(const EncoderStateChange& change, const EncoderTarget& target);

    // "encoder:<the URL, secret path masked>": stable across restarts.
    static QString keyFor(const EncoderTarget& target);

private:
    struct Picture {
        QByteArray bytes;
        QByteArray type;
    };
    AlertLifecycle& m_lifecycle;
    QHash<QString, Picture> m_pictures; // encoder id -> its latest picture
};

} // namespace avld
