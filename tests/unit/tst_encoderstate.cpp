#include "encoders/encoderstate.h"
#include "mockclock.h"

#include <QTest>

using namespace avld;

namespace {

constexpr qint64 kStepMs = 10'000;

ProbeHealth healthOf(QChar letter) {
    if (letter == u'H')
        return ProbeHealth::Healthy;
    if (letter == u'D')
        return ProbeHealth::Degraded;
    return ProbeHealth::Failed;
}

ProbeRecord result(QChar letter, const QDateTime& at) {
    return ProbeRecord{.encoderId = QStringLiteral("enc1"),
                       .at = at,
                       .health = healthOf(letter),
                       .reason = QStringLiteral("%1 at %2").arg(letter).arg(at.toString(Qt::ISODate))};
}

// One letter per state: U(nknown), O(nline), D(egraded), P(ending), X (offline).
QChar letterOf(EncoderState state) {
    switch (state) {
    case EncoderState::Unknown:
        return u'U';
    case EncoderState::Online:
        return u'O';
    case EncoderState::Degraded:
        return u'D';
    case EncoderState::Pending:
        return u'P';
    case EncoderState::Offline:
        return u'X';
    }
    return u'?';
}

// Feeds the results 10 s apart; returns the state after each and marks the steps that raised an alert ("!")
// or a quiet change ("~").
struct Run {
    QString states;
    QString events;
    QList<EncoderStateChange> changes;
};

Run feedAll(EncoderStateMachine& machine, test::MockClock& clock, const QString& results) {
    Run run;
    for (QChar letter : results) {
        const std::optional<EncoderStateChange> change = machine.feed(result(letter, clock.now()));
        run.states += letterOf(machine.state());
        run.events += !change ? u'.' : change->alerting ? u'!' : u'~';
        if (change)
            run.changes << *change;
        clock.advanceMs(kStepMs);
    }
    return run;
}

} // namespace

class EncoderStateTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sequences_data() {
        QTest::addColumn<int>("failuresToConfirm");
        QTest::addColumn<int>("successesToRecover");
        QTest::addColumn<QString>("results");
        QTest::addColumn<QString>("states");
        QTest::addColumn<QString>("events");

