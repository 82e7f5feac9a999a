#include "alerts/discordchannel.h"
#include "alertsamples.h"
#include "mimeparts.h"
#include "recordinghttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace avld;
using namespace avld::test;

// A Discord webhook against a loopback fake of its execute-webhook endpoint.
class DiscordChannelTest : public QObject {
    Q_OBJECT
private:
    static constexpr auto kPath = "/api/webhooks/112233/secret-webhook-token";

private Q_SLOTS:
    void postsContentAndAnEmbed() {
        RecordingHttpServer discord;
        QVERIFY(discord.listen());
        discord.setAnswer(QLatin1String(kPath), {.status = 204, .body = {}});
        TimedHttpClient http;
        DiscordChannel channel(http, discord.url(QLatin1String(kPath)));
        QVERIFY(deliverOnce(channel, sampleRaised(false))->delivered());
        const auto request = discord.requests().value(0);
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(json.value(QStringLiteral("content")).toString(), sampleRaised(false).subject());
        const QJsonObject embed = json.value(QStringLiteral("embeds")).toArray().at(0).toObject();
        QCOMPARE(embed.value(QStringLiteral("description")).toString(), sampleRaised(false).body());
        QCOMPARE(embed.value(QStringLiteral("color")).toInt(), 0xD83C3E);
        QVERIFY(!embed.contains(QStringLiteral("image")));
        QCOMPARE(json.value(QStringLiteral("allowed_mentions"))
                     .toObject()
                     .value(QStringLiteral("parse"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(channel.label(), QStringLiteral("Discord webhook 112233"));
    }

    void sendsThePictureAsFiles0WithPayloadJson() {
        RecordingHttpServer discord;
        QVERIFY(discord.listen());
        discord.setAnswer(QLatin1String(kPath), {.status = 200, .body = R"({"id":"1"})"});
        TimedHttpClient http;
        DiscordChannel channel(http, discord.url(QLatin1String(kPath)));
        const AlertMessage message = sampleRaised(true);
        QVERIFY(deliverOnce(channel, message)->delivered());
        const auto request = discord.requests().value(0);
        const QList<MimePart> parts = mimeParts(request.headers.value("content-type"), request.body);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0].name, QByteArray("payload_json"));
        const QJsonObject json = QJsonDocument::fromJson(parts[0].data).object();
        QCOMPARE(json.value(QStringLiteral("embeds"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("image"))
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 QStringLiteral("attachment://enc.example.jpg"));
        QCOMPARE(parts[1].name, QByteArray("files[0]"));
        QCOMPARE(parts[1].fileName, QByteArray("enc.example.jpg"));
        QCOMPARE(parts[1].data, message.alert.picture);
    }

    void rateLimitHonoursRetryAfter() {
        RecordingHttpServer discord;
        QVERIFY(discord.listen());
        discord.setAnswer(
            QLatin1String(kPath),
            {.status = 429,
             .body = R"({"message":"You are being rate limited.","retry_after":1.5,"global":false})",
             .headers = {{"Retry-After", "1.5"}}});
        TimedHttpClient http;
        DiscordChannel channel(http, discord.url(QLatin1String(kPath)));
        const auto outcome = deliverOnce(channel, sampleResolved());
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Retry);
        QCOMPARE(outcome->retryAfterMs, 1500);
    }

    void anUnknownWebhookIsRefusedWithoutItsToken() {
        RecordingHttpServer discord;
        QVERIFY(discord.listen());
        TimedHttpClient http;
        DiscordChannel channel(http, discord.url(QLatin1String(kPath)));
        const auto outcome = deliverOnce(channel, sampleRaised(false)); // the fake answers 404
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Refused);
        QVERIFY(!outcome->reason.contains(QStringLiteral("secret-webhook-token")));
    }
};

QTEST_GUILESS_MAIN(DiscordChannelTest)
#include "tst_discordchannel.moc"
