#include "alerts/webhookchannel.h"
#include "alertsamples.h"
#include "recordinghttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The generic webhook against a loopback receiver: the alert's facts as JSON, the picture in base64.
class WebhookChannelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postsTheAlertAsJson() {
        RecordingHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setAnswer(QStringLiteral("/hook"), {});
        TimedHttpClient http;
        WebhookChannel channel(http, receiver.url(QStringLiteral("/hook")));
        AlertMessage message = sampleRaised(true);
        message.alert.details =
            QJsonObject{{QStringLiteral("event"), QStringLiteral("encoder.state_changed")},
                        {QStringLiteral("to"), QStringLiteral("offline")}};
        QVERIFY(deliverOnce(channel, message)->delivered());
        const auto request = receiver.requests().value(0);
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        // The encoder's facts as `encoders --webhook` always sent them, and the lifecycle's beside them.
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("encoder.state_changed"));
        QCOMPARE(json.value(QStringLiteral("to")).toString(), QStringLiteral("offline"));
        const QJsonObject alert = json.value(QStringLiteral("alert")).toObject();
        QCOMPARE(alert.value(QStringLiteral("event")).toString(), QStringLiteral("raised"));
        QCOMPARE(alert.value(QStringLiteral("key")).toString(),
                 QStringLiteral("encoder:https://enc.example/"));
        QCOMPARE(alert.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(alert.value(QStringLiteral("at")).toString(), QStringLiteral("2026-11-23T14:02:00.000Z"));
        const QJsonObject picture = json.value(QStringLiteral("picture")).toObject();
        QCOMPARE(picture.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(QByteArray::fromBase64(picture.value(QStringLiteral("base64")).toString().toLatin1()),
                 message.alert.picture);
    }

    void aReminderIsNamedForItself() {
        AlertMessage reminder = sampleRaised(false);
        reminder.event = AlertEvent::Reminder;
        reminder.alert.details =
            QJsonObject{{QStringLiteral("event"), QStringLiteral("encoder.state_changed")}};
        const QJsonObject json = QJsonDocument::fromJson(WebhookChannel::payload(reminder)).object();
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("alert.reminder"));
    }

    void aSummaryHasAnEventOfItsOwn() {
        const AlertMessage summary{
            .event = AlertEvent::Summary,
            .alert = {.key = QStringLiteral("summary"), .title = QStringLiteral("While quiet")},
            .at = QDateTime(QDate(2026, 1, 2), QTime(7, 0), Qt::UTC),
            .since = {}};
        const QJsonObject json = QJsonDocument::fromJson(WebhookChannel::payload(summary)).object();
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("alert.summary"));
        QVERIFY(!json.contains(QStringLiteral("picture")));
    }

    void itsPathStaysOutOfTheLabel() {
        TimedHttpClient http;
        WebhookChannel channel(http, QUrl(QStringLiteral("https://hooks.example.org/T0/secret-path")));
        QCOMPARE(channel.label(), QStringLiteral("webhook hooks.example.org"));
    }
};

QTEST_GUILESS_MAIN(WebhookChannelTest)
#include "tst_webhookchannel.moc"
