#include "siterequester.h"

#include "logging.h"
#include "networkerror.h"
#include "siteanswer.h"
#include "version.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

namespace avld {

namespace {

constexpr qint64 kWindowMs = 60'000;
constexpr int kBudgetPollMs = 250;

QString endpointOf(const QUrl& url) {
    return url.host() + QLatin1Char(':') + QString::number(url.port()) + url.path();
}

QString fingerprintText(const QByteArray& sha256) {
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

} // namespace

SiteRequester::SiteRequester(QNetworkAccessManager& network, SiteProfile profile, const Clock& clock,
                             QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_profile(std::move(profile))
    , m_clock(clock)
    , m_userAgent(QStringLiteral("AVideoLiveDoctor/" AVLD_VERSION)) {}

QUrl SiteRequester::resolve(const QString& target, const QUrlQuery& query) const {
    QUrl url =
        target.contains(QStringLiteral("://")) ? QUrl(target) : m_profile.siteUrl.resolved(QUrl(target));
    if (!query.isEmpty()) {
        QUrlQuery merged(url);
        for (const auto& [key, value] : query.queryItems(QUrl::FullyEncoded))
            merged.addQueryItem(key, value);
        url.setQuery(merged);
    }
    return url;
}

void SiteRequester::get(const QString& target, const QUrlQuery& query, ReplyDone done) {
    schedule({false, resolve(target, query), {}, std::move(done), 0, 0});
}

void SiteRequester::getBounded(const QString& target, qint64 maxBytes, ReplyDone done) {
    schedule({false, resolve(target, {}), {}, std::move(done), 0, maxBytes});
}

void SiteRequester::getAnyStatus(const QString& target, ReplyDone done) {
    schedule({false, resolve(target, {}), {}, std::move(done), 0, 0, true});
}

void SiteRequester::post(const QString& target, const Form& form, ReplyDone done) {
    schedule({true, resolve(target, {}), encodeForm(form), std::move(done), 0, 0});
}

QByteArray SiteRequester::encodeForm(const Form& form) {
    QByteArrayList parts;
    for (const auto& [name, value] : form)
        parts << QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    return parts.join('&');
}

void SiteRequester::getJson(const QString& target, const QUrlQuery& query, JsonDone done) {
    get(target, query, [done = std::move(done)](Result<SiteReply> reply) {
        done(reply ? jsonOfSiteReply(*reply) : Result<QJsonDocument>(reply.error()));
    });
}

void SiteRequester::postJson(const QString& target, const Form& form, JsonDone done) {
    post(target, form, [done = std::move(done)](Result<SiteReply> reply) {
        done(reply ? jsonOfSiteReply(*reply) : Result<QJsonDocument>(reply.error()));
    });
}

qint64 SiteRequester::waitForBudgetMs(const QString& endpoint) {
    std::deque<qint64>& sent = m_sentAt[endpoint];
    const qint64 now = m_clock.monotonicMs();
    while (!sent.empty() && now - sent.front() >= kWindowMs)
        sent.pop_front();
    if (int(sent.size()) < m_perMinute)
        return 0;
    return kWindowMs - (now - sent.front());
}

void SiteRequester::schedule(Pending pending) {
    const QString endpoint = endpointOf(pending.url);
    const qint64 waitMs = waitForBudgetMs(endpoint);
    if (waitMs <= 0) {
        m_sentAt[endpoint].push_back(m_clock.monotonicMs());
        send(std::move(pending));
        return;
    }
    qCDebug(lcSite) << "pacing" << endpoint << "for" << waitMs << "ms to stay under" << m_perMinute
                    << "per minute";
    // Re-check on a short period rather than sleeping the whole wait: the clock may be a test's.
    QTimer::singleShot(int(qMin<qint64>(waitMs, kBudgetPollMs)), this,
                       [this, pending = std::move(pending)]() mutable { schedule(std::move(pending)); });
}

void SiteRequester::send(Pending pending) {
    QNetworkRequest request(pending.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    QUrl origin = m_profile.siteUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    request.setRawHeader("Referer", m_profile.siteUrl.toEncoded());
    request.setRawHeader("Origin", origin.toEncoded(QUrl::StripTrailingSlash));
    request.setRawHeader("Accept", "application/json, text/xml;q=0.9, */*;q=0.5");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    if (pending.isPost)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));

    const qint64 startedMs = m_clock.monotonicMs();
    QNetworkReply* reply = pending.isPost ? m_network.post(request, pending.form) : m_network.get(request);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError>& errors) {
        const QByteArray digest =
            reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256);
        if (!m_profile.acceptedCertificate.isEmpty() &&
            QByteArray::fromHex(m_profile.acceptedCertificate.toLatin1().replace(':', "")) == digest) {
            reply->ignoreSslErrors(errors);
            return;
        }
        reply->setProperty("avldFingerprint", fingerprintText(digest));
    });
    if (pending.maxBytes <= 0 || pending.maxBytes > m_maxBodyBytes)
        pending.maxBytes = m_maxBodyBytes;
    connect(reply, &QNetworkReply::downloadProgress, this,
            [reply, maxBytes = pending.maxBytes](qint64 received, qint64 total) {
                if (received > maxBytes || total > maxBytes) {
                    reply->setProperty("avldTooLarge", true);
                    reply->abort();
                }
            });
    // The transfer timeout restarts with every byte: the whole answer has a deadline of its own.
    const int wholeAnswerMs = qMax(1000, m_timeoutMs * 3);
    QTimer::singleShot(wholeAnswerMs, reply, [reply] {
        if (reply->isRunning()) {
            reply->setProperty("avldTooSlow", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, startedMs, pending = std::move(pending)]() mutable {
                reply->deleteLater();
                SiteReply out;
                out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                out.body = reply->isOpen() ? reply->readAll() : QByteArray();
                out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                out.url = reply->url();
                out.elapsedMs = m_clock.monotonicMs() - startedMs;

                if (out.status == 429 && pending.attempt < m_maxRetries) {
                    bool ok = false;
                    const int retryAfterS = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
                    const int backoffMs =
                        qMin(m_maxBackoffMs, ok ? retryAfterS * 1000 : 1000 << pending.attempt);
                    qCInfo(lcSite) << "site says slow down (HTTP 429) on" << out.url.path() << "- retrying in"
                                   << backoffMs << "ms";
                    ++pending.attempt;
                    QTimer::singleShot(backoffMs, this, [this, pending = std::move(pending)]() mutable {
                        schedule(std::move(pending));
                    });
                    return;
                }
                if (reply->property("avldTooLarge").toBool()) {
                    pending.done(Error{QStringLiteral("too-large"),
                                       QStringLiteral("%1 is larger than %2 KiB")
                                           .arg(out.url.path())
                                           .arg(pending.maxBytes >> 10),
                                       QStringLiteral("No AVideo page is that large: check the site address, "
                                                      "or what the server answers there.")});
                    return;
                }
                if (reply->property("avldTooSlow").toBool()) {
                    pending.done(
                        Error{QStringLiteral("timeout"),
                              QStringLiteral("the site did not finish answering %1 within %2 s (it was "
                                             "still sending, slowly)")
                                  .arg(out.url.path())
                                  .arg(qMax(1000, m_timeoutMs * 3) / 1000),
                              QStringLiteral("The site or the network is overloaded; try again later.")});
                    return;
                }
                const bool redirectFailed = reply->error() == QNetworkReply::TooManyRedirectsError ||
                                            reply->error() == QNetworkReply::InsecureRedirectError;
                if (reply->error() != QNetworkReply::NoError && (out.status == 0 || redirectFailed)) {
                    Error error = networkError(*reply, QStringLiteral("the site"));
                    const QString fingerprint = reply->property("avldFingerprint").toString();
                    if (error.code == QStringLiteral("tls") && !fingerprint.isEmpty())
                        error.message += QStringLiteral(" (certificate SHA-256 %1)").arg(fingerprint);
                    pending.done(error);
                    return;
                }
                if (const Status refused = pending.anyStatus ? Status{} : refusalOfSiteReply(out);
                    !refused.ok()) {
                    pending.done(refused.error());
                    return;
                }
                pending.done(out);
            });
}

} // namespace avld
