#include "freeport.h"
#include "net/timedhttpclient.h"
#include "scriptedhttpserver.h"
#include "tlshttpserver.h"
#include "version.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace avld;
using namespace avld::test;

namespace {

QString describe(const TimedOutcome& outcome) {
    if (outcome.ok())
        return QStringLiteral("HTTP %1, %2 bytes")
            .arg(outcome.result->httpStatus)
            .arg(outcome.result->body.size());
    return outcome.result.error().code + QStringLiteral(": ") + outcome.result.error().toString();
}

TimedRequest requestFor(const QUrl& url) {
    TimedRequest request;
    request.url = url;
    return request;
}

} // namespace

// TimedHttpClient against real servers on loopback: plain HTTP that answers, misbehaves or stays silent,
// HTTPS with good, self-signed, expired and wrongly named certificates.
class TimedHttpClientTest : public QObject {
    Q_OBJECT
private:
    ScriptedHttpServer m_http;
    std::unique_ptr<TlsHttpServer> m_selfSigned;
    std::unique_ptr<TlsHttpServer> m_expired;
    std::unique_ptr<TlsHttpServer> m_issued;

    // Runs one request to its end; a "test-timeout" error when Done did not run within waitMs. A real event
    // loop, not QTest::qWaitFor (which sleeps 10 ms between rounds and would show in the phases).
    static TimedOutcome run(TimedHttpClient& client, TimedRequest request, int waitMs = 20000) {
        std::optional<TimedOutcome> outcome;
        QEventLoop loop;
        client.start(std::move(request), [&](TimedOutcome o) {
            outcome = std::move(o);
            loop.quit();
        });
        QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
        loop.exec();
        if (!outcome)
            return TimedOutcome{.result =
                                    Error{QStringLiteral("test-timeout"), QStringLiteral("no Done"), {}}};
        return std::move(*outcome);
    }

    static std::unique_ptr<TlsHttpServer> tlsServer(TlsHttpServer::Certificate kind) {
        auto server = std::make_unique<TlsHttpServer>("application/json", R"({"status":"ok"})");
        server->setCertificate(kind);
        return server;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_http.listen());
        m_http.respond(QStringLiteral("/ok"), 200, "text/plain", "hello encoder");
        ScriptedHttpServer::Route silent;
        silent.behaviour = ScriptedHttpServer::Behaviour::Silent;
        m_http.setRoute(QStringLiteral("/silent"), silent);
        ScriptedHttpServer::Route endless;
        endless.behaviour = ScriptedHttpServer::Behaviour::Endless;
        m_http.setRoute(QStringLiteral("/endless"), endless);
        ScriptedHttpServer::Route drip;
        drip.behaviour = ScriptedHttpServer::Behaviour::Drip;
        drip.body = "abc";
        drip.dripIntervalMs = 20;
        m_http.setRoute(QStringLiteral("/drip"), drip);
        m_http.respond(QStringLiteral("/big"), 200, "application/octet-stream", QByteArray(64 * 1024, 'x'));
        m_http.redirect(QStringLiteral("/moved"), m_http.url(QStringLiteral("/ok")));
        m_http.redirect(QStringLiteral("/loop"), m_http.url(QStringLiteral("/loop")));
        ScriptedHttpServer::Route keepOpen;
        keepOpen.behaviour = ScriptedHttpServer::Behaviour::KeepOpen;
        keepOpen.contentType = "image/jpeg";
        keepOpen.body = "not really a jpeg";
        m_http.setRoute(QStringLiteral("/keep-open"), keepOpen);
        ScriptedHttpServer::Route slowDrip = drip;
        slowDrip.body = "abcdefghij";
        slowDrip.dripIntervalMs = 300;
        m_http.setRoute(QStringLiteral("/slow-drip"), slowDrip);

