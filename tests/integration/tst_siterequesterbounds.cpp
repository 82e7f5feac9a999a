// Issue 15, item 4: a 150 MB stats.json.php took `check` to 2.25 GB of memory; a site sending one byte per
// second held it for 52 s. Every answer the site requester reads is now capped in size and in total time.
#include "scriptedhttpserver.h"
#include "site/siterequester.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>

using namespace avld;
using namespace avld::test;

class TestSiteRequesterBounds : public QObject {
    Q_OBJECT
private:
    ScriptedHttpServer m_server;
    QNetworkAccessManager m_network;

    Result<SiteReply> getAndWait(SiteRequester& requester, const QString& path, qint64* elapsedMs) {
        std::optional<Result<SiteReply>> answer;
        QElapsedTimer timer;
        timer.start();
        requester.get(path, {}, [&](Result<SiteReply> reply) { answer = std::move(reply); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 60000))
            return Error{QStringLiteral("test-timeout"), QStringLiteral("no answer in 60 s"), {}};
        *elapsedMs = timer.elapsed();
        return *answer;
    }

    SiteProfile profile() const {
        SiteProfile site;
        site.siteUrl = m_server.url(QStringLiteral("/"));
        return site;
    }

private Q_SLOTS:
    void formEncodingKeepsEveryCharacter() {
        const QByteArray body =
            SiteRequester::encodeForm({{QStringLiteral("user"), QStringLiteral("a+b@x")},
                                       {QStringLiteral("pass"), QStringLiteral("p&s=s %20ü")}});
        QCOMPARE(body, QByteArray("user=a%2Bb%40x&pass=p%26s%3Ds%20%2520%C3%BC"));
    }

    void initTestCase() {
        QVERIFY(m_server.listen());
        ScriptedHttpServer::Route endless;
        endless.behaviour = ScriptedHttpServer::Behaviour::Endless;
        m_server.setRoute(QStringLiteral("/plugin/Live/stats.json.php"), endless);
        ScriptedHttpServer::Route drip;
        drip.behaviour = ScriptedHttpServer::Behaviour::Drip;
        drip.body = QByteArray(200, ' ') + "[]";
        drip.dripIntervalMs = 100; // 20 s for the whole body, a byte every 100 ms
        m_server.setRoute(QStringLiteral("/slow.json"), drip);
        m_server.respond(QStringLiteral("/small.json"), 200, "application/json", "[1,2,3]");
    }

    void anEndlessAnswerStopsAtTheCap_data() {
        QTest::addColumn<qint64>("cap");
        QTest::newRow("the default, 32 MiB") << qint64(0);
        QTest::newRow("a smaller one") << qint64(1024 * 1024);
    }
    void anEndlessAnswerStopsAtTheCap() {
        QFETCH(qint64, cap);
        SiteRequester requester(m_network, profile());
        if (cap > 0)
            requester.setMaxBodyBytes(cap);
        const qint64 shown = (cap > 0 ? cap : SiteRequester::kDefaultMaxBytes) >> 10;
        qint64 elapsed = 0;
        const Result<SiteReply> reply =
            getAndWait(requester, QStringLiteral("plugin/Live/stats.json.php"), &elapsed);
        QVERIFY2(!reply.ok(), "an endless answer was read to its end");
        QCOMPARE(reply.error().code, QStringLiteral("too-large"));
        QVERIFY2(reply.error().message.contains(QStringLiteral("%1 KiB").arg(shown)),
                 qPrintable(reply.error().toString()));
        QVERIFY2(reply.error().message.contains(QStringLiteral("stats.json.php")),
                 qPrintable(reply.error().toString()));
    }

    void aDripFedAnswerMeetsTheWholeAnswerDeadline() {
        SiteRequester requester(m_network, profile());
        requester.setTimeoutMs(500); // the whole answer: 1.5 s
        qint64 elapsed = 0;
        const Result<SiteReply> reply = getAndWait(requester, QStringLiteral("slow.json"), &elapsed);
        QVERIFY2(!reply.ok(), qPrintable(QStringLiteral("read to its end in %1 ms").arg(elapsed)));
        QCOMPARE(reply.error().code, QStringLiteral("timeout"));
        QVERIFY2(reply.error().message.contains(QStringLiteral("still sending")),
                 qPrintable(reply.error().message));
        QVERIFY2(elapsed < 10'000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    }

    // Issue 15, item 10: a redirect loop was reported as "an empty body".
    void aRedirectLoopIsNamed() {
        m_server.redirect(QStringLiteral("/loop.json"), m_server.url(QStringLiteral("/loop.json")));
        SiteRequester requester(m_network, profile());
        qint64 elapsed = 0;
        const Result<SiteReply> reply = getAndWait(requester, QStringLiteral("loop.json"), &elapsed);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().code, QStringLiteral("redirect"));
        QVERIFY2(reply.error().message.contains(QStringLiteral("loop")), qPrintable(reply.error().message));
    }

    void aNormalAnswerIsUntouched() {
        SiteRequester requester(m_network, profile());
        requester.setTimeoutMs(500);
        requester.setMaxBodyBytes(1024);
        qint64 elapsed = 0;
        const Result<SiteReply> reply = getAndWait(requester, QStringLiteral("small.json"), &elapsed);
        QVERIFY2(reply.ok(), reply.ok() ? "" : qPrintable(reply.error().toString()));
        QCOMPARE(reply->body, QByteArray("[1,2,3]"));
    }
};

QTEST_GUILESS_MAIN(TestSiteRequesterBounds)
#include "tst_siterequesterbounds.moc"
