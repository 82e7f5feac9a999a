#include "site/siteanswer.h"

#include <QTest>

using namespace avld;

// What a site's answer means: AVideo's refusals (and those of what stands in front of it) and JSON where JSON
// was asked for.
class TestSiteAnswer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusals_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code"); // empty: not a refusal

        QTest::newRow("ok json") << 200 << QByteArray(R"({"error":false})") << QString();
        QTest::newRow("csrf guard") << 403 << QByteArray("Invalid Request 203.0.113.9")
                                    << QStringLiteral("csrf-refused");
        QTest::newRow("403 permission json")
            << 403 << QByteArray(R"({"error":true,"msg":"Permission denied"})")
            << QStringLiteral("permission-denied");
        QTest::newRow("old AVideo 200 permission")
            << 200 << QByteArray(R"({"error":"Permission denied"})") << QStringLiteral("permission-denied");
        QTest::newRow("method") << 405 << QByteArray("Method not allowed")
                                << QStringLiteral("method-not-allowed");
        QTest::newRow("rate limit") << 429 << QByteArray("Too many requests")
                                    << QStringLiteral("rate-limited");
        QTest::newRow("php fatal") << 500 << QByteArray("<b>Fatal error</b>")
                                   << QStringLiteral("server-error");
        QTest::newRow("gateway") << 502 << QByteArray("Bad Gateway") << QStringLiteral("server-error");
        QTest::newRow("not found") << 404 << QByteArray("Not Found") << QStringLiteral("http-404");
        QTest::newRow("teapot") << 418 << QByteArray() << QStringLiteral("http-418");
        QTest::newRow("AVideo's forbidden page")
            << 403
            << QByteArray("<!DOCTYPE html><html><head><title>Forbidden &middot; My "
                          "Site</title></head><body>x</body>")
            << QStringLiteral("permission-denied");
        QTest::newRow("AVideo's page, another title")
            << 403
            << QByteArray("<html><head><title>Proibido</title><script>var webSiteRootURL = '';</script>")
            << QStringLiteral("permission-denied");
        QTest::newRow("web server's 403")
            << 403 << QByteArray("<html><head><title>403 Forbidden</title></head><body>nope</body></html>")
            << QStringLiteral("blocked");
        QTest::newRow("CDN's 403")
            << 403
            << QByteArray("<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>")
            << QStringLiteral("blocked");
        QTest::newRow("overloaded") << 503
                                    << QByteArray("<html><title>503 Service Unavailable</title></html>")
                                    << QStringLiteral("server-error");
        QTest::newRow("long page mentioning permission")
            << 200 << QByteArray(400, 'x') + "Permission denied" << QString();
    }

    void refusals() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        SiteReply reply;
        reply.status = status;
        reply.body = body;
        reply.url = QUrl(QStringLiteral("https://s.example/objects/configurationClearCache.json.php"));
        const Status refused = refusalOfSiteReply(reply);
        QCOMPARE(refused.ok() ? QString() : refused.error().code, code);
        if (!refused.ok()) {
            QVERIFY(refused.error().message.contains(QStringLiteral("configurationClearCache.json.php")));
            // A page's title is quoted, so the admin sees whose refusal it is.
            if (code == QStringLiteral("blocked"))
                QVERIFY2(refused.error().message.contains(QStringLiteral("Forbidden")) ||
                             refused.error().message.contains(QStringLiteral("Cloudflare")),
                         qPrintable(refused.error().message));
            if (status == 503)
                QVERIFY2(refused.error().message.contains(QStringLiteral("overloaded or in maintenance")),
                         qPrintable(refused.error().message));
        }
    }

    // A 404's hint names what to check for the path that is missing: a plugin, or the site's address.
    void notFoundNamesWhatToCheck_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("hint");
        QTest::newRow("login") << QStringLiteral("objects/login.json.php")
                               << QStringLiteral(
                                      "it must be AVideo's home page (where objects/login.json.php");
        QTest::newRow("live plugin") << QStringLiteral("plugin/Live/stats.json.php")
                                     << QStringLiteral("the Live plugin is installed");
        QTest::newRow("api plugin") << QStringLiteral("plugin/API/get.json.php")
                                    << QStringLiteral("the API plugin is installed");
    }
    void notFoundNamesWhatToCheck() {
        QFETCH(QString, path);
        QFETCH(QString, hint);
        SiteReply reply;
        reply.status = 404;
        reply.body = "Not Found";
        reply.url = QUrl(QStringLiteral("https://s.example/") + path);
        const Status refused = refusalOfSiteReply(reply);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().hint.contains(hint), qPrintable(refused.error().hint));
    }

    void jsonAnswers_data() {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("json") << QByteArray("application/json") << QByteArray(R"({"a":1})") << QString();
        QTest::newRow("html page") << QByteArray("text/html")
                                   << QByteArray("<html><head><title>Maintenance</title></head></html>")
                                   << QStringLiteral("html-instead-of-json");
        QTest::newRow("html without content type")
            << QByteArray() << QByteArray("<!DOCTYPE html><p>hi") << QStringLiteral("html-instead-of-json");
        QTest::newRow("php warning before json")
            << QByteArray("application/json") << QByteArray("Warning: Undefined variable $x\n{\"a\":1}")
            << QStringLiteral("bad-json");
        QTest::newRow("truncated") << QByteArray("application/json")
                                   << QByteArray(R"({"applications":[{"key":)") << QStringLiteral("bad-json");
        QTest::newRow("empty") << QByteArray("application/json") << QByteArray("  ")
                               << QStringLiteral("empty-answer");
    }

    void jsonAnswers() {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        SiteReply reply;
        reply.status = 200;
        reply.contentType = contentType;
        reply.body = body;
        reply.url = QUrl(QStringLiteral("https://s.example/plugin/Live/stats.json.php"));
        const auto json = jsonOfSiteReply(reply);
        QCOMPARE(json.ok() ? QString() : json.error().code, code);
        if (code == QStringLiteral("html-instead-of-json") && contentType == "text/html")
            QVERIFY(json.error().message.contains(QStringLiteral("Maintenance")));
    }
};

QTEST_GUILESS_MAIN(TestSiteAnswer)
#include "tst_siteanswer.moc"
