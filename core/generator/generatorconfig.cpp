#include "generatorconfig.h"

#include "streamallowlist.h"

namespace avld {

namespace {

Status outOfRange(const char* field, qint64 value, qint64 low, qint64 high) {
    if (value >= low && value <= high)
        return {};
    return Error{QStringLiteral("bad-config"),
                 QStringLiteral("%1 is %2, but must be between %3 and %4")
                     .arg(QString::fromLatin1(field))
                     .arg(value)
                     .arg(low)
                     .arg(high),
                 {}};
}

} // namespace

Status GeneratorConfig::validate() const {
    const struct {
        const char* field;
        qint64 value, low, high;
    } ranges[] = {
        {"budgetMs", budgetMs, 50, 10'000},
        {"refreshIntervalMs", refreshIntervalMs, 200, 3'600'000},
        {"grabOnRequestAfterMs", grabOnRequestAfterMs, 0, 3'600'000},
        {"keepRequestedMs", keepRequestedMs, 1000, 7 * 24 * 3'600'000LL},
        {"offlineGraceMs", offlineGraceMs, 200, 24 * 3'600'000LL},
        {"grabTimeoutMs", grabTimeoutMs, 200, 120'000},
        {"dnsTimeoutMs", dnsTimeoutMs, 10, 30'000},
        {"cacheCapBytes", cacheCapBytes, 64 * 1024, 64LL * 1024 * 1024 * 1024},
        {"maxWorkers", maxWorkers, 1, 256},
        {"maxPerHost", maxPerHost, 1, 256},
        {"maxSlowGrabs", maxSlowGrabs, 1, 256},
        {"slowGrabMs", slowGrabMs, 100, 120'000},
        {"maxQueuedGrabs", maxQueuedGrabs, 0, 100'000},
        {"maxPendingRequests", maxPendingRequests, 1, 100'000},
        {"retryAfterSeconds", retryAfterSeconds, 1, 3600},
        {"requestTimeoutMs", requestTimeoutMs, 100, 600'000},
        {"keepAliveIdleMs", keepAliveIdleMs, 100, 600'000},
        {"maxConnectionsPerClient", maxConnectionsPerClient, 1, 100'000},
        {"maxConnections", maxConnections, 0, 100'000},
        {"maxTrackedStreams", maxTrackedStreams, 1, 1'000'000},
        {"minRenewIntervalMs", minRenewIntervalMs, 0, 3'600'000},
    };
    for (const auto& range : ranges) {
        if (const Status bad = outOfRange(range.field, range.value, range.low, range.high); !bad.ok())
            return bad;
    }
    if (offlineGraceMs <= refreshIntervalMs)
        return Error{QStringLiteral("bad-config"),
                     QStringLiteral("offlineGraceMs (%1) must be longer than refreshIntervalMs (%2), or live "
                                    "streams' images would expire between two refreshes")
                         .arg(offlineGraceMs)
                         .arg(refreshIntervalMs),
                     {}};
    if (bindAddress.isNull())
        return Error{
            QStringLiteral("bad-config"), QStringLiteral("the bind address is not an IP address"), {}};
    if (pathPrefix.contains(QLatin1Char('?')) || pathPrefix.contains(QLatin1Char('#')) ||
        pathPrefix.contains(QLatin1Char(' ')))
        return Error{QStringLiteral("bad-config"),
                     QStringLiteral("the path prefix \"%1\" may not hold '?', '#' or spaces").arg(pathPrefix),
                     {}};
    if (tlsCertificateFile.isEmpty() != tlsKeyFile.isEmpty())
        return Error{QStringLiteral("bad-config"),
                     QStringLiteral("HTTPS needs both a certificate file and a key file"),
                     {}};
    if (Result<StreamAllowList> list = StreamAllowList::fromEntries(allowedHosts); !list)
        return list.error();
    return {};
}

} // namespace avld