        m_selfSigned = tlsServer(TlsHttpServer::Certificate::SelfSigned);
        m_expired = tlsServer(TlsHttpServer::Certificate::Expired);
        m_issued = tlsServer(TlsHttpServer::Certificate::Issued);
        for (TlsHttpServer* server : {m_selfSigned.get(), m_expired.get(), m_issued.get()})
            QVERIFY2(server->start(), qPrintable(server->errorString()));
    }

    void answerCarriesBodyAndOrderedPhases() {
        TimedHttpClient client;
        const QUrl url = m_http.url(QStringLiteral("/ok"));
        const TimedOutcome outcome = run(client, requestFor(url));
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        const TimedResponse& response = *outcome.result;
        QCOMPARE(response.httpStatus, 200);
        QCOMPARE(response.body, QByteArray("hello encoder"));
        QCOMPARE(response.contentType, QByteArray("text/plain"));
        QCOMPARE(response.effectiveUrl, url);
        QCOMPARE(response.remoteAddress, QStringLiteral("127.0.0.1"));
        QVERIFY(!response.certificate);

        const PhaseTimings& phases = response.phases;
        QVERIFY(phases.dnsMs >= 0);
        QVERIFY(phases.connectMs >= 0);
        QCOMPARE(phases.tlsMs, -1); // no TLS on http
        QVERIFY(phases.firstByteMs >= 0);
        QVERIFY(phases.totalMs >= phases.firstByteMs);
        QVERIFY(phases.totalMs >= phases.dnsMs + phases.connectMs);
        QCOMPARE(outcome.phases.totalMs, phases.totalMs);
        QCOMPARE(outcome.remoteAddress, response.remoteAddress);
        QCOMPARE(client.inFlight(), 0);
        QCOMPARE(client.openSockets(), 0); // not kept alive unless asked
    }

    void anyHttpStatusIsAnAnswer_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("403 json from status.php")
            << 403 << QByteArray("application/json")
            << QByteArray(R"({"error":true,"msg":"Permission denied"})");
        QTest::newRow("404 html") << 404 << QByteArray("text/html") << QByteArray("<html>gone</html>");
        QTest::newRow("500 php error") << 500 << QByteArray("text/html") << QByteArray("Fatal error");
    }
    void anyHttpStatusIsAnAnswer() {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        const QString path = QStringLiteral("/status-%1").arg(status);
        m_http.respond(path, status, contentType, body);
        TimedHttpClient client;
        const TimedOutcome outcome = run(client, requestFor(m_http.url(path)));
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        QCOMPARE(outcome.result->httpStatus, status);
        QCOMPARE(outcome.result->contentType, contentType);
        QCOMPARE(outcome.result->body, body);
    }

    void transportFailures_data() {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("resolved");
        QTest::newRow("nobody listens")
            << QUrl(QStringLiteral("http://127.0.0.1:%1/status.php").arg(freeLoopbackPort()))
            << QStringLiteral("connect-refused") << true;
        QTest::newRow("name does not resolve")
            << QUrl(QStringLiteral("http://no-such-encoder.invalid/status.php")) << QStringLiteral("dns")
            << false;
        QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/file")) << QStringLiteral("bad-url")
                             << false;
        QTest::newRow("no scheme") << QUrl(QStringLiteral("encoder.example/status.php"))
                                   << QStringLiteral("bad-url") << false;
    }
    void transportFailures() {
        QFETCH(QUrl, url);
        QFETCH(QString, code);
        QFETCH(bool, resolved);
        TimedHttpClient client;
        const TimedOutcome outcome = run(client, requestFor(url));
        QVERIFY(!outcome.ok());
        const Error& error = outcome.result.error();
        QCOMPARE(error.code, code);
        QVERIFY2(url.host().isEmpty() || error.message.contains(url.host()), qPrintable(error.message));
        QVERIFY(!error.hint.isEmpty());
        QCOMPARE(outcome.phases.dnsMs >= 0, resolved);
        QCOMPARE(outcome.phases.connectMs, -1);
        QCOMPARE(outcome.phases.firstByteMs, -1);
        QVERIFY(outcome.phases.totalMs >= 0);
    }

    void silentServerTimesOutWaitingForTheFirstByte() {
        TimedHttpClient client;
        TimedRequest request = requestFor(m_http.url(QStringLiteral("/silent")));
        request.timeoutMs = 1500;
        request.connectTimeoutMs = 1000;
        QElapsedTimer elapsed;
        elapsed.start();
        const TimedOutcome outcome = run(client, request);
        QVERIFY(elapsed.elapsed() < request.timeoutMs + 2000);
        QVERIFY(!outcome.ok());
        const Error& error = outcome.result.error();
        QCOMPARE(error.code, QStringLiteral("timeout"));
        QVERIFY2(error.message.contains(QStringLiteral("within 1500 ms (waiting for the first byte)")),
                 qPrintable(error.message));
        QVERIFY(error.message.contains(QStringLiteral("127.0.0.1")));
        QVERIFY(outcome.phases.dnsMs >= 0);
        QVERIFY(outcome.phases.connectMs >= 0);
        QCOMPARE(outcome.phases.firstByteMs, -1);
        QVERIFY(outcome.phases.totalMs >= 1000);
        QCOMPARE(client.openSockets(), 0);
    }

    void tooLargeBodyIsCutOff_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("announced by Content-Length") << QStringLiteral("/big") << qint64(1000);
        QTest::newRow("endless body") << QStringLiteral("/endless") << qint64(200 * 1024);
    }
    void tooLargeBodyIsCutOff() {
        QFETCH(QString, path);
        QFETCH(qint64, limit);
        TimedHttpClient client;
        TimedRequest request = requestFor(m_http.url(path));
        request.maxBodyBytes = limit;
        request.timeoutMs = 15000;
        const TimedOutcome outcome = run(client, request);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.result.error().code, QStringLiteral("too-large"));
        QVERIFY2(outcome.result.error().message.contains(QString::number(limit)),
                 qPrintable(outcome.result.error().message));
        QCOMPARE(client.openSockets(), 0);
    }

    void selfSignedCertificateIsUntrusted() {
        TimedHttpClient client;
        TimedRequest request = requestFor(m_selfSigned->url(QStringLiteral("/status.php")));
        // The first handshake parses the system's authorities: slow on a loaded machine or under valgrind.
        request.timeoutMs = request.connectTimeoutMs = 20000;
        const TimedOutcome outcome = run(client, request, 30000);
        QVERIFY(!outcome.ok());
        const Error& error = outcome.result.error();
        QCOMPARE(error.code, QStringLiteral("tls-untrusted"));
        QVERIFY2(error.message.contains(QStringLiteral("127.0.0.1")), qPrintable(error.message));
        QVERIFY(!error.hint.isEmpty());
        QVERIFY2(outcome.phases.connectMs >= 0, qPrintable(QString::number(outcome.phases.connectMs)));
        QCOMPARE(outcome.phases.firstByteMs, -1);
        // The refused certificate is still described.
        QVERIFY(outcome.certificate);
        QVERIFY2(outcome.certificate->subject.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(outcome.certificate->subject));
        QCOMPARE(client.openSockets(), 0);
    }

    void expiredCertificateSaysWhenItExpired() {
        TimedHttpClient client;
        TimedRequest request = requestFor(m_expired->url(QStringLiteral("/status.php")));
        request.caCertificates = m_expired->caCertificatePem();
        const TimedOutcome outcome = run(client, request);
        QVERIFY(!outcome.ok());
        const Error& error = outcome.result.error();
        QCOMPARE(error.code, QStringLiteral("tls-expired"));
        QVERIFY2(error.message.contains(QStringLiteral("expired on 2025-01-01")), qPrintable(error.message));
        QVERIFY(outcome.certificate);
        QCOMPARE(outcome.certificate->notAfter, QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(outcome.certificate->notBefore, QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()));
    }

    void certificateForAnotherNameIsRefused() {
        TimedHttpClient client;
        QUrl url = m_issued->url(QStringLiteral("/status.php"));
        url.setHost(QStringLiteral("localhost")); // the certificate names 127.0.0.1 only
        TimedRequest request = requestFor(url);
        request.caCertificates = m_issued->caCertificatePem();
        const TimedOutcome outcome = run(client, request);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.result.error().code == QStringLiteral("tls-hostname"),
                 qPrintable(describe(outcome)));
        QVERIFY2(outcome.result.error().message.contains(QStringLiteral("localhost")),
                 qPrintable(outcome.result.error().message));
        QVERIFY(outcome.certificate);
    }

    void certificateFromATrustedAuthorityIsAccepted() {
        TimedHttpClient client;
        TimedRequest request = requestFor(m_issued->url(QStringLiteral("/status.php")));
        request.caCertificates = m_issued->caCertificatePem();
        const TimedOutcome outcome = run(client, request);
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        QCOMPARE(outcome.result->httpStatus, 200);
        QVERIFY(outcome.result->phases.tlsMs >= 0);
        QVERIFY(outcome.certificate);
        QVERIFY(outcome.certificate->issuer.contains(QStringLiteral("AVLD Test CA")));
    }

    void certificateFactsWithVerificationOff() {
        TimedHttpClient client;
        TimedRequest request = requestFor(m_selfSigned->url(QStringLiteral("/status.php")));
        request.verifyTls = false;
        const TimedOutcome outcome = run(client, request);
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        const TimedResponse& response = *outcome.result;
        QCOMPARE(response.httpStatus, 200);
        QCOMPARE(response.body, QByteArray(R"({"status":"ok"})"));
        QVERIFY(response.phases.tlsMs >= 0);
        QVERIFY(response.phases.totalMs >= response.phases.firstByteMs);
        QVERIFY(response.certificate);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(response.certificate->notAfter > now);
        QVERIFY(response.certificate->notBefore < now.addSecs(60));
        QVERIFY2(response.certificate->subject.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(response.certificate->subject));
        QVERIFY(!response.certificate->issuer.isEmpty());
    }

    void requestCarriesHeadersAndBody() {
        m_http.respond(QStringLiteral("/post"), 200, "application/json", "{}");
        TimedHttpClient client;
        TimedRequest request = requestFor(m_http.url(QStringLiteral("/post")));
        request.headers = {
            {"X-Probe", "yes"}, {"X-Empty", ""}, {"Content-Type", "application/x-www-form-urlencoded"}};
        request.postBody = "user=admin&pass=secret";
        const TimedOutcome outcome = run(client, request);
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        const auto headers = m_http.lastHeaders(QStringLiteral("/post"));
        QCOMPARE(headers.value("user-agent"), QByteArray("AVideoLiveDoctor/" AVLD_VERSION));
        QCOMPARE(headers.value("x-probe"), QByteArray("yes"));
        QVERIFY(headers.contains("x-empty"));
        QCOMPARE(headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(headers.value("content-length"), QByteArray::number(request.postBody.size()));

        request.userAgent = "Custom/1";
        QVERIFY(run(client, request).ok());
        QCOMPARE(m_http.lastHeaders(QStringLiteral("/post")).value("user-agent"), QByteArray("Custom/1"));

        request.headers = {{"X-Bad", "1\r\nInjected: yes"}};
        const TimedOutcome refused = run(client, request);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.result.error().code, QStringLiteral("bad-request"));
    }

    void redirects_data() {
        QTest::addColumn<bool>("follow");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("finalPath");
        QTest::newRow("not followed") << false << 302 << QStringLiteral("/moved");
        QTest::newRow("followed") << true << 200 << QStringLiteral("/ok");
    }
    void redirects() {
        QFETCH(bool, follow);
        QFETCH(int, status);
        QFETCH(QString, finalPath);
        TimedHttpClient client;
        TimedRequest request = requestFor(m_http.url(QStringLiteral("/moved")));
        request.followRedirects = follow;
        const TimedOutcome outcome = run(client, request);
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        QCOMPARE(outcome.result->httpStatus, status);
        QCOMPARE(outcome.result->effectiveUrl, m_http.url(finalPath));
    }

    void redirectLoopIsNamed() {
        TimedHttpClient client;
        TimedRequest request = requestFor(m_http.url(QStringLiteral("/loop")));
        request.followRedirects = true;
        const TimedOutcome outcome = run(client, request);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.result.error().code, QStringLiteral("redirect-loop"));
        QVERIFY(m_http.requestCount(QStringLiteral("/loop")) > 10);
    }

    // readUntilClose + idleTimeoutMs read as PHP's file_get_contents does: until the server closes, giving up
    // after a silence (before the headers: a timeout; after them: the answer so far, keptOpen).
    void readUntilClose_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("errorCode"); // empty: an answer
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("silence"); // ended by idleTimeoutMs
        QTest::addColumn<int>("minMs");
        QTest::addColumn<int>("maxMs");
        // idleTimeoutMs is 1000 in every row. Upper bounds are generous: the machine is shared and noisy.
        QTest::newRow("closes after the answer") << QStringLiteral("/ok") << 10000 << QString()
                                                 << QByteArray("hello encoder") << false << 0 << 900;
        QTest::newRow("keeps the connection open") << QStringLiteral("/keep-open") << 10000 << QString()
                                                   << QByteArray("not really a jpeg") << true << 950 << 2500;
        QTest::newRow("silent") << QStringLiteral("/silent") << 10000 << QStringLiteral("timeout")
                                << QByteArray() << true << 950 << 2500;
        QTest::newRow("bytes within the idle limit")
            << QStringLiteral("/drip") << 10000 << QString() << QByteArray("abc") << false << 0 << 900;
        QTest::newRow("dripping past the ceiling")
            << QStringLiteral("/slow-drip") << 1500 << QStringLiteral("timeout") << QByteArray() << false
            << 1400 << 3000;
    }
    void readUntilClose() {
        QFETCH(QString, path);
        QFETCH(int, timeoutMs);
        QFETCH(QString, errorCode);
        QFETCH(QByteArray, body);
        QFETCH(bool, silence);
        QFETCH(int, minMs);
        QFETCH(int, maxMs);
        TimedHttpClient client;
        TimedRequest request = requestFor(m_http.url(path));
        request.readUntilClose = true;
        request.idleTimeoutMs = 1000;
        request.timeoutMs = timeoutMs;
        request.sendUserAgent = false;
        request.headers = {{"Connection", "close"}};
        QElapsedTimer elapsed;
        elapsed.start();
        const TimedOutcome outcome = run(client, request);
        const qint64 ms = elapsed.elapsed();
        QVERIFY2(ms >= minMs && ms <= maxMs, qPrintable(QString::number(ms)));
        QVERIFY2(outcome.phases.totalMs >= minMs - 50 && outcome.phases.totalMs <= maxMs,
                 qPrintable(QString::number(outcome.phases.totalMs)));
        QCOMPARE(outcome.endedBySilence, silence);
        const auto headers = m_http.lastHeaders(path);
        QVERIFY(!headers.contains("user-agent"));
        QCOMPARE(headers.value("connection"), QByteArray("close"));
        if (!errorCode.isEmpty()) {
            QVERIFY2(!outcome.ok(), qPrintable(describe(outcome)));
            QCOMPARE(outcome.result.error().code, errorCode);
            if (silence)
                QVERIFY2(outcome.result.error().message.contains(QStringLiteral("within 1000 ms")),
                         qPrintable(outcome.result.error().message));
            return;
        }
        QVERIFY2(outcome.ok(), qPrintable(describe(outcome)));
        const TimedResponse& response = *outcome.result;
        QCOMPARE(response.httpStatus, 200);
        QCOMPARE(response.body, body);
        QCOMPARE(response.keptOpen, silence);
        QVERIFY(response.lastByteMs >= 0 && response.lastByteMs <= response.phases.totalMs);
        if (silence)
            QVERIFY2(
                response.phases.totalMs - response.lastByteMs >= 950,
                qPrintable(QStringLiteral("%1 %2").arg(response.lastByteMs).arg(response.phases.totalMs)));
        QTRY_COMPARE(client.openSockets(), 0);
    }

    void doneNeverRunsInsideStart_data() {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("answer") << m_http.url(QStringLiteral("/ok"));
        QTest::newRow("bad url") << QUrl(QStringLiteral("gopher://127.0.0.1/"));
        QTest::newRow("empty url") << QUrl();
        QTest::newRow("dns") << QUrl(QStringLiteral("http://nothing.invalid/"));
        QTest::newRow("refused") << QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort()));
    }
    void doneNeverRunsInsideStart() {
        QFETCH(QUrl, url);
        TimedHttpClient client;
        int calls = 0;
        client.start(requestFor(url), [&](TimedOutcome) { ++calls; });
        QCOMPARE(calls, 0);
        QCOMPARE(client.inFlight(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 20000);
        QTest::qWait(100);
        QCOMPARE(calls, 1);
        QCOMPARE(client.inFlight(), 0);
    }

    void cancelEndsWithCancelledOnce_data() {
        QTest::addColumn<int>("cancelAfterMs");
        QTest::addColumn<QUrl>("url");
        QTest::newRow("waiting for the answer") << 300 << m_http.url(QStringLiteral("/silent"));
        QTest::newRow("before the event loop ran") << -1 << m_http.url(QStringLiteral("/silent"));
        QTest::newRow("failure known, Done not run yet") << -1 << QUrl(QStringLiteral("ftp://x/"));
    }
    void cancelEndsWithCancelledOnce() {
        QFETCH(int, cancelAfterMs);
        QFETCH(QUrl, url);
        TimedHttpClient client;
        QList<TimedOutcome> outcomes;
        const quint64 id =
            client.start(requestFor(url), [&](TimedOutcome o) { outcomes.append(std::move(o)); });
        if (cancelAfterMs >= 0)
            QTest::qWait(cancelAfterMs);
        client.cancel(id);
        QVERIFY(outcomes.isEmpty()); // not inside cancel() either
        client.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10000);
        QCOMPARE(outcomes.first().result.error().code, QStringLiteral("cancelled"));
        client.cancel(id); // after Done: ignored
        QTest::qWait(200);
        QCOMPARE(outcomes.size(), 1);
        QCOMPARE(client.openSockets(), 0);
        QCOMPARE(client.inFlight(), 0);
    }

    void destroyingTheClientDropsRequestsSilently() {
        int calls = 0;
        auto client = std::make_unique<TimedHttpClient>();
        for (int i = 0; i < 5; ++i)
            client->start(requestFor(m_http.url(QStringLiteral("/silent"))), [&](TimedOutcome) { ++calls; });
        QTest::qWait(300); // connected, waiting for answers
        client->start(requestFor(QUrl(QStringLiteral("ftp://x/"))), [&](TimedOutcome) { ++calls; });
        QVERIFY(client->openSockets() >= 5);
        client.reset();
        QTest::qWait(500);
        QCOMPARE(calls, 0);
    }

    void deletingTheClientInsideDoneIsSafe() {
        QPointer<TimedHttpClient> client = new TimedHttpClient;
        int calls = 0;
        client->start(requestFor(m_http.url(QStringLiteral("/silent"))), [&](TimedOutcome) { ++calls; });
        client->start(requestFor(m_http.url(QStringLiteral("/ok"))), [&](TimedOutcome outcome) {
            ++calls;
            QVERIFY(outcome.ok());
            delete client.data();
        });
        QTRY_VERIFY_WITH_TIMEOUT(client.isNull(), 10000);
        QTest::qWait(200);
        QCOMPARE(calls, 1);
    }

    void socketsStayWithinTheLimit() {
        constexpr int kRequests = 50;
        constexpr int kMaxConnections = 4;
        TimedHttpClient client(kMaxConnections);
        int mostSockets = 0;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, &sampler,
                         [&] { mostSockets = std::max(mostSockets, client.openSockets()); });
        sampler.start(1);

        const int before = m_http.requestCount(QStringLiteral("/drip"));
        int answered = 0;
        QStringList failures;
        for (int i = 0; i < kRequests; ++i) {
            TimedRequest request = requestFor(m_http.url(QStringLiteral("/drip")));
            request.timeoutMs = 60000;
            client.start(request, [&](TimedOutcome outcome) {
                if (outcome.ok() && outcome.result->body == "abc")
                    ++answered;
                else
                    failures.append(describe(outcome));
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered + int(failures.size()), kRequests, 90000);
        sampler.stop();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(m_http.requestCount(QStringLiteral("/drip")) - before, kRequests);
        QVERIFY2(mostSockets <= kMaxConnections, qPrintable(QString::number(mostSockets)));
        QVERIFY2(mostSockets >= 2, qPrintable(QString::number(mostSockets))); // they did run side by side
        QCOMPARE(client.openSockets(), 0);
    }
};

QTEST_GUILESS_MAIN(TimedHttpClientTest)
#include "tst_timedhttpclient.moc"
