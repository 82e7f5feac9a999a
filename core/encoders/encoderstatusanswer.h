#pragma once

#include <QByteArray>
#include <QString>

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
};

// "an HTML page", "text/plain", "an empty answer": what came back, without showing the remote text itself.
QString describeEncoderBody(const QByteArray& contentType, const QByteArray& body);

// Reads one answer of the encoder's status (no credentials) or serverStatus (`withCredentials`) page. Pure,
// for any bytes a remote party sends (fuzz_encoderstatus).
EncoderStatusInfo readEncoderStatusAnswer(int httpStatus, const QByteArray& contentType,
                                          const QByteArray& body, bool withCredentials);

} // namespace avld
