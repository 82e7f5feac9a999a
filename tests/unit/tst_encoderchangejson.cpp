#include "encoders/encoderchangejson.h"

#include <QJsonObject>
#include <QTest>

using namespace avld;

// An encoder's change as JSON: what `encoders --watch --json` prints and a webhook receives with an encoder
// alert (its delivery: tst_webhookchannel, tst_alertdelivery).
class EncoderChangeJsonTest : public QObject {
    Q_OBJECT
private:
    static EncoderTarget target() {
        EncoderTarget t;
        t.id = QStringLiteral("enc-1");
        t.name = QStringLiteral("encoder1.wwbn.net");
        t.url = QUrl(QStringLiteral("https://encoder1.wwbn.net/"));
        t.origin = EncoderOrigin::SiteConfigured;
        return t;
    }
    static EncoderStateChange wentDown() {
        return {.encoderId = QStringLiteral("enc-1"),
                .from = EncoderState::Online,
                .to = EncoderState::Offline,
                .reason = QStringLiteral("encoder1.wwbn.net is unreachable: DNS"),
                .at = QDateTime(QDate(2026, 11, 23), QTime(14, 2), Qt::UTC),
                .previousSince = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC),
                .alerting = true,
                .reminder = false};
    }

private Q_SLOTS:
    void payloadNamesTheEncoderAndTheChange() {
        const QJsonObject json = encoderChangeJson(wentDown(), target());
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("encoder.state_changed"));
        QCOMPARE(json.value(QStringLiteral("from")).toString(), QStringLiteral("online"));
        QCOMPARE(json.value(QStringLiteral("to")).toString(), QStringLiteral("offline"));
        QCOMPARE(json.value(QStringLiteral("encoder")).toObject().value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://encoder1.wwbn.net/"));
        QCOMPARE(json.value(QStringLiteral("at")).toString(), QStringLiteral("2026-11-23T14:02:00.000Z"));
        QVERIFY(json.value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("is offline (was online)")));
    }

    // Issue 15, item 7: two encoders on one host were both "127.0.0.1" in alerts.
    void alertsTellTwoEncodersOnOneHostApart_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("no name") << QString() << QStringLiteral("http://127.0.0.1:8090/")
                                 << QStringLiteral("127.0.0.1:8090 is offline");
        QTest::newRow("named by its host")
            << QStringLiteral("127.0.0.1") << QStringLiteral("http://127.0.0.1:8091/")
            << QStringLiteral("127.0.0.1:8091 is offline");
        QTest::newRow("a name of its own")
            << QStringLiteral("Backup") << QStringLiteral("http://10.0.0.5:8080/")
            << QStringLiteral("Backup (10.0.0.5:8080) is offline");
        QTest::newRow("default port")
            << QStringLiteral("encoder1.wwbn.net") << QStringLiteral("https://encoder1.wwbn.net/")
            << QStringLiteral("encoder1.wwbn.net is offline");
    }
    void alertsTellTwoEncodersOnOneHostApart() {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, shown);
        EncoderTarget t = target();
        t.name = name;
        t.url = QUrl(url);
        const QJsonObject json = encoderChangeJson(wentDown(), t);
        const QString text = json.value(QStringLiteral("text")).toString();
        QVERIFY2(text.startsWith(shown), qPrintable(text));
    }

    void flappingIsItsOwnEvent() {
        EncoderStateChange change = wentDown();
        change.flapping = true;
        change.reason =
            QStringLiteral("flapping: 4 changes in 2 min, now offline (down); no more alerts until "
                           "it holds one state for 15 min");
        QJsonObject json = encoderChangeJson(change, target());
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("encoder.flapping"));
        QVERIFY2(json.value(QStringLiteral("text"))
                     .toString()
                     .startsWith(QStringLiteral("encoder1.wwbn.net is flapping: 4 changes")),
                 qPrintable(json.value(QStringLiteral("text")).toString()));
        change.flapping = false;
        change.flappingEnded = true;
        change.from = change.to = EncoderState::Online;
        change.reason = QStringLiteral("no longer flapping: online for 15 min — ok");
        json = encoderChangeJson(change, target());
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("encoder.flapping_ended"));
        QCOMPARE(json.value(QStringLiteral("text")).toString(),
                 QStringLiteral("encoder1.wwbn.net is no longer flapping: online for 15 min — ok"));
    }
};

QTEST_GUILESS_MAIN(EncoderChangeJsonTest)
#include "tst_encoderchangejson.moc"
