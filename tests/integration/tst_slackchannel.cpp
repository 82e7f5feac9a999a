#include "alerts/slackchannel.h"
#include "alertsamples.h"
#include "recordinghttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace avld;
using namespace avld::test;

// A Slack incoming webhook against a loopback fake (it answers "ok" as text, errors as words).
class SlackChannelTest : public QObject {
    Q_OBJECT
private:
    static constexpr auto kPath = "/services/T000/B000/XXXXsecret";

private Q_SLOTS:
    void postsTextAndBlocks() {
        RecordingHttpServer slack;
        QVERIFY(slack.listen());
        slack.setAnswer(QLatin1String(kPath), {.contentType = "text/html", .body = "ok"});
        TimedHttpClient http;
        SlackChannel channel(http, slack.url(QLatin1String(kPath)));
        QVERIFY(deliverOnce(channel, sampleRaised(false))->delivered());
        const QJsonObject json = QJsonDocument::fromJson(slack.requests().value(0).body).object();
        QCOMPARE(json.value(QStringLiteral("text")).toString(), sampleRaised(false).subject());
        const QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(
            blocks[0]
                .toObject()
                .value(QStringLiteral("text"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString(),
            QStringLiteral(
                "*[FIRING] Encoder enc.example is offline*\nenc.example did not answer within 2 s — AVideo "
                "shows its card"));
    }

    // Incoming webhooks take no files: the message says so instead.
    void saysThePictureIsNotAttached() {
        RecordingHttpServer slack;
        QVERIFY(slack.listen());
        slack.setAnswer(QLatin1String(kPath), {.contentType = "text/html", .body = "ok"});
        TimedHttpClient http;
        SlackChannel channel(http, slack.url(QLatin1String(kPath)));
        QVERIFY(!channel.takesPictures());
        QVERIFY(deliverOnce(channel, sampleRaised(true))->delivered());
        const auto request = slack.requests().value(0);
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        QVERIFY(request.body.contains("Slack incoming webhooks take no files"));
        QVERIFY(!request.body.contains(sampleThumbnail().toBase64().left(40)));
    }

    void anArchivedChannelIsRefused() {
        RecordingHttpServer slack;
        QVERIFY(slack.listen());
        slack.setAnswer(QLatin1String(kPath),
                        {.status = 410, .contentType = "text/html", .body = "channel_is_archived"});
        TimedHttpClient http;
        SlackChannel channel(http, slack.url(QLatin1String(kPath)));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Refused);
        QCOMPARE(outcome->reason, QStringLiteral("HTTP 410: channel_is_archived"));
    }
};

QTEST_GUILESS_MAIN(SlackChannelTest)
#include "tst_slackchannel.moc"
