#pragma once

#include "encoderimage.h"
#include "encoderstatusanswer.h"
#include "encodertarget.h"
#include "net/peercertificate.h"
#include "proberecord.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace avld {

class Clock;
class TimedHttpClient;
struct TimedOutcome;

// One probe round of one encoder: the record for the history plus what does not go there.
struct EncoderProbeReport {
    ProbeRecord record{};
    EncoderStatusInfo status{};
    std::optional<PeerCertificate> certificate{};
    std::optional<qint64> certificateDaysLeft{};
    EncoderImageVerdict image{}; // of the functional probe, when it ran
    // The picture the encoder answered that probe with, when it was one (a frame, its placeholder, a blank
    // image): what alerts carry.
    QByteArray picture{};
    QByteArray pictureType{}; // its Content-Type
};

struct EncoderProbeOptions {
    int reachTimeoutMs = 5000;
    int statusTimeoutMs = 5000;
    // The thumbnail request is read the way AVideo reads it (PHP: connect and each read within
    // readTimeoutMs, then until the server closes); this bounds only a server that keeps sending a byte
    // now and then, which AVideo would wait for without limit.
    int imageTimeoutMs = 15000;
    int readTimeoutMs = kAVideoEncoderBudgetMs;
    bool renew = false; // ask for a freshly made image (renew=1)
    QString format = QStringLiteral("jpg");
    int certificateWarningDays = 14;
};

// Probes one encoder: reachability (objects/getImage.php with no URL answers an empty 200, §2.5), status /
// serverStatus, the TLS certificate, and — when a live stream is known — the functional probe: AVideo's own
// getImage request for that stream, made and read as AVideo's PHP does (file_get_contents: HTTP/1.1 with
// Connection: close, no User-Agent, redirects followed, 2 s per read, until the server closes). Its time is
// the time AVideo spends. An encoder that answers only with placeholders, too slowly, or keeps the
// connection open is Degraded; something that is not an encoder (a web page, a redirect loop, a status
// that is not the encoder's JSON) is never Healthy. Without a stream, Healthy means "reachable; frames not
// tested" (functionalMs stays -1).
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
    void judgeImage(const std::shared_ptr<Round>& round, const TimedOutcome& outcome);
    void finish(std::shared_ptr<Round> round);
    EncoderImageVerdict judge(const QString& encoderId, const QByteArray& body);

    TimedHttpClient& m_http;
    const Clock& m_clock;
    EncoderProbeOptions m_options;
    QHash<QString, std::pair<QByteArray, EncoderImageVerdict>>
        m_lastVerdicts; // id -> (MD5 of answer, verdict)
};

} // namespace avld
