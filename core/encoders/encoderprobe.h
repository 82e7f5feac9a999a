#pragma once

#include "encoderimage.h"
#include "encodertarget.h"
#include "peercertificate.h"
#include "proberecord.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace avld {

class Clock;
class TimedHttpClient;
struct TimedOutcome;

// What the encoder's status / serverStatus says (§2.5), when it says anything.
struct EncoderStatusInfo {
    bool alive = false;    // PHP answered (a 403 "Permission denied" counts)
    bool readable = false; // the JSON with the fields was returned
    QString note{};        // "alive, no credentials", "credentials refused", …
    QString version{};
    int queueSize = -1;
    int concurrent = -1;
    qint64 memFreeBytes = -1;
    qint64 memTotalBytes = -1;
};

// One probe round of one encoder: the record for the history plus what does not go there.
struct EncoderProbeReport {
    ProbeRecord record{};
    EncoderStatusInfo status{};
    std::optional<PeerCertificate> certificate{};
    std::optional<qint64> certificateDaysLeft{};
    EncoderImageVerdict image{}; // of the functional probe, when it ran
};

struct EncoderProbeOptions {
    int reachTimeoutMs = 5000;
    int statusTimeoutMs = 5000;
    // Longer than AVideo's 2 s budget so that a slow encoder is measured and named, not just "timeout".
    int imageTimeoutMs = 6000;
    bool renew = false; // ask for a freshly made image (renew=1)
    QString format = QStringLiteral("jpg");
    int certificateWarningDays = 14;
};

// Probes one encoder: reachability (objects/getImage.php with no URL answers an empty 200, §2.5), status /
// serverStatus, the TLS certificate, and — when a live stream is known — the functional probe: AVideo's own
// getImage request for that stream, which must bring a real frame within 2 s. An encoder that answers but
// only with placeholders, or too slowly for AVideo, is Degraded, not Healthy.
class EncoderProbe : public QObject {
    Q_OBJECT
public:
    EncoderProbe(TimedHttpClient& http, const Clock& clock, EncoderProbeOptions options = {},
                 QObject* parent = nullptr);

    // `stream`: an HLS URL of a live of the site, or empty to skip the functional probe.
    // `done` runs once, later.
    void probe(const EncoderTarget& target, const QUrl& stream, std::function<void(EncoderProbeReport)> done);

private:
    struct Round;
    void reach(std::shared_ptr<Round> round);
    void status(std::shared_ptr<Round> round);
    void image(std::shared_ptr<Round> round);
    void finish(std::shared_ptr<Round> round);
    EncoderImageVerdict judge(const QString& encoderId, const QByteArray& body);

    TimedHttpClient& m_http;
    const Clock& m_clock;
    EncoderProbeOptions m_options;
    QHash<QString, std::pair<QByteArray, EncoderImageVerdict>>
        m_lastVerdicts; // id -> (MD5 of answer, verdict)
};

} // namespace avld
