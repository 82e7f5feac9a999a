#include "alerts/alertdelivery.h"
#include "alerts/ntfychannel.h"
#include "alerts/webhookchannel.h"
#include "alertsamples.h"
#include "freeport.h"
#include "recordinghttpserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The one delivery queue: retried with backoff on what a receiver may recover from, never lost silently.
// Real channels against failing loopback fakes: refused connections, 500 then 200, 429 with Retry-After,
// 400 (not retried), a full queue.
class AlertDeliveryTest : public QObject {
    Q_OBJECT
private:
    static AlertDelivery::Options fast() {
        return {.maxAttempts = 3,
                .firstBackoffMs = 100,
                .maxBackoffMs = 400,
                .maxRetryAfterMs = 5000,
                .maxQueued = 100};
    }
    using Answer = RecordingHttpServer::Answer;

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertMessage>(); }

    void serverErrorThenSuccessIsRetriedWithBackoff() {
        RecordingHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.queueAnswer(QStringLiteral("/hook"), {.status = 500, .body = "down"});
        receiver.queueAnswer(QStringLiteral("/hook"), {.status = 503, .body = "busy"});
        receiver.setAnswer(QStringLiteral("/hook"), {});
        TimedHttpClient http;
        AlertDelivery delivery(fast());
        const int id = delivery.addChannel(
            std::make_unique<WebhookChannel>(http, receiver.url(QStringLiteral("/hook"))));
        QSignalSpy delivered(&delivery, &AlertDelivery::delivered);
        QSignalSpy retrying(&delivery, &AlertDelivery::retrying);
        QSignalSpy failed(&delivery, &AlertDelivery::failed);
        delivery.send(sampleRaised(false));
        QTRY_COMPARE(delivered.count(), 1);
        QCOMPARE(receiver.count(QStringLiteral("/hook")), 3);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(retrying.at(0).at(4).toLongLong(), 100); // then doubled
        QCOMPARE(retrying.at(1).at(4).toLongLong(), 200);
        const QList<RecordingHttpServer::Request> tries = receiver.requests();
        QVERIFY(tries[1].atMs - tries[0].atMs >= 90);
        QVERIFY(tries[2].atMs - tries[1].atMs >= 190);
        QCOMPARE(delivery.stats(id).delivered, 1);
    }

    void tooManyRequestsWaitsForRetryAfter() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.queueAnswer(
            QStringLiteral("/t"),
            {.status = 429, .body = R"({"error":"limited"})", .headers = {{"Retry-After", "1"}}});
        ntfy.setAnswer(QStringLiteral("/t"), {});
        TimedHttpClient http;
        AlertDelivery delivery(fast());
        delivery.addChannel(std::make_unique<NtfyChannel>(http, ntfy.url(QStringLiteral("/t")), QString()));
        QSignalSpy delivered(&delivery, &AlertDelivery::delivered);
        QSignalSpy retrying(&delivery, &AlertDelivery::retrying);
        delivery.send(sampleRaised(false));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 5000);
        QCOMPARE(retrying.first().at(4).toLongLong(), 1000); // not the 100 ms backoff
        const QList<RecordingHttpServer::Request> tries = ntfy.requests();
        QCOMPARE(tries.size(), 2);
        QVERIFY2(tries[1].atMs - tries[0].atMs >= 950,
                 qPrintable(QString::number(tries[1].atMs - tries[0].atMs)));
    }

    void clientErrorIsNotRetriedAndIsReported() {
        RecordingHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setAnswer(QStringLiteral("/hook"),
                           {.status = 400, .contentType = "text/plain", .body = "bad payload"});
        TimedHttpClient http;
        AlertDelivery delivery(fast());
        const int id = delivery.addChannel(
            std::make_unique<WebhookChannel>(http, receiver.url(QStringLiteral("/hook"))));
        QSignalSpy failed(&delivery, &AlertDelivery::failed);
        delivery.send(sampleRaised(false));
        QTRY_COMPARE(failed.count(), 1);
        const QString reason = failed.first().at(3).toString();
        QVERIFY2(reason.contains(QStringLiteral("HTTP 400: bad payload (not retried)")), qPrintable(reason));
        QVERIFY(reason.startsWith(QStringLiteral("webhook 127.0.0.1 did not take the alert \"[FIRING]")));
        QTest::qWait(500);
        QCOMPARE(receiver.count(QStringLiteral("/hook")), 1);
        QCOMPARE(delivery.stats(id).failed, 1);
        QCOMPARE(delivery.failedTotal(), 1);
    }

    void refusedConnectionsAreRetriedThenReported() {
        TimedHttpClient http;
        AlertDelivery delivery(fast());
        const QUrl nobody(QStringLiteral("http://127.0.0.1:%1/hook").arg(freeLoopbackPort()));
        delivery.addChannel(std::make_unique<WebhookChannel>(http, nobody));
        QSignalSpy retrying(&delivery, &AlertDelivery::retrying);
        QSignalSpy failed(&delivery, &AlertDelivery::failed);
        delivery.send(sampleRaised(false));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(retrying.count(), 2); // 3 attempts
        QVERIFY2(failed.first().at(3).toString().contains(QStringLiteral("after 3 attempts")),
                 qPrintable(failed.first().at(3).toString()));
        QCOMPARE(delivery.queuedTotal(), 0);
    }

    // A broken channel holds back no other, and each keeps its order.
    void channelsAreIndependent() {
        RecordingHttpServer good;
        QVERIFY(good.listen());
        good.setAnswer(QStringLiteral("/ok"), {});
        RecordingHttpServer bad;
        QVERIFY(bad.listen());
        bad.setAnswer(QStringLiteral("/down"), {.status = 502, .body = "bad gateway"});
        TimedHttpClient http;
        AlertDelivery delivery(fast());
        const int goodId =
            delivery.addChannel(std::make_unique<WebhookChannel>(http, good.url(QStringLiteral("/ok"))));
        delivery.addChannel(std::make_unique<WebhookChannel>(http, bad.url(QStringLiteral("/down"))));
        QSignalSpy failed(&delivery, &AlertDelivery::failed);
        delivery.send(sampleRaised(false));
        delivery.send(sampleResolved());
        QTRY_COMPARE(delivery.stats(goodId).delivered, 2);
        QCOMPARE(good.requests().value(0).body.contains("\"raised\""), true);
        QCOMPARE(good.requests().value(1).body.contains("\"resolved\""), true);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
        QCOMPARE(bad.count(QStringLiteral("/down")), 6);
    }

    void aFullQueueDropsTheOldestAndSaysSo() {
        RecordingHttpServer slow;
        QVERIFY(slow.listen());
        slow.setAnswer(QStringLiteral("/hook"), {.status = 503, .body = "busy"});
        TimedHttpClient http;
        AlertDelivery::Options o = fast();
        o.maxQueued = 2;
        o.firstBackoffMs = 2000;
        AlertDelivery delivery(o);
        delivery.addChannel(std::make_unique<WebhookChannel>(http, slow.url(QStringLiteral("/hook"))));
        QSignalSpy failed(&delivery, &AlertDelivery::failed);
        QSignalSpy retrying(&delivery, &AlertDelivery::retrying);
        AlertMessage first = sampleRaised(false);
        first.alert.title = QStringLiteral("first");
        AlertMessage second = first;
        second.alert.title = QStringLiteral("second");
        AlertMessage third = first;
        third.alert.title = QStringLiteral("third");
        delivery.send(first);
        // Waiting for its retry, not still in flight (the server may have it before we have its answer).
        QTRY_COMPARE(retrying.count(), 1);
        delivery.send(second);
        delivery.send(third);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(2).value<AlertMessage>().alert.title,
                 QStringLiteral("first")); // the oldest, waiting for its retry
        QVERIFY(failed.first().at(3).toString().contains(QStringLiteral("the queue is full")));
        QCOMPARE(delivery.queuedTotal(), 2);
    }

    // Removed (or changed, in the window) with messages still waiting: each is said, none dropped silently.
    void aRemovedChannelSaysWhatItHadNotSent() {
        RecordingHttpServer slow;
        QVERIFY(slow.listen());
        slow.setAnswer(QStringLiteral("/hook"), {.status = 503, .body = "busy"});
        TimedHttpClient http;
        AlertDelivery::Options o = fast();
        o.firstBackoffMs = 5000;
        AlertDelivery delivery(o);
        const int id =
            delivery.addChannel(std::make_unique<WebhookChannel>(http, slow.url(QStringLiteral("/hook"))));
        QSignalSpy failed(&delivery, &AlertDelivery::failed);
        delivery.send(sampleRaised(false));
        delivery.send(sampleResolved());
        QTRY_COMPARE(slow.count(QStringLiteral("/hook")), 1);
        delivery.removeChannel(id);
        QCOMPARE(failed.count(), 2);
        QVERIFY(
            failed.at(0).at(3).toString().contains(QStringLiteral("removed or changed before it was sent")));
        QCOMPARE(delivery.failedTotal(), 2);
    }

    void sendToReachesOneChannelOnly() {
        RecordingHttpServer a;
        QVERIFY(a.listen());
        a.setAnswer(QStringLiteral("/a"), {});
        TimedHttpClient http;
        AlertDelivery delivery(fast());
        const int first =
            delivery.addChannel(std::make_unique<WebhookChannel>(http, a.url(QStringLiteral("/a"))));
        delivery.addChannel(std::make_unique<WebhookChannel>(http, a.url(QStringLiteral("/b"))));
        QSignalSpy delivered(&delivery, &AlertDelivery::delivered);
        const quint64 ticket = delivery.sendTo(first, AlertMessage::test(QDateTime::currentDateTimeUtc()));
        QTRY_COMPARE(delivered.count(), 1);
        QCOMPARE(delivered.first().at(0).toInt(), first);
        QCOMPARE(delivered.first().at(1).toULongLong(), ticket);
        QCOMPARE(a.count(QStringLiteral("/b")), 0);
    }
};

QTEST_GUILESS_MAIN(AlertDeliveryTest)
#include "tst_alertdelivery.moc"
