#pragma once

#include <QtGlobal>

namespace avld {

// How long each phase of one HTTP request took, in milliseconds. Each value is the phase's own duration, not
// the time since the start; -1 means the request never reached that phase (or it did not apply: no TLS on
// http, no DNS for an IP address literal counts as 0).
struct PhaseTimings {
    qint64 dnsMs = -1;
    qint64 connectMs = -1;
    qint64 tlsMs = -1;
    qint64 firstByteMs = -1; // from the request sent to the first byte of the answer
    qint64 totalMs = -1;     // the whole request, start to last byte
};

} // namespace avld
