#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace avld {

// What the encoder's status / serverStatus says (§2.5), when it says anything.
struct EncoderStatusInfo {
    bool alive = false;     // PHP answered (a 403 "Permission denied" counts)
    bool readable = false;  // the JSON with the fields was returned
    bool malformed = false; // answered 200/403 with something that is not the encoder's JSON
    QString note{};         // "alive, no credentials", "credentials refused", …
    QString version{};
    int queueSize = -1;
    int concurrent = -1;
    qint64 memFreeBytes = -1;
    qint64 memTotalBytes = -1;
    std::optional<bool> encoding{}; // is_encoding: a video is being encoded right now
};

// The encoder's own account of itself in one line, for a person: "version 8.1, 3 videos waiting, 1 at a
// time, encoding now, 1.2 GiB of 8.0 GiB memory free". Empty when the status page was not readable.
QString describeEncoderOwnState(const EncoderStatusInfo& info);

// "an HTML page", "text/plain", "an empty answer": what came back, without showing the remote text itself.
QString describeEncoderBody(const QByteArray& contentType, const QByteArray& body);

// Reads one answer of the encoder's status (no credentials) or serverStatus (`withCredentials`) page. Pure,
// for any bytes a remote party sends (fuzz_encoderstatus).
EncoderStatusInfo readEncoderStatusAnswer(int httpStatus, const QByteArray& contentType,
                                          const QByteArray& body, bool withCredentials);

} // namespace avld
