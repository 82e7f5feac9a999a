#include "siteanswer.h"

#include <QRegularExpression>

namespace avld {

namespace {

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

Status refusalOfSiteReply(const SiteReply& reply) {
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
    return {};
}

Result<QJsonDocument> jsonOfSiteReply(const SiteReply& reply) {
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