        QTest::newRow("healthy from unknown at once") << 3 << 2 << "HHH"
                                                      << "OOO"
                                                      << "!..";
        QTest::newRow("failed from unknown is confirmed") << 3 << 2 << "FFFF"
                                                          << "PPXX"
                                                          << "~.!.";
        QTest::newRow("degraded from unknown is confirmed") << 3 << 2 << "DDD"
                                                            << "PPD"
                                                            << "~.!";
        QTest::newRow("unknown then pending then healthy") << 3 << 2 << "FH"
                                                           << "PO"
                                                           << "~!";
        QTest::newRow("online goes offline after N") << 3 << 2 << "HFFF"
                                                     << "OPPX"
                                                     << "!~.!";
        QTest::newRow("two failures are not enough") << 3 << 2 << "HFFH"
                                                     << "OPPO"
                                                     << "!~.~";
        QTest::newRow("settles on the latest result") << 3 << 2 << "HFFD"
                                                      << "OPPD"
                                                      << "!~.!";
        QTest::newRow("mixed worse results count") << 3 << 2 << "HDFF"
                                                   << "OPPX"
                                                   << "!~.!";
        QTest::newRow("online to degraded") << 3 << 2 << "HDDD"
                                            << "OPPD"
                                            << "!~.!";
        QTest::newRow("degraded to offline") << 3 << 2 << "HDDDFFF"
                                             << "OPPDPPX"
                                             << "!~.!~.!";
        QTest::newRow("degraded, pending, back") << 3 << 2 << "HDDDFD"
                                                 << "OPPDPD"
                                                 << "!~.!~~";
        QTest::newRow("recovery needs M") << 3 << 2 << "HFFFHH"
                                          << "OPPXXO"
                                          << "!~.!.!";
        QTest::newRow("recovery interrupted") << 3 << 2 << "HFFFHFHH"
                                              << "OPPXXXXO"
                                              << "!~.!...!";
        QTest::newRow("recovery settles on the latest") << 3 << 2 << "HFFFHD"
                                                        << "OPPXXD"
                                                        << "!~.!.!";
        QTest::newRow("offline to degraded") << 3 << 2 << "HFFFDD"
                                             << "OPPXXD"
                                             << "!~.!.!";
        QTest::newRow("degraded recovers") << 3 << 2 << "HDDDHH"
                                           << "OPPDDO"
                                           << "!~.!.!";
        QTest::newRow("pending then better counts toward recovery") << 3 << 2 << "HDDDFH"
                                                                    << "OPPDPD"
                                                                    << "!~.!~~";
        QTest::newRow("and the next better result recovers") << 3 << 2 << "HDDDFHH"
                                                             << "OPPDPDO"
                                                             << "!~.!~~!";
        QTest::newRow("N=1 goes down at once") << 1 << 2 << "HFH"
                                               << "OXX"
                                               << "!!.";
        QTest::newRow("N=1 from unknown") << 1 << 1 << "DH"
                                          << "DO"
                                          << "!!";
        QTest::newRow("M=1 recovers at once") << 3 << 1 << "HFFFH"
                                              << "OPPXO"
                                              << "!~.!!";
        QTest::newRow("M=1 from pending past the remembered state") << 3 << 1 << "HDDDFH"
                                                                    << "OPPDPO"
                                                                    << "!~.!~!";
        QTest::newRow("flapping never alerts") << 3 << 2 << "HFHFHFHFHF"
                                               << "OPOPOPOPOP"
                                               << "!~~~~~~~~~";
        QTest::newRow("flapping while offline never recovers") << 3 << 2 << "FFFHFHFHF"
                                                               << "PPXXXXXXX"
                                                               << "~.!......";
        QTest::newRow("N=5") << 5 << 2 << "HFFFFF"
                             << "OPPPPX"
                             << "!~...!";
    }

    void sequences() {
        QFETCH(int, failuresToConfirm);
        QFETCH(int, successesToRecover);
        QFETCH(QString, results);
        QFETCH(QString, states);
        QFETCH(QString, events);

        test::MockClock clock;
        EncoderStateMachine machine(
            QStringLiteral("enc1"),
            Hysteresis{.failuresToConfirm = failuresToConfirm, .successesToRecover = successesToRecover});
        const Run run = feedAll(machine, clock, results);
        QCOMPARE(run.states, states);
        QCOMPARE(run.events, events);
        for (const EncoderStateChange& change : run.changes) {
            QCOMPARE(change.encoderId, QStringLiteral("enc1"));
            QVERIFY(change.from != change.to);
            QVERIFY(!change.reminder);
            if (change.alerting) {
                QVERIFY(change.from != EncoderState::Pending);
                QVERIFY(change.to != EncoderState::Pending);
            } else {
                QVERIFY(change.from == EncoderState::Pending || change.to == EncoderState::Pending);
            }
        }
    }

    void longFlappingNeverAlerts() {
        test::MockClock clock;
        EncoderStateMachine machine(QStringLiteral("enc1"));
        feedAll(machine, clock, QStringLiteral("HHH"));
        const Run run = feedAll(machine, clock, QStringLiteral("HFFH").repeated(50) + QStringLiteral("FH"));
        QVERIFY(!run.events.contains(u'!'));
        QCOMPARE(machine.state(), EncoderState::Online);
        QCOMPARE(machine.settledState(), EncoderState::Online);
    }

    // Issue 15, item 7: an encoder flipping every few seconds gave 7 alerts in 150 s. Now the fourth settled
    // change in 15 minutes is one "flapping" alert, the rest are silent until it holds one state for 15
    // minutes, which one more alert says; no reminders meanwhile.
    void flappingIsOneAlert() {
        test::MockClock clock;
        EncoderStateMachine machine(QStringLiteral("enc1"), Hysteresis{.failuresToConfirm = 1,
                                                                       .successesToRecover = 1,
                                                                       .flapChanges = 4,
                                                                       .flapWindowMs = 15 * 60'000});
        feedAll(machine, clock, QStringLiteral("H")); // the first verdict does not count
        const Run flipping = feedAll(machine, clock, QStringLiteral("FH").repeated(20));
        QCOMPARE(flipping.events.count(u'!'), 4);
        QCOMPARE(flipping.changes.size(), 40);
        for (qsizetype i = 0; i < 3; ++i)
            QVERIFY(!flipping.changes.at(i).flapping);
        const EncoderStateChange& flapAlert = flipping.changes.at(3);
        QVERIFY(flapAlert.alerting && flapAlert.flapping);
        QVERIFY2(flapAlert.reason.startsWith(QStringLiteral("flapping: 4 changes in 1 min, now online")),
                 qPrintable(flapAlert.reason));
        for (qsizetype i = 4; i < flipping.changes.size(); ++i)
            QVERIFY(!flipping.changes.at(i).alerting && flipping.changes.at(i).flapping);
        QVERIFY(machine.isFlapping());
        QVERIFY(!machine.reminderDue(clock.now().addSecs(3600), 60'000)); // offline or not: no reminders

        const Run steady = feedAll(machine, clock, QStringLiteral("H").repeated(15 * 6 + 2));
        QCOMPARE(steady.events.count(u'!'), 1);
        QCOMPARE(steady.changes.size(), 1);
        const EncoderStateChange& ended = steady.changes.first();
        QVERIFY(ended.flappingEnded && ended.alerting && !ended.reminder);
        QCOMPARE(ended.to, EncoderState::Online);
        QVERIFY2(ended.reason.startsWith(QStringLiteral("no longer flapping: online for 15 min")),
                 qPrintable(ended.reason));
        QVERIFY(!machine.isFlapping());

        // Back to normal: the next change alerts as usual.
        const Run down = feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(down.events, QStringLiteral("!"));
        QVERIFY(!down.changes.first().flapping);
    }

    void changeCarriesReasonAndTimes() {
        test::MockClock clock;
        const QDateTime start = clock.now();
        EncoderStateMachine machine(QStringLiteral("enc1"));
        const Run up = feedAll(machine, clock, QStringLiteral("HH"));
        QCOMPARE(up.changes.size(), 1);
        QCOMPARE(up.changes[0].from, EncoderState::Unknown);
        QCOMPARE(up.changes[0].to, EncoderState::Online);
        QCOMPARE(up.changes[0].at, start);
        QVERIFY(!up.changes[0].previousSince.isValid());
        QCOMPARE(machine.since(), start);

        const QDateTime firstFailure = clock.now();
        const Run down = feedAll(machine, clock, QStringLiteral("FFF"));
        QCOMPARE(down.changes.size(), 2);
        const EncoderStateChange& pending = down.changes[0];
        QCOMPARE(pending.from, EncoderState::Online);
        QCOMPARE(pending.to, EncoderState::Pending);
        QCOMPARE(pending.at, firstFailure);
        QCOMPARE(pending.previousSince, start);
        QVERIFY(!pending.alerting);

        const EncoderStateChange& offline = down.changes[1];
        const QDateTime third = firstFailure.addMSecs(2 * kStepMs);
        QCOMPARE(offline.from, EncoderState::Online); // the settled state, not Pending
        QCOMPARE(offline.to, EncoderState::Offline);
        QCOMPARE(offline.at, third);
        QCOMPARE(offline.previousSince, start);
        QCOMPARE(offline.reason, result(u'F', third).reason);
        QVERIFY(offline.alerting);
        QCOMPARE(machine.since(), third);
        QCOMPARE(machine.reason(), result(u'F', third).reason);

        // More failures keep the state and its since, and refresh the reason.
        feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(machine.since(), third);
        QCOMPARE(machine.reason(), result(u'F', third.addMSecs(kStepMs)).reason);
    }

    void quietReturnKeepsSince() {
        test::MockClock clock;
        const QDateTime start = clock.now();
        EncoderStateMachine machine(QStringLiteral("enc1"));
        feedAll(machine, clock, QStringLiteral("HH"));
        const QDateTime failedAt = clock.now();
        const Run run = feedAll(machine, clock, QStringLiteral("FH"));
        QCOMPARE(run.changes.size(), 2);
        QCOMPARE(run.changes[1].from, EncoderState::Pending);
        QCOMPARE(run.changes[1].to, EncoderState::Online);
        QCOMPARE(run.changes[1].previousSince, failedAt);
        QVERIFY(!run.changes[1].alerting);
        QCOMPARE(machine.since(), start); // it never went down
    }

    void progressWhilePendingAndConfirming() {
        test::MockClock clock;
        EncoderStateMachine machine(QStringLiteral("enc1"),
                                    Hysteresis{.failuresToConfirm = 3, .successesToRecover = 3});
        feedAll(machine, clock, QStringLiteral("H"));
        QVERIFY(!machine.isPending());
        QVERIFY(!machine.isConfirming());
        QCOMPARE(machine.confirmationCount(), 0);
        QCOMPARE(machine.confirmationsNeeded(), 0);
        QCOMPARE(machine.confirmationTarget(), EncoderState::Unknown);

        feedAll(machine, clock, QStringLiteral("DF"));
        QVERIFY(machine.isPending());
        QVERIFY(!machine.isConfirming());
        QCOMPARE(machine.confirmationCount(), 2);
        QCOMPARE(machine.confirmationsNeeded(), 3);
        QCOMPARE(machine.confirmationTarget(), EncoderState::Offline);
        QCOMPARE(machine.settledState(), EncoderState::Online);

        feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(machine.state(), EncoderState::Offline);
        QCOMPARE(machine.confirmationCount(), 0);

        feedAll(machine, clock, QStringLiteral("HD"));
        QVERIFY(machine.isConfirming());
        QCOMPARE(machine.state(), EncoderState::Offline);
        QCOMPARE(machine.confirmationCount(), 2);
        QCOMPARE(machine.confirmationsNeeded(), 3);
        QCOMPARE(machine.confirmationTarget(), EncoderState::Degraded);

        feedAll(machine, clock, QStringLiteral("H"));
        QCOMPARE(machine.state(), EncoderState::Online);
        QVERIFY(!machine.isConfirming());
    }

    void retryIntervalWhileUnsure() {
        test::MockClock clock;
        EncoderStateMachine machine(QStringLiteral("enc1"));
        const auto delay = [&] { return machine.nextProbeDelayMs(60'000, 5'000); };
        QCOMPARE(delay(), 60'000); // unknown: nothing to confirm yet
        feedAll(machine, clock, QStringLiteral("H"));
        QCOMPARE(delay(), 60'000);
        feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(delay(), 5'000); // pending
        feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(delay(), 5'000);
        feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(delay(), 60'000); // offline, settled
        feedAll(machine, clock, QStringLiteral("F"));
        QCOMPARE(delay(), 60'000);
        feedAll(machine, clock, QStringLiteral("H"));
        QCOMPARE(delay(), 5'000); // confirming a recovery
        feedAll(machine, clock, QStringLiteral("H"));
        QCOMPARE(delay(), 60'000);
    }

    void reminders() {
        constexpr qint64 interval = 3'600'000;
        test::MockClock clock;
        EncoderStateMachine machine(QStringLiteral("enc1"));
        feedAll(machine, clock, QStringLiteral("H"));
        clock.advanceMs(2 * interval);
        QVERIFY(!machine.reminderDue(clock.now(), interval)); // online: nothing to remind of

        feedAll(machine, clock, QStringLiteral("FF"));
        clock.advanceMs(2 * interval);
        QVERIFY(!machine.reminderDue(clock.now(), interval)); // pending is not a verdict

        const QDateTime offlineAt = clock.now();
        feedAll(machine, clock, QStringLiteral("F")); // settles: the alert is at offlineAt
        QCOMPARE(machine.state(), EncoderState::Offline);
        clock.setWallClock(offlineAt.addMSecs(interval - 1));
        QVERIFY(!machine.reminderDue(clock.now(), interval));
        clock.setWallClock(offlineAt.addMSecs(interval));
        const std::optional<EncoderStateChange> first = machine.reminderDue(clock.now(), interval);
        QVERIFY(first);
        QVERIFY(first->alerting);
        QVERIFY(first->reminder);
        QCOMPARE(first->from, EncoderState::Offline);
        QCOMPARE(first->to, EncoderState::Offline);
        QCOMPARE(first->at, clock.now());
        QCOMPARE(first->previousSince, offlineAt);
        QCOMPARE(first->reason, machine.reason());
        QVERIFY(!machine.reminderDue(clock.now(), interval)); // marked sent
        QVERIFY(!machine.reminderDue(clock.now().addMSecs(interval - 1), interval));
        QVERIFY(machine.reminderDue(clock.now().addMSecs(interval), interval));
        QVERIFY(!machine.reminderDue(clock.now().addMSecs(100 * interval), 0)); // 0 = off

        clock.setWallClock(clock.now().addMSecs(interval));
        feedAll(machine, clock, QStringLiteral("HH"));
        QCOMPARE(machine.state(), EncoderState::Online);
        clock.advanceMs(10 * interval);
        QVERIFY(!machine.reminderDue(clock.now(), interval)); // recovered: reminders stop

        const QDateTime downAgain = clock.now().addMSecs(2 * kStepMs);
        feedAll(machine, clock, QStringLiteral("DDD"));
        QCOMPARE(machine.state(), EncoderState::Degraded);
        QVERIFY(
            !machine.reminderDue(downAgain.addMSecs(interval - 1), interval)); // counted from the new alert
        const std::optional<EncoderStateChange> again =
            machine.reminderDue(downAgain.addMSecs(interval), interval);
        QVERIFY(again);
        QCOMPARE(again->to, EncoderState::Degraded);
    }

    void names_data() {
        QTest::addColumn<EncoderState>("state");
        QTest::addColumn<QString>("name");
        QTest::newRow("unknown") << EncoderState::Unknown << "unknown";
        QTest::newRow("online") << EncoderState::Online << "online";
        QTest::newRow("degraded") << EncoderState::Degraded << "degraded";
        QTest::newRow("pending") << EncoderState::Pending << "pending";
        QTest::newRow("offline") << EncoderState::Offline << "offline";
    }

    void names() {
        QFETCH(EncoderState, state);
        QFETCH(QString, name);
        QCOMPARE(encoderStateName(state), name);
        QCOMPARE(encoderStateFromName(name), std::optional<EncoderState>(state));
        QCOMPARE(encoderStateFromName(name.toUpper()), std::optional<EncoderState>(state));
    }

    void unknownName() {
        QVERIFY(!encoderStateFromName(u"down"));
        QVERIFY(!encoderStateFromName(u""));
    }

    void hysteresisIsAtLeastOne() {
        const EncoderStateMachine machine(QStringLiteral("enc1"),
                                          Hysteresis{.failuresToConfirm = 0, .successesToRecover = -3});
        QCOMPARE(machine.hysteresis().failuresToConfirm, 1);
        QCOMPARE(machine.hysteresis().successesToRecover, 1);
    }
};

QTEST_GUILESS_MAIN(EncoderStateTest)
#include "tst_encoderstate.moc"
