#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One request sent byte for byte on a connection of its own (whatever Qt's client would refuse to send or
// would tidy up: `..` segments, broken escapes, 100 kB targets), its answer read until the server closes.
namespace avld::bench {

struct RawAnswer {
    int status = 0;        // 0: no status line (closed without an answer, or no connection)
    QByteArray reason;     // X-Avld-Reason
    QByteArray cacheState; // X-Avld-Cache
    QByteArray contentType;
    qint64 bodyBytes = 0;
    double ms = 0;
    QString error; // the socket's, when the exchange did not end with the server closing
};

// Sends every request at once, each on its own connection to 127.0.0.1:port, and runs the event loop until
// all have ended (at most timeoutMs). The answers in the order of the requests.
QList<RawAnswer> rawExchanges(quint16 port, const QList<QByteArray>& requests, int timeoutMs);

} // namespace avld::bench
