#include "alerts/alertlifecycle.h"
#include "mockclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The one lifecycle of every alert: raised, reminded, resolved; flapping damped; snooze; quiet hours.
// Time is a mock clock, read in UTC+1 for the quiet hours (no test depends on the machine's time zone).
class AlertLifecycleTest : public QObject {
    Q_OBJECT
private:
    static constexpr qint64 kMinute = 60'000;
    static Alert encoderDown(AlertSeverity severity = AlertSeverity::Critical) {
        return {.key = QStringLiteral("encoder:https://enc.example/"),
                .severity = severity,
                .title = QStringLiteral("Encoder enc.example is offline"),
                .text = QStringLiteral("enc.example did not answer within 2 s")};
    }
    static AlertPolicy policy() {
        return {.remindEveryMs = 30 * kMinute,
                .flapWindowMs = 5 * kMinute,
                .quietHours = {},
                .criticalDuringQuietHours = true};
    }
    static QList<AlertEvent> events(const QSignalSpy& spy) {
        QList<AlertEvent> all;
        for (const QList<QVariant>& args : spy)
            all.append(args.at(0).value<AlertMessage>().event);
        return all;
    }
    static AlertMessage at(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<AlertMessage>(); }
    static const QTimeZone& zone() {
        static const QTimeZone plusOne(3600);
        return plusOne;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertMessage>(); }

