#pragma once

#include <QHttpServerResponse>
#include <QString>

namespace avld::test {

// The pages a broken or unexpected site answers instead of JSON, for client robustness tests, and the
// site's plain HTML pages.
class SiteFaultPages {
public:
    // HTTP 500, text/html: PHP's display of an uncaught fatal error (the database is down).
    static QHttpServerResponse phpFatalError();
    // HTTP 200, text/html: the login page a request without a session is sent to.
    static QHttpServerResponse loginPage();
    // HTTP 200, application/json: a JSON document cut short.
    static QHttpServerResponse malformedJson();
    // HTTP 403, application/json: forbiddenPage() for a JSON request.
    static QHttpServerResponse forbidden(const QString& message);
    // HTTP 403, text/html: Apache's own page, for an address a rule or a firewall blocks.
    static QHttpServerResponse blocked();
    // HTTP 429, application/json: enforceRateLimit() (§5); no Retry-After, as the real function.
    static QHttpServerResponse rateLimited();
    // HTTP 503, text/html with Retry-After: 120: Apache or a proxy in front of the site is overloaded.
    static QHttpServerResponse serviceUnavailable();
    static QHttpServerResponse home(const QString& title);
    static QHttpServerResponse notFound();
};

} // namespace avld::test
