#pragma once

#include "result.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

namespace avld {

// Where the stand-in listens, as `--listen ADDR:PORT` gives it.
struct ListenAddress {
    // "0.0.0.0" (every IPv4 address), "::" (every IPv6 address), "" (both: `--listen :PORT` or `*:PORT`),
    // an IP address, or a host name. IPv6 brackets removed.
    QString host{};
    quint16 port = 0;
};

// One address of this machine (QNetworkInterface, or a test's list).
struct InterfaceAddress {
    QString interfaceName{};
    QHostAddress address{};
};

struct StandinUrlOptions {
    ListenAddress listen{};
    QString prefix{}; // the secret path, may be empty or hold several segments; outer slashes are ignored
    bool tls = false;
    // "host", "host:port" or "[v6]:port": the name AVideo reaches the service by (a NAT, a reverse proxy,
    // a DNS name on the certificate). Replaces every address derived from the bind address.
    QString publicHost{};
};

// One value for AVideo's Site Configurations → Encoder URL.
struct EncoderUrlChoice {
    QUrl url{};         // with its trailing slash; print it with toString(QUrl::FullyEncoded)
    QString via{};      // "eth0", "--public-host", "the bind address"
    bool remote = true; // false: only a process on this machine can reach it
    QString note{};     // what to know before using it; may be empty
};

// The encoder URL(s) to give AVideo for a stand-in service. AVideo appends "objects/getImage.php?…" to the
// value it stores (avideo-protocol.md §1.2 step 8), so the value must end with a slash and carry the secret
// prefix; it is stored in a VARCHAR(255) column (§2.1).
class StandinUrl {
public:
    static constexpr int MaxEncoderUrlLength = 255;

    // "0.0.0.0:8090", "[::]:8090", ":::8090", "*:8090", ":8090", "host.example:8090".
    static Result<ListenAddress> parseListen(const QString& text);

    // The prefix as a URL path: each segment percent-encoded (only RFC 3986 unreserved characters stay
    // as they are), a trailing slash, no leading slash; "" for no prefix. Refuses empty, "." and ".."
    // segments (clients and proxies would rewrite them) and control characters.
    static Result<QByteArray> encodedPrefix(const QString& prefix);

    // One URL per usable non-loopback address of `machine` when bound to a wildcard (IPv4 before IPv6,
    // link-local addresses skipped), the loopback one last; one URL for a specific bind address or for
    // --public-host.
    static Result<QList<EncoderUrlChoice>> encoderUrls(const StandinUrlOptions& options,
                                                       const QList<InterfaceAddress>& machine);

    // Whether AVideo's Encoder URL `encoderUrl` leads to a stand-in listening on `port` behind `pathPrefix`
    // ("/secret/"): same port and a path under the prefix. The host is not compared: AVideo may reach this
    // machine by a public address, a name or a NAT that this machine does not know.
    static bool pointsAtStandin(const QUrl& encoderUrl, quint16 port, const QString& pathPrefix);

    // The addresses of this machine's interfaces that are up.
    static QList<InterfaceAddress> machineAddresses();

    // scheme://host:port/… — for messages and logs: the path may hold the secret prefix.
    static QString redacted(const QUrl& url);
    // True when both name the same service and path (case of scheme and host, default ports, percent
    // encoding and the trailing slash aside).
    static bool sameEncoderUrl(const QUrl& a, const QUrl& b);
};

} // namespace avld