    void raisedRemindedResolved() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown());
        QCOMPARE(events(sent), QList<AlertEvent>{AlertEvent::Raised});
        QCOMPARE(at(sent, 0).subject(), QStringLiteral("[FIRING] Encoder enc.example is offline"));
        lifecycle.raise(encoderDown()); // still true at the next probe: nothing new
        clock.advanceMs(29 * kMinute);
        lifecycle.tick();
        QCOMPARE(sent.count(), 1);
        clock.advanceMs(kMinute);
        lifecycle.tick();
        QCOMPARE(events(sent), (QList<AlertEvent>{AlertEvent::Raised, AlertEvent::Reminder}));
        QVERIFY2(at(sent, 1).body().contains(QStringLiteral("for 30 min")), qPrintable(at(sent, 1).body()));
        clock.advanceMs(10 * kMinute);
        lifecycle.tick();
        QCOMPARE(sent.count(), 2); // the next reminder counts from the last one
        lifecycle.resolve(encoderDown().key, QStringLiteral("enc.example is online again"),
                          QJsonObject{{QStringLiteral("to"), QStringLiteral("online")}});
        QCOMPARE(events(sent).last(), AlertEvent::Resolved);
        QCOMPARE(at(sent, 2).alert.text.left(27), QStringLiteral("enc.example is online again"));
        QVERIFY(at(sent, 2).body().contains(QStringLiteral("it lasted 40 min")));
        QCOMPARE(at(sent, 2).alert.details.value(QStringLiteral("to")).toString(), QStringLiteral("online"));
        QVERIFY(lifecycle.active().isEmpty());
    }

    void remindEveryZeroNeverReminds() {
        MockClock clock;
        AlertPolicy p = policy();
        p.remindEveryMs = 0;
        AlertLifecycle lifecycle(clock, p);
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown());
        for (int i = 0; i < 48; ++i) {
            clock.advanceMs(60 * kMinute);
            lifecycle.tick();
        }
        QCOMPARE(sent.count(), 1);
    }

    void aSeverityChangeIsAnnouncedAgain() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown(AlertSeverity::Critical));
        lifecycle.raise(encoderDown(AlertSeverity::Warning));
        QCOMPARE(events(sent), (QList<AlertEvent>{AlertEvent::Raised, AlertEvent::Raised}));
        QCOMPARE(at(sent, 1).alert.severity, AlertSeverity::Warning);
    }

    // Raised again soon after its resolution: told only once it has held for the flap window.
    void flappingIsDamped() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown());
        lifecycle.resolve(encoderDown().key);
        QCOMPARE(sent.count(), 2);
        for (int i = 0; i < 5; ++i) { // up and down every minute
            clock.advanceMs(kMinute);
            lifecycle.raise(encoderDown());
            lifecycle.tick();
            clock.advanceMs(kMinute);
            lifecycle.resolve(encoderDown().key);
            lifecycle.tick();
        }
        QCOMPARE(sent.count(), 2); // nothing about the flaps
        clock.advanceMs(kMinute);
        lifecycle.raise(encoderDown());
        clock.advanceMs(4 * kMinute);
        lifecycle.tick();
        QCOMPARE(sent.count(), 2);
        clock.advanceMs(kMinute);
        lifecycle.tick(); // it held for 5 min
        QCOMPARE(events(sent).last(), AlertEvent::Raised);
        QCOMPARE(sent.count(), 3);
        // Raised again long after a resolution: at once.
        lifecycle.resolve(encoderDown().key);
        clock.advanceMs(6 * kMinute);
        lifecycle.raise(encoderDown());
        QCOMPARE(events(sent).last(), AlertEvent::Raised);
        QCOMPARE(sent.count(), 5);
    }

    void snoozeOneKeyThenItsEndReminds() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown());
        lifecycle.snooze(encoderDown().key, clock.now().addSecs(2 * 3600));
        QCOMPARE(lifecycle.snoozedUntil(encoderDown().key), clock.now().addSecs(2 * 3600));
        Alert other = encoderDown();
        other.key = QStringLiteral("encoder:https://backup.example/");
        lifecycle.raise(other); // another key is not snoozed
        QCOMPARE(sent.count(), 2);
        for (int i = 0; i < 119; ++i) {
            clock.advanceMs(kMinute);
            lifecycle.tick();
        }
        // Only the other alert was reminded (at 30, 60, 90 min).
        for (int i = 2; i < sent.count(); ++i)
            QCOMPARE(at(sent, i).alert.key, other.key);
        QCOMPARE(sent.count(), 5);
        clock.advanceMs(kMinute);
        lifecycle.tick(); // the snooze ends (and the other's reminder falls due)
        bool reminded = false;
        for (int i = 5; i < sent.count(); ++i)
            reminded |=
                at(sent, i).alert.key == encoderDown().key && at(sent, i).event == AlertEvent::Reminder;
        QVERIFY(reminded);
        QVERIFY(!lifecycle.snoozedUntil(encoderDown().key).isValid());
    }

    void snoozeAllSilencesEverythingUntilItEnds() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.snooze(QString(), clock.now().addSecs(3600));
        lifecycle.raise(encoderDown());
        clock.advanceMs(30 * kMinute);
        lifecycle.tick();
        QCOMPARE(sent.count(), 0);
        lifecycle.unsnooze(QString());
        QCOMPARE(events(sent), QList<AlertEvent>{AlertEvent::Reminder});
    }

    void aResolutionDuringTheSnoozeIsNotSent() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown());
        lifecycle.snooze(encoderDown().key, clock.now().addSecs(3600));
        lifecycle.resolve(encoderDown().key);
        clock.advanceMs(61 * kMinute);
        lifecycle.tick();
        QCOMPARE(sent.count(), 1);
    }

    // Another site opened: the old one's alerts are no longer watched, and nothing is said about them.
    void withdrawnAlertsSayNothing() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, policy());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown());
        lifecycle.withdrawAll();
        QVERIFY(lifecycle.active().isEmpty());
        clock.advanceMs(120 * kMinute);
        lifecycle.tick();
        lifecycle.resolve(encoderDown().key);
        QCOMPARE(events(sent), QList<AlertEvent>{AlertEvent::Raised});
    }

    void quietHoursContain_data() {
        QTest::addColumn<QString>("window");
        QTest::addColumn<QTime>("local");
        QTest::addColumn<bool>("quiet");
        QTest::newRow("before midnight") << QStringLiteral("22:00-07:00") << QTime(23, 30) << true;
        QTest::newRow("after midnight") << QStringLiteral("22:00-07:00") << QTime(3, 0) << true;
        QTest::newRow("at the start") << QStringLiteral("22:00-07:00") << QTime(22, 0) << true;
        QTest::newRow("at the end") << QStringLiteral("22:00-07:00") << QTime(7, 0) << false;
        QTest::newRow("day") << QStringLiteral("22:00-07:00") << QTime(12, 0) << false;
        QTest::newRow("same-day window") << QStringLiteral("12:00-13:30") << QTime(13, 0) << true;
        QTest::newRow("outside same-day") << QStringLiteral("12:00-13:30") << QTime(14, 0) << false;
        QTest::newRow("off") << QStringLiteral("off") << QTime(3, 0) << false;
    }
    void quietHoursContain() {
        QFETCH(QString, window);
        QFETCH(QTime, local);
        QFETCH(bool, quiet);
        const Result<QuietHours> hours = QuietHours::parse(window);
        QVERIFY(hours.ok());
        const QDateTime moment(QDate(2026, 3, 1), local, zone());
        QCOMPARE(hours->contains(moment.toUTC(), zone()), quiet);
    }

    void quietHoursParseRefuses_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("one time") << QStringLiteral("22:00");
        QTest::newRow("no minutes") << QStringLiteral("22-07");
        QTest::newRow("same") << QStringLiteral("07:00-07:00");
        QTest::newRow("25 h") << QStringLiteral("25:00-07:00");
    }
    void quietHoursParseRefuses() {
        QFETCH(QString, text);
        QVERIFY(!QuietHours::parse(text).ok());
    }

    // Across midnight: warnings are held from 22:00 and told as one summary at 07:00; critical ones go out.
    void quietHoursHoldWarningsAndSummariseAtTheirEnd() {
        MockClock clock(QDateTime(QDate(2026, 3, 1), QTime(21, 50), zone()).toUTC());
        AlertPolicy p = policy();
        p.quietHours = *QuietHours::parse(QStringLiteral("22:00-07:00"));
        AlertLifecycle lifecycle(clock, p);
        lifecycle.setTimeZone(zone());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        clock.advanceMs(20 * kMinute); // 22:10
        lifecycle.tick();
        Alert degraded = encoderDown(AlertSeverity::Warning);
        degraded.key = QStringLiteral("encoder:https://backup.example/");
        degraded.title = QStringLiteral("Encoder backup.example is degraded");
        lifecycle.raise(degraded);
        QCOMPARE(sent.count(), 0);
        clock.advanceMs(3 * 60 * kMinute); // 01:10
        lifecycle.tick();
        lifecycle.raise(encoderDown(AlertSeverity::Critical));
        QCOMPARE(events(sent), QList<AlertEvent>{AlertEvent::Raised}); // critical: at once
        QCOMPARE(at(sent, 0).alert.severity, AlertSeverity::Critical);
        Alert brief = degraded;
        brief.key = QStringLiteral("encoder:https://third.example/");
        brief.title = QStringLiteral("Encoder third.example is degraded");
        lifecycle.raise(brief);
        clock.advanceMs(60 * kMinute); // 02:10
        lifecycle.resolve(brief.key);
        // Reminders of the warning fell due all night; none was sent.
        for (int i = 0; i < 289; ++i) { // to 06:59
            clock.advanceMs(kMinute);
            lifecycle.tick();
        }
        for (const QList<QVariant>& args : sent)
            QCOMPARE(args.at(0).value<AlertMessage>().alert.severity, AlertSeverity::Critical);
        const qsizetype criticalSent = sent.count();
        clock.advanceMs(kMinute); // 07:00
        lifecycle.tick();
        QCOMPARE(sent.count(), criticalSent + 1);
        const AlertMessage summary = at(sent, int(sent.count() - 1));
        QCOMPARE(summary.event, AlertEvent::Summary);
        QCOMPARE(summary.alert.title, QStringLiteral("While quiet (22:00-07:00): 3 alert message(s)"));
        QVERIFY2(summary.alert.text.contains(QStringLiteral("raised: Encoder backup.example is degraded")),
                 qPrintable(summary.alert.text));
        QVERIFY(summary.alert.text.contains(QStringLiteral("resolved: Encoder third.example is degraded")));
        QVERIFY(summary.alert.text.contains(
            QStringLiteral("Still raised:\n- Encoder backup.example is degraded")));
        clock.advanceMs(10 * kMinute);
        lifecycle.tick();
        QCOMPARE(lifecycle.heldCount(), 0);
    }

    void holdCriticalKeepsThemForTheSummaryToo() {
        MockClock clock(QDateTime(QDate(2026, 3, 1), QTime(23, 0), zone()).toUTC());
        AlertPolicy p = policy();
        p.quietHours = *QuietHours::parse(QStringLiteral("22:00-07:00"));
        p.criticalDuringQuietHours = false;
        AlertLifecycle lifecycle(clock, p);
        lifecycle.setTimeZone(zone());
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        lifecycle.raise(encoderDown(AlertSeverity::Critical));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(lifecycle.heldCount(), 1);
        clock.advanceMs(8 * 60 * kMinute);
        lifecycle.tick();
        QCOMPARE(events(sent), QList<AlertEvent>{AlertEvent::Summary});
    }
};

QTEST_GUILESS_MAIN(AlertLifecycleTest)
#include "tst_alertlifecycle.moc"
