#include "requestguard.h"

#include "simrequest.h"

#include <QRegularExpression>
#include <QUrl>

namespace avld::test {

namespace {

QString hostOf(const QByteArray& url) {
    QString host = QUrl(QString::fromUtf8(url)).host().toLower();
    if (host.startsWith(QStringLiteral("www.")))
        host.remove(0, 4);
    return host;
}

} // namespace

RequestGuard::RequestGuard(const Clock& clock)
    : m_clock(&clock) {}

void RequestGuard::setRateLimit(int maxAttempts, int windowSeconds) {
    m_maxAttempts = maxAttempts;
    m_windowSeconds = windowSeconds;
}

bool RequestGuard::isAVideoUserAgent(const QString& userAgent) {
    static const QRegularExpression agents(
        QStringLiteral("AVideoMobileApp|AVideoEncoder|AVideoEncoderNetwork|AVideoStreamer|AVideoStorage"));
    return agents.match(userAgent).hasMatch();
}

bool RequestGuard::comesFromSameDomain(const SimRequest& request) const {
    QByteArray url = request.header("referer");
    if (url.isEmpty())
        url = request.header("origin");
    if (url.isEmpty())
        return false;
    QString site = m_siteHost;
    if (site.startsWith(QStringLiteral("www.")))
        site.remove(0, 4);
    return hostOf(url) == site;
}

bool RequestGuard::comesFromSafePlace(const SimRequest& request) const {
    return comesFromSameDomain(request) || request.userAgent().contains(QStringLiteral("AVideo"));
}

bool RequestGuard::isTrusted(const SimRequest& request) const {
    // §5: "loopback peer without Origin/Referer" is trusted by the real site.
    if (!m_loopbackIsRemote && request.peer().isLoopback() && request.header("origin").isEmpty() &&
        request.header("referer").isEmpty())
        return true;
    if (comesFromSameDomain(request))
        return true;
    return isAVideoUserAgent(request.userAgent());
}

bool RequestGuard::countAndCheck(const QString& scriptBaseName, const QString& ip) {
    const QString key = QStringLiteral("ratelimit_autoRateLimit::%1_%2").arg(scriptBaseName, ip);
    const qint64 now = m_clock->monotonicMs();
    Window& window = m_windows[key];
    if (window.attempts == 0 || now - window.startMs >= qint64(m_windowSeconds) * 1000) {
        window.startMs = now;
        window.attempts = 0;
    }
    ++window.attempts;
    return window.attempts > m_maxAttempts;
}

} // namespace avld::test
