#include "alerts/telegramchannel.h"
#include "alertsamples.h"
#include "mimeparts.h"
#include "recordinghttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace avld;
using namespace avld::test;

// Telegram's Bot API against a loopback fake: sendMessage (JSON) and sendPhoto (multipart).
class TelegramChannelTest : public QObject {
    Q_OBJECT
private:
    static constexpr auto kToken = "123456:AAE-secret_token";
    static QString path(const char* method) {
        return QStringLiteral("/bot%1/%2").arg(QLatin1String(kToken), QLatin1String(method));
    }
    static RecordingHttpServer::Answer ok() { return {.body = R"({"ok":true,"result":{"message_id":7}})"}; }

private Q_SLOTS:
    void sendsTextWithSendMessage() {
        RecordingHttpServer api;
        QVERIFY(api.listen());
        api.setAnswer(path("sendMessage"), ok());
        TimedHttpClient http;
        TelegramChannel channel(http, QString::fromLatin1(kToken), QStringLiteral("-1001234567890"),
                                api.url(QString()));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QVERIFY(outcome && outcome->delivered());
        QCOMPARE(api.count(path("sendMessage")), 1);
        const auto request = api.requests().value(0);
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(json.value(QStringLiteral("chat_id")).toString(), QStringLiteral("-1001234567890"));
        QCOMPARE(json.value(QStringLiteral("text")).toString(),
                 sampleRaised(false).subject() + QStringLiteral("\n\n") + sampleRaised(false).body());
    }

    void sendsThePictureWithSendPhoto() {
        RecordingHttpServer api;
        QVERIFY(api.listen());
        api.setAnswer(path("sendPhoto"), ok());
        TimedHttpClient http;
        TelegramChannel channel(http, QString::fromLatin1(kToken), QStringLiteral("@avideo_ops"),
                                api.url(QStringLiteral("/")));
        const AlertMessage message = sampleRaised(true);
        QVERIFY(deliverOnce(channel, message)->delivered());
        const auto request = api.requests(path("sendPhoto")).value(0);
        QVERIFY(request.headers.value("content-type").startsWith("multipart/form-data"));
        const QList<MimePart> parts = mimeParts(request.headers.value("content-type"), request.body);
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].name, QByteArray("chat_id"));
        QCOMPARE(parts[0].data, QByteArray("@avideo_ops"));
        QCOMPARE(parts[1].name, QByteArray("caption"));
        QVERIFY(QString::fromUtf8(parts[1].data).startsWith(message.subject()));
        QCOMPARE(parts[2].name, QByteArray("photo"));
        QCOMPARE(parts[2].fileName, QByteArray("enc.example.jpg"));
        QCOMPARE(parts[2].contentType, QByteArray("image/jpeg"));
        QCOMPARE(parts[2].data, message.alert.picture);
    }

    // Telegram's flood control: 429 with parameters.retry_after in its JSON.
    void floodControlSaysHowLongToWait() {
        RecordingHttpServer api;
        QVERIFY(api.listen());
        api.setAnswer(
            path("sendMessage"),
            {.status = 429,
             .body =
                 R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})"});
        TimedHttpClient http;
        TelegramChannel channel(http, QString::fromLatin1(kToken), QStringLiteral("42"), api.url(QString()));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QVERIFY(outcome);
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Retry);
        QCOMPARE(outcome->retryAfterMs, 7000);
        QCOMPARE(outcome->reason, QStringLiteral("HTTP 429: Too Many Requests: retry after 7"));
    }

    void aWrongChatIsRefusedWithoutTheToken() {
        RecordingHttpServer api;
        QVERIFY(api.listen());
        api.setAnswer(
            path("sendMessage"),
            {.status = 400,
             .body = R"({"ok":false,"error_code":400,"description":"Bad Request: chat not found"})"});
        TimedHttpClient http;
        TelegramChannel channel(http, QString::fromLatin1(kToken), QStringLiteral("42"), api.url(QString()));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Refused);
        QCOMPARE(outcome->reason, QStringLiteral("HTTP 400: Bad Request: chat not found"));
        QVERIFY(!channel.label().contains(QLatin1String("secret")));
    }
};

QTEST_GUILESS_MAIN(TelegramChannelTest)
#include "tst_telegramchannel.moc"
