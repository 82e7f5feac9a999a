#pragma once

// HTTP(S) requests that say how long each phase took (DNS, connect, TLS, first byte, total) and which TLS
// certificate the server showed: what the encoder health monitor reports for every probe, and what
// QNetworkAccessManager cannot tell. Runs libcurl's multi interface on the Qt event loop of the client's
// thread; nothing waits for the network (only a client's first verified https request parses the system's
// authorities, some tens of ms of CPU, kept for the next ones).

#include "peercertificate.h"
#include "phasetimings.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace avld {

// One part of a multipart/form-data body (libcurl's MIME API builds it).
struct TimedFormPart {
    QByteArray name{};
    QByteArray data{};
    QByteArray fileName{};    // non-empty: sent as a file with this name
    QByteArray contentType{}; // empty: libcurl's choice (text/plain, or from the file name's extension)
};

struct TimedRequest {
    QUrl url{};
    int timeoutMs = 5000;                  // the whole request, including a wait for a free connection
    int connectTimeoutMs = 3000;           // DNS, TCP connect and TLS handshake together
    qint64 maxBodyBytes = 8 * 1024 * 1024; // beyond: error "too-large", transfer aborted; negative: no limit
    // Names and values are sent as given and never logged (they may carry credentials).
    QList<QPair<QByteArray, QByteArray>> headers{};
    QByteArray userAgent{};    // empty: "AVideoLiveDoctor/<version>"
    bool sendUserAgent = true; // false: no User-Agent header at all (PHP's file_get_contents sends none)
    QByteArray postBody{};     // non-empty: POST with this body (give a Content-Type header); never logged
    // Non-empty: a multipart/form-data POST of these parts instead of postBody; never logged.
    QList<TimedFormPart> formParts{};
    // Empty: GET, or POST with a body. "PUT" (or another) sends the body with that method.
    QByteArray method{};
    bool verifyTls = true; // off only when asked: then any certificate is accepted (and still reported)
    bool followRedirects = false; // when followed, each phase sums the hops' (libcurl adds them up)
    // PEM certificates of the authorities to trust instead of the system's; empty: the system's.
    QByteArray caCertificates{};
    // false: every request resolves the name, connects and shakes hands anew, so each phase is measured and
    // the certificate is always seen. true: may use cached DNS answers and kept-alive connections (cheaper;
    // those phases then read about 0 and `certificate` may be missing).
    bool reuseConnections = false;
    // Read the way PHP's file_get_contents does (how AVideo reads its encoder): HTTP/1.1, past any
    // Content-Length, until the server closes the connection. Send "Connection: close" as PHP does.
    bool readUntilClose = false;
    // > 0: this long without a byte, once the request is sent, ends the request (PHP's read timeout). Before
    // the answer's headers are complete that is a "timeout" failure; after them, a response with keptOpen
    // and the body received so far. timeoutMs still bounds the whole request (a server sending a byte now
    // and then would otherwise hold it forever).
    int idleTimeoutMs = 0;
};

// Any HTTP status is a response: a 403 from an encoder still proves its web server and PHP are alive.
struct TimedResponse {
    int httpStatus = 0;
    QByteArray contentType{};
    QByteArray body{};
    // The final answer's headers, names in lower case, in the order received.
    QList<QPair<QByteArray, QByteArray>> headers{};
    PhaseTimings phases{};
    std::optional<PeerCertificate> certificate{}; // the leaf certificate, on https
    QUrl effectiveUrl{};                          // after redirects
    QString remoteAddress{};                      // the IP address connected to
    // idleTimeoutMs ended the read: the server went silent without closing the connection.
    bool keptOpen = false;
    qint64 lastByteMs = -1; // since the start, when the last byte of the answer (headers or body) came

    // The first header of that name (any case); empty when absent.
    QByteArray header(const QByteArray& name) const;
};

// How a request ended. `result` holds the response, or the transport failure with one of the codes
//   dns, connect-refused, connect-failed, timeout, tls-expired, tls-untrusted, tls-hostname, tls,
//   too-large, cancelled, bad-url (not http/https), bad-request (a header that cannot be sent),
//   redirect-loop (more than 10 redirects followed), network.
// The other fields are filled either way, as far as the request got: a timeout still says how long DNS and
// connect took (-1 for the phases not reached), and a refused certificate is still described (libcurl's
// handshake stops at the refusal, so the client then opens one more connection, with verification off and
// sending nothing, only to read the certificate). On success they equal the response's.
struct TimedOutcome {
    Result<TimedResponse> result{Error{}};
    PhaseTimings phases{};
    std::optional<PeerCertificate> certificate{};
    QString remoteAddress{};
    bool endedBySilence = false; // idleTimeoutMs ended it (as a "timeout", or a response with keptOpen)

    bool ok() const { return result.ok(); }
};

// Not thread-safe: use each client from the thread it lives in. Proxy settings of the environment are
// ignored (the probes measure the direct path).
class TimedHttpClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(TimedOutcome)>;

    // At most `maxConnections` sockets are open at once (at most 6 to one host); further requests wait.
    explicit TimedHttpClient(int maxConnections = 32, QObject* parent = nullptr);
    // Requests still in flight are dropped silently: their Done never runs, not even later.
    ~TimedHttpClient() override;

    // Done runs exactly once, always later from the event loop (never inside start), on this thread.
    // It may start or cancel requests, or delete the client.
    quint64 start(TimedRequest request, Done done);
    // Done runs (later) with the code "cancelled", unless it has already run; an unknown id is ignored.
    void cancel(quint64 id);
    // Requests whose Done has not run yet.
    int inFlight() const;
    // Sockets libcurl has open right now, kept-alive ones included.
    int openSockets() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace avld
