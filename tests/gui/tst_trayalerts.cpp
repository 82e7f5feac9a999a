#include "alerts/alertlifecycle.h"
#include "mockclock.h"
#include "settings.h"
#include "trayalerts.h"

#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using avld::test::MockClock;

// The tray hears the alert lifecycle: what is snoozed, held for quiet hours or damped while it flaps does not
// pop up on the desktop either.
class TrayAlertsTest : public QObject {
    Q_OBJECT
private:
    static Alert encoderDown(AlertSeverity severity = AlertSeverity::Critical) {
        Alert a;
        a.key = QStringLiteral("encoder:https://enc.example/:unhealthy");
        a.severity = severity;
        a.title = QStringLiteral("enc.example is offline");
        a.text = QStringLiteral("Connection refused.");
        return a;
    }

    struct Rig {
        QTemporaryDir dir;
        Settings settings{
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat)};
        QMainWindow window;
        TrayNotifier tray{&window, settings, /*trayAvailable=*/true};
        MockClock clock;
        AlertLifecycle lifecycle{clock};
        QSignalSpy notified{&tray, &TrayNotifier::notified};
        Rig() { showAlertsInTray(lifecycle, tray); }
    };

private Q_SLOTS:
    void raisedRemindedResolved() {
        Rig rig;
        AlertPolicy policy;
        policy.remindEveryMs = 60'000;
        rig.lifecycle.setPolicy(policy);

        rig.lifecycle.raise(encoderDown());
        QCOMPARE(rig.notified.size(), 1);
        QCOMPARE(rig.notified[0][0].toString(), QStringLiteral("enc.example is offline"));
        QVERIFY(rig.notified[0][1].toString().contains(QStringLiteral("Connection refused")));
        QCOMPARE(rig.notified[0][2].value<TrayNotifier::Severity>(), TrayNotifier::Severity::Critical);

        rig.lifecycle.raise(encoderDown()); // still down: not said again
        QCOMPARE(rig.notified.size(), 1);
        rig.clock.advanceMs(61'000);
        rig.lifecycle.tick();
        QCOMPARE(rig.notified.size(), 2);
        QCOMPARE(rig.notified[1][0].toString(), QStringLiteral("Still: enc.example is offline"));

        rig.lifecycle.resolve(encoderDown().key, QStringLiteral("Online again."));
        QCOMPARE(rig.notified.size(), 3);
        QCOMPARE(rig.notified[2][0].toString(), QStringLiteral("Resolved: enc.example is offline"));
        QCOMPARE(rig.notified[2][2].value<TrayNotifier::Severity>(), TrayNotifier::Severity::Information);
    }

    void snoozedSaysNothing() {
        Rig rig;
        rig.lifecycle.snooze(QString(), rig.clock.now().addSecs(3600));
        rig.lifecycle.raise(encoderDown());
        rig.lifecycle.resolve(encoderDown().key);
        rig.lifecycle.raise(encoderDown(AlertSeverity::Warning));
        rig.clock.advanceMs(30 * 60'000);
        rig.lifecycle.tick();
        QCOMPARE(rig.notified.size(), 0);
    }

    void quietHoursHoldWarnings() {
        Rig rig;
        AlertPolicy policy;
        policy.quietHours = QuietHours{QTime(0, 0), QTime(23, 59)};
        rig.lifecycle.setTimeZone(QTimeZone::utc());
        rig.lifecycle.setPolicy(policy);
        QVERIFY(rig.lifecycle.inQuietHours());
        rig.lifecycle.raise(encoderDown(AlertSeverity::Warning));
        QCOMPARE(rig.notified.size(), 0);
        rig.lifecycle.raise([] {
            Alert a = encoderDown(AlertSeverity::Critical);
            a.key += QStringLiteral(":2");
            return a;
        }());
        QCOMPARE(rig.notified.size(), 1); // critical alerts pass quiet hours (the default policy)
    }

    void aFlappingEncoderIsToldOnce() {
        Rig rig;
        rig.lifecycle.raise(encoderDown());
        rig.lifecycle.resolve(encoderDown().key);
        QCOMPARE(rig.notified.size(), 2);
        for (int i = 0; i < 3; ++i) {
            rig.clock.advanceMs(20'000);
            rig.lifecycle.raise(encoderDown());
            rig.clock.advanceMs(20'000);
            rig.lifecycle.resolve(encoderDown().key);
            rig.lifecycle.tick();
        }
        QCOMPARE(rig.notified.size(), 2);
    }

    void testMessagesStayInTheirChannel() {
        Rig rig;
        Q_EMIT rig.lifecycle.message(AlertMessage::test(rig.clock.now()));
        QCOMPARE(rig.notified.size(), 0);
    }
};

QTEST_MAIN(TrayAlertsTest)
#include "tst_trayalerts.moc"
