#include "alerts/ntfychannel.h"
#include "alertsamples.h"
#include "recordinghttpserver.h"

#include <QTest>

using namespace avld;
using namespace avld::test;

// ntfy against a loopback fake of its publishing API (POST or PUT to the topic's URL).
class NtfyChannelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postsTheTextWithTitlePriorityAndTags() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/avideo-alerts"), {.body = R"({"id":"x1","event":"message"})"});
        TimedHttpClient http;
        NtfyChannel channel(http, ntfy.url(QStringLiteral("/avideo-alerts")), QStringLiteral("tk_secret123"));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QVERIFY(outcome && outcome->delivered());
        const auto request = ntfy.requests().value(0);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.headers.value("title"), QByteArray("[FIRING] Encoder enc.example is offline"));
        QCOMPARE(request.headers.value("priority"), QByteArray("urgent"));
        QCOMPARE(request.headers.value("tags"), QByteArray("rotating_light"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tk_secret123"));
        QCOMPARE(QString::fromUtf8(request.body), sampleRaised(false).body());
    }

    void putsThePictureAsAnAttachment() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/avideo-alerts"), {});
        TimedHttpClient http;
        NtfyChannel channel(http, ntfy.url(QStringLiteral("/avideo-alerts")), QString());
        const AlertMessage message = sampleRaised(true);
        const auto outcome = deliverOnce(channel, message);
        QVERIFY(outcome && outcome->delivered());
        const auto request = ntfy.requests().value(0);
        QCOMPARE(request.method, QByteArray("PUT"));
        QCOMPARE(request.body, message.alert.picture);
        QCOMPARE(request.headers.value("filename"), QByteArray("enc.example.jpg"));
        QVERIFY(!request.headers.contains("authorization")); // a public topic
        // The text has a dash and a line break: RFC 2047, which ntfy decodes.
        const QByteArray encoded = request.headers.value("message");
        QVERIFY2(encoded.startsWith("=?UTF-8?B?"), encoded.constData());
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(encoded.mid(10).chopped(2))), message.body());
    }

    void resolvedIsQuieter() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/t"), {});
        TimedHttpClient http;
        NtfyChannel channel(http, ntfy.url(QStringLiteral("/t")), QString());
        QVERIFY(deliverOnce(channel, sampleResolved())->delivered());
        QCOMPARE(ntfy.requests().value(0).headers.value("priority"), QByteArray("default"));
        QCOMPARE(ntfy.requests().value(0).headers.value("tags"), QByteArray("white_check_mark"));
    }

    void aWrongTokenIsRefusedAndNotShown() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/t"),
                       {.status = 403, .body = R"({"code":40301,"error":"forbidden"})"});
        TimedHttpClient http;
        NtfyChannel channel(http, ntfy.url(QStringLiteral("/t")), QStringLiteral("tk_wrong"));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QVERIFY(outcome);
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Refused);
        QVERIFY(outcome->reason.contains(QStringLiteral("HTTP 403")));
        QVERIFY(!outcome->reason.contains(QStringLiteral("tk_wrong")));
        QCOMPARE(channel.label(), QStringLiteral("ntfy 127.0.0.1/t"));
    }
};

QTEST_GUILESS_MAIN(NtfyChannelTest)
#include "tst_ntfychannel.moc"
