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
    static QHttpServerResponse home(const QString& title);
    static QHttpServerResponse notFound();
};

} // namespace avld::test
