#pragma once

#include "net/phasetimings.h"

#include <QDateTime>
#include <QString>

namespace avld {

// What one round of probes says about an encoder: can AVideo get real thumbnails from it right now?
enum class ProbeHealth {
    Healthy,  // reachable and (when a live exists) a real frame within AVideo's 2 s budget
    Degraded, // answers, but only placeholders / empty images, or too slowly for AVideo
    Failed,   // unreachable, refused, timed out, TLS failure, server error
};

// One probe round of one encoder, as the history stores it.
struct ProbeRecord {
    QString encoderId{};
    QDateTime at{}; // UTC, when the round started
    ProbeHealth health = ProbeHealth::Failed;
    QString reason{};         // one sentence a person can act on
    QString errorCode{};      // the Error::code of a failure, empty otherwise
    int httpStatus = 0;       // of the reachability request; 0 when no answer
    PhaseTimings phases{};    // of the reachability request
    qint64 functionalMs = -1; // how long getImage took to answer; -1 when not run
    QString frameClass{};     // EncoderImageVerdict::frameClass, or "error" (no answer); empty when not run
    qint64 imageBytes = -1;   // size of the getImage answer; -1 when not run
};

} // namespace avld
