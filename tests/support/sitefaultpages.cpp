#include "sitefaultpages.h"

#include "phpjson.h"

namespace avld::test {

namespace {
QHttpServerResponse html(const QByteArray& body, int status) {
    return PhpJson::raw(body, "text/html; charset=UTF-8", status);
}
} // namespace

QHttpServerResponse SiteFaultPages::phpFatalError() {
    return html(
        "<br />\n<b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in "
        "/var/www/html/AVideo/objects/mysql_dal.php:89\nStack trace:\n#0 "
        "/var/www/html/AVideo/videos/configuration.php(26): _mysql_connect()\n#1 {main}\n  thrown in "
        "<b>/var/www/html/AVideo/objects/mysql_dal.php</b> on line <b>89</b><br />\n",
        500);
}

QHttpServerResponse SiteFaultPages::loginPage() {
    return html("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Login - "
                "AVideo</title></head>\n"
                "<body><div class=\"container\"><form id=\"loginForm\" action=\"objects/login.json.php\" "
                "method=\"post\"><input name=\"user\"><input name=\"pass\" type=\"password\"><button "
                "type=\"submit\">Sign in</button></form></div></body></html>\n",
                200);
}

QHttpServerResponse SiteFaultPages::malformedJson() {
    return PhpJson::raw(
        R"({"error":false,"msg":"","nclients":0,"applications":[{"key":"demo-1","title":"Dem)",
        "application/json");
}

QHttpServerResponse SiteFaultPages::forbidden(const QString& message) {
    return PhpJson::response({{QStringLiteral("error"), true},
                              {QStringLiteral("msg"), message},
                              {QStringLiteral("forbiddenPage"), true}},
                             403);
}

QHttpServerResponse SiteFaultPages::blocked() {
    return html(
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>403 "
        "Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don't have permission to access "
        "this resource.</p>\n</body></html>\n",
        403);
}

QHttpServerResponse SiteFaultPages::rateLimited() {
    return PhpJson::response({{QStringLiteral("error"), true},
                              {QStringLiteral("msg"), QStringLiteral("Too many requests. Try again later.")}},
                             429);
}

QHttpServerResponse SiteFaultPages::serviceUnavailable() {
    QHttpServerResponse response =
        html("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>503 Service "
             "Unavailable</title>\n</head><body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily "
             "unable "
             "to service your request due to maintenance downtime or capacity problems. Please try again "
             "later.</p>\n</body></html>\n",
             503);
    response.addHeader("Retry-After", "120");
    return response;
}

QHttpServerResponse SiteFaultPages::home(const QString& title) {
    return html("<!DOCTYPE html>\n<html><head><title>" + title.toHtmlEscaped().toUtf8() +
                    "</title></head><body><h1>AVideo (simulated)</h1></body></html>\n",
                200);
}

QHttpServerResponse SiteFaultPages::notFound() {
    return html("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not "
                "Found</h1></body></html>\n",
                404);
}

} // namespace avld::test
