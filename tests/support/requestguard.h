#pragma once

#include "clock.h"

#include <QHash>
#include <QString>

namespace avld::test {

class SimRequest;

// The generic guards every `*.json.php` of a 2026 AVideo passes through before the script runs
// (avideo-protocol.md §5; objects/functionsSecurity.php): autoCSRFGuard() and autoRateLimitGuard().
class RequestGuard {
public:
    explicit RequestGuard(const Clock& clock);

    void setClock(const Clock& clock) { m_clock = &clock; }
    // The host of webSiteRootURL, compared with the Referer / Origin host.
    void setSiteHost(const QString& host) { m_siteHost = host.toLower(); }
    // Real AVideo trusts a loopback peer that sends neither Origin nor Referer (a cron curl). Everything in
    // the tests is loopback, so by default the simulator treats the peer as remote to keep the rule testable.
    void setTreatLoopbackAsRemote(bool remote) { m_loopbackIsRemote = remote; }
    void setRateLimit(int maxAttempts, int windowSeconds = 60);

    // §5 isUntrustedRequest() negated: loopback without Origin/Referer (unless treated as remote),
    // Referer (else Origin) host = the site host, or an AVideo client User-Agent.
    bool isTrusted(const SimRequest& request) const;
    // §5: AVideoMobileApp, AVideoEncoder, AVideoEncoderNetwork, AVideoStreamer, AVideoStorage (and the
    // restreamer's UA, which is not written down; not modelled).
    static bool isAVideoUserAgent(const QString& userAgent);
    // requestComesFromSameDomainAsMyAVideo(): the Referer, or when there is none the Origin, has the
    // site's host. isSameDomain() compares hosts only (scheme and port do not matter).
    bool comesFromSameDomain(const SimRequest& request) const;
    // requestComesFromSafePlace() (§3.1 later stats.json.php): same domain, or isAVideo() — a User-Agent
    // containing "AVideo" (read from the page's "a UA containing AVideo…"; the exact test is not written
    // down).
    bool comesFromSafePlace(const SimRequest& request) const;

    // enforceRateLimit("autoRateLimit::{basename}", max, window): counts this attempt and says whether it
    // is over the budget. Fixed window per key (the real rate_limits row): the first attempt opens a window
    // of `windowSeconds` on the injected clock; attempts are counted until it closes, then it starts over.
    bool countAndCheck(const QString& scriptBaseName, const QString& ip);
    void resetRateLimits() { m_windows.clear(); }
    int maxAttempts() const { return m_maxAttempts; }
    int windowSeconds() const { return m_windowSeconds; }

private:
    struct Window {
        qint64 startMs = 0;
        int attempts = 0;
    };

    const Clock* m_clock;
    QString m_siteHost;
    bool m_loopbackIsRemote = true;
    int m_maxAttempts = 300;
    int m_windowSeconds = 60;
    QHash<QString, Window> m_windows;
};

} // namespace avld::test
