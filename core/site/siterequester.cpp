#include "siterequester.h"

#include "logging.h"
#include "networkerror.h"
#include "version.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTimer>

namespace avld {

namespace {

constexpr qint64 kWindowMs = 60'000;
constexpr int kBudgetPollMs = 250;

QString endpointOf(const QUrl& url) {
    return url.host() + QLatin1Char(':') + QString::number(url.port()) + url.path();
}

QString htmlTitle(const QByteArray& body) {
    static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = title.match(QString::fromUtf8(body.left(4096)));
    return m.hasMatch() ? m.captured(1).simplified() : QString();
}

bool looksLikeHtml(const QByteArray& body, const QByteArray& contentType) {
    const QByteArray head = body.left(256).trimmed().toLower();
    return contentType.contains("text/html") || head.startsWith("<!doctype html") || head.startsWith("<html");
}

QString fingerprintText(const QByteArray& sha256) {
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

// Which part of AVideo a missing path belongs to, so the hint names what to check. `path` is the URL's
// path, below the site's own directory if it has one.
QString notFoundHint(const QString& path) {
    if (const qsizetype at = path.indexOf(QStringLiteral("/plugin/")); at >= 0)
        return QStringLiteral("Check the site URL (AVideo's home page), and that the %1 plugin is installed "
                              "and enabled (Plugins menu).")
            .arg(path.mid(at + 8).section(QLatin1Char('/'), 0, 0));
    const qsizetype objects = path.indexOf(QStringLiteral("/objects/"));
    return QStringLiteral("Check the site URL: it must be AVideo's home page (where %1 is), e.g. "
                          "https://videos.example.org/, not a page below it.")
        .arg(objects >= 0 ? path.mid(objects + 1) : path);
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
        done(reply ? jsonOf(*reply) : Result<QJsonDocument>(reply.error()));
    });
}

void SiteRequester::postJson(const QString& target, const Form& form, JsonDone done) {
    post(target, form, [done = std::move(done)](Result<SiteReply> reply) {
        done(reply ? jsonOf(*reply) : Result<QJsonDocument>(reply.error()));
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
                if (Status refused = pending.anyStatus ? Status{} : refusalOf(out)) {
                    pending.done(*refused);
                    return;
                }
                pending.done(out);
            });
}

Status SiteRequester::refusalOf(const SiteReply& reply) {
    const QString body = QString::fromUtf8(reply.body.left(2048)).trimmed();
    const QString path = reply.url.path();
    if (reply.status == 403 && body.contains(QStringLiteral("Invalid Request"), Qt::CaseInsensitive)) {
        return Error{
            QStringLiteral("csrf-refused"),
            QStringLiteral("the site refused %1 as a cross-site request (AVideo's CSRF guard)").arg(path),
            QStringLiteral("The site URL in the profile must match the site's webSiteRootURL exactly "
                           "(https vs http, www or not), or use the API plugin's APISecret.")};
    }
    // Old AVideo says it in a small HTTP 200 body ({"error":"Permission denied"}); newer code uses 403.
    const bool deniedInBody = reply.body.size() < 300 && body.contains(QStringLiteral("Permission denied"));
    const bool html = looksLikeHtml(reply.body, reply.contentType);
    const QString title = html ? htmlTitle(reply.body) : QString();
    const QString titled = title.isEmpty() ? QString() : QStringLiteral(", \"%1\"").arg(title);
    // AVideo refuses with JSON or with its forbidden page (11.7: "Forbidden &middot; <site title>", the
    // site's whole layout, which defines webSiteRootURL); an HTML 403 of another kind ("403 Forbidden", a
    // CDN's page) comes from the web server, a firewall or a CDN in front of it.
    const bool avideoPage = title.startsWith(QStringLiteral("Forbidden")) ||
                            reply.body.contains("webSiteRootURL") ||
                            body.contains(QStringLiteral("forbiddenPage"));
    if (reply.status == 403 && html && !deniedInBody && !avideoPage) {
        return Error{
            QStringLiteral("blocked"),
            QStringLiteral("something in front of AVideo refused %1 (HTTP 403%2)").arg(path, titled),
            QStringLiteral("Not AVideo's own refusal: a web-server rule, a firewall or a CDN blocks this "
                           "computer (its address, country or User-Agent). Allow it there.")};
    }
    if (reply.status == 401 || reply.status == 403 || deniedInBody) {
        return Error{QStringLiteral("permission-denied"),
                     QStringLiteral("the site said \"Permission denied\" for %1").arg(path),
                     QStringLiteral("Log in with an admin account, or one whose group may do this.")};
    }
    if (reply.status == 405)
        return Error{QStringLiteral("method-not-allowed"),
                     QStringLiteral("the site does not accept this request method for %1").arg(path),
                     {}};
    if (reply.status == 429)
        return Error{QStringLiteral("rate-limited"),
                     QStringLiteral("the site's rate limit refused %1 (HTTP 429) after retries").arg(path),
                     QStringLiteral("AVideo allows 300 requests per minute per endpoint; wait a minute.")};
    if (reply.status == 502 || reply.status == 504)
        return Error{QStringLiteral("server-error"),
                     QStringLiteral("a proxy in front of the site could not get %1 from it (HTTP %2%3)")
                         .arg(path)
                         .arg(reply.status)
                         .arg(titled),
                     QStringLiteral("The web server or PHP behind the proxy is down or too slow; their logs "
                                    "say why.")};
    if (reply.status == 503)
        return Error{
            QStringLiteral("server-error"),
            QStringLiteral("the site is unavailable for %1 (HTTP 503%2): overloaded or in maintenance")
                .arg(path, titled),
            QStringLiteral("The web server or PHP has no capacity left, or maintenance mode is on; it "
                           "usually passes. If it lasts, look at the web server's and PHP's logs.")};
    if (reply.status >= 500)
        return Error{QStringLiteral("server-error"),
                     QStringLiteral("the site failed with HTTP %1 on %2").arg(reply.status).arg(path),
                     QStringLiteral("The site's PHP error log says why.")};
    if (reply.status == 404)
        return Error{QStringLiteral("http-404"), QStringLiteral("the site has no %1 (HTTP 404)").arg(path),
                     notFoundHint(path)};
    if (reply.status >= 400)
        return Error{QStringLiteral("http-%1").arg(reply.status),
                     QStringLiteral("the site answered HTTP %1 for %2").arg(reply.status).arg(path),
                     {}};
    return std::nullopt;
}

Result<QJsonDocument> SiteRequester::jsonOf(const SiteReply& reply) {
    if (looksLikeHtml(reply.body, reply.contentType)) {
        const QString title = htmlTitle(reply.body);
        return Error{
            QStringLiteral("html-instead-of-json"),
            QStringLiteral("the site answered %1 with an HTML page%2 instead of JSON")
                .arg(reply.url.path(), title.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(title)),
            QStringLiteral(
                "A PHP error, a maintenance page or a login redirect; open the URL in a browser.")};
    }
    if (reply.body.trimmed().isEmpty())
        return Error{QStringLiteral("empty-answer"),
                     QStringLiteral("the site answered %1 with an empty body").arg(reply.url.path()),
                     {}};
    QJsonParseError parseError{};
    QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{
            QStringLiteral("bad-json"),
            QStringLiteral("the site's answer to %1 is not valid JSON (%2 at byte %3)")
                .arg(reply.url.path(), parseError.errorString())
                .arg(parseError.offset),
            QStringLiteral("PHP warnings printed before the JSON often cause this; check the site's log.")};
    }
    return doc;
}

} // namespace avld
