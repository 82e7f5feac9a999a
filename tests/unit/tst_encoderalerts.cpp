#include "alerts/alertlifecycle.h"
#include "alerts/encoderalerts.h"
#include "alertsamples.h"
#include "mockclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The encoder monitor's alerts as the lifecycle's: offline is critical, degraded a warning, online resolves;
// the thumbnail of the latest probe goes with the alert.
class EncoderAlertsTest : public QObject {
    Q_OBJECT
private:
    static EncoderTarget target() {
        EncoderTarget t;
        t.id = QStringLiteral("enc-1");
        t.name = QStringLiteral("Backup");
        t.url = QUrl(QStringLiteral("http://10.0.0.5:8080/"));
        return t;
    }
    static EncoderStateChange change(EncoderState from, EncoderState to, bool reminder = false) {
        return {.encoderId = QStringLiteral("enc-1"),
                .from = from,
                .to = to,
                .reason = QStringLiteral("10.0.0.5:8080 answers only with its placeholder"),
                .at = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC),
                .previousSince = QDateTime(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC),
                .alerting = true,
                .reminder = reminder};
    }
    static AlertMessage at(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<AlertMessage>(); }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertMessage>(); }

    void degradedThenOfflineThenOnline() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, AlertPolicy{.remindEveryMs = 0, .flapWindowMs = 0});
        EncoderAlerts alerts(lifecycle);
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        EncoderProbeReport report;
        report.record.encoderId = QStringLiteral("enc-1");
        report.picture = sampleThumbnail();
        report.pictureType = "image/jpeg";
        alerts.noteProbe(report);
        alerts.onAlert(change(EncoderState::Online, EncoderState::Degraded), target());
        QCOMPARE(sent.count(), 1);
        const AlertMessage raised = at(sent, 0);
        QCOMPARE(raised.event, AlertEvent::Raised);
        QCOMPARE(raised.alert.key, QStringLiteral("encoder:http://10.0.0.5:8080/"));
        QCOMPARE(raised.alert.severity, AlertSeverity::Warning);
        QCOMPARE(raised.alert.title, QStringLiteral("Encoder Backup (10.0.0.5:8080) is degraded"));
        QCOMPARE(raised.alert.picture, sampleThumbnail());
        QCOMPARE(raised.alert.pictureName, QStringLiteral("10.0.0.5-8080.jpg"));
        QCOMPARE(raised.alert.details.value(QStringLiteral("to")).toString(), QStringLiteral("degraded"));
        // An offline encoder has no new picture: the last one goes.
        EncoderProbeReport offline;
        offline.record.encoderId = QStringLiteral("enc-1");
        alerts.noteProbe(offline);
        alerts.onAlert(change(EncoderState::Degraded, EncoderState::Offline), target());
        QCOMPARE(sent.count(), 2);
        QCOMPARE(at(sent, 1).alert.severity, AlertSeverity::Critical);
        QCOMPARE(at(sent, 1).alert.picture, sampleThumbnail());
        // The monitor's reminders are the lifecycle's business.
        alerts.onAlert(change(EncoderState::Offline, EncoderState::Offline, true), target());
        QCOMPARE(sent.count(), 2);
        alerts.onAlert(change(EncoderState::Offline, EncoderState::Online), target());
        QCOMPARE(sent.count(), 3);
        QCOMPARE(at(sent, 2).event, AlertEvent::Resolved);
        QVERIFY(at(sent, 2).alert.text.startsWith(
            QStringLiteral("Backup (10.0.0.5:8080) is online (was offline)")));
        QVERIFY(lifecycle.active().isEmpty());
    }

    void aStandInsSecretPathStaysOutOfTheKey() {
        EncoderTarget t = target();
        t.url = QUrl(QStringLiteral("http://10.0.0.9:8099/k3Yq9sZx2LmP4vB7/"));
        QVERIFY(!EncoderAlerts::keyFor(t).contains(QStringLiteral("k3Yq9sZx2LmP4vB7")));
    }
};

QTEST_GUILESS_MAIN(EncoderAlertsTest)
#include "tst_encoderalerts.moc"
