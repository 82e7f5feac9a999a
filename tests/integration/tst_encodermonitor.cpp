#include "encoders/encodermonitor.h"
#include "mockclock.h"
#include "net/timedhttpclient.h"
#include "scriptedhttpserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The monitor's alerting rules with real requests and a mock clock: no alert storm when the workstation
// itself is offline, alerts released when the site proves the network works, reminders while an encoder stays
// down.
class EncoderMonitorTest : public QObject {
    Q_OBJECT
private:
    static EncoderTarget unresolvable(const QString& name) {
        EncoderTarget target;
        target.id = name;
        target.name = name;
        target.url =
            QUrl(QStringLiteral("http://%1.invalid/").arg(name)); // fails with "dns", like no network
        target.intervalMs = 10'000;
        target.retryIntervalMs = 2'000;
        return target;
    }

    static EncoderMonitor::Options options(Hysteresis hysteresis, const QUrl& connectivityCheck = {}) {
        EncoderMonitor::Options o;
        o.hysteresis = hysteresis;
        o.autoTick = false;
        o.reminderIntervalMs = 60'000;
        o.connectivityCheckUrl = connectivityCheck;
        o.probe.reachTimeoutMs = 3000;
        return o;
    }

    // One probe round of every target: make them due, tick, wait for their reports.
    static bool round(EncoderMonitor& monitor, MockClock& clock, qint64 advanceMs, int targets) {
        QSignalSpy probed(&monitor, &EncoderMonitor::probed);
        clock.advanceMs(advanceMs);
        monitor.tick();
        return QTest::qWaitFor([&] { return probed.count() >= targets; }, 15000);
    }

private Q_SLOTS:
    void offlineWorkstationRaisesOneNoticeInsteadOfAlerts() {
        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor monitor(http, clock, nullptr,
                               options({.failuresToConfirm = 2, .successesToRecover = 1}));
        monitor.setTargets({unresolvable(QStringLiteral("enc-a")), unresolvable(QStringLiteral("enc-b"))});
        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        QSignalSpy offline(&monitor, &EncoderMonitor::workstationOfflineChanged);

        QVERIFY(round(monitor, clock, 0, 2));
        QVERIFY(round(monitor, clock, 2'000, 2)); // the retry interval while pending
        for (const EncoderSnapshot& s : monitor.snapshot()) {
            QCOMPARE(s.state, EncoderState::Offline);
            QCOMPARE(s.last->record.errorCode, QStringLiteral("dns"));
        }
        QCOMPARE(alerts.count(), 0);
        QCOMPARE(offline.count(), 1);
        QCOMPARE(offline.first().at(0).toBool(), true);
        QVERIFY(offline.first().at(1).toString().contains(QStringLiteral("workstation seems offline")));
        QVERIFY(monitor.workstationSeemsOffline());

        QVERIFY(round(monitor, clock, 10'000, 2)); // still offline: no repeated notice
        QCOMPARE(offline.count(), 1);
        QCOMPARE(alerts.count(), 0);
    }

    void reachableSiteReleasesTheAlerts() {
        ScriptedHttpServer site;
        QVERIFY(site.listen());
        site.respond(QStringLiteral("/"), 200, "text/html", "<html>AVideo</html>");
        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor monitor(
            http, clock, nullptr,
            options({.failuresToConfirm = 2, .successesToRecover = 1}, site.url(QStringLiteral("/"))));
        monitor.setTargets({unresolvable(QStringLiteral("enc-a")), unresolvable(QStringLiteral("enc-b"))});
        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        QSignalSpy offline(&monitor, &EncoderMonitor::workstationOfflineChanged);

        QVERIFY(round(monitor, clock, 0, 2));
        QVERIFY(round(monitor, clock, 2'000, 2));
        QTRY_COMPARE(alerts.count(), 2); // held for the connectivity check, then released
        QCOMPARE(offline.count(), 0);
        QVERIFY(site.requestCount(QStringLiteral("/")) >= 1);
        for (const QList<QVariant>& alert : alerts) {
            const auto change = alert.at(0).value<EncoderStateChange>();
            QCOMPARE(change.to, EncoderState::Offline);
            QVERIFY(!change.reminder);
        }
    }

    void remindsWhileDown() {
        ScriptedHttpServer site;
        QVERIFY(site.listen());
        site.respond(QStringLiteral("/"), 200, "text/html", "ok");
        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor monitor(
            http, clock, nullptr,
            options({.failuresToConfirm = 1, .successesToRecover = 1}, site.url(QStringLiteral("/"))));
        monitor.setTargets({unresolvable(QStringLiteral("enc-a"))});
        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        QVERIFY(round(monitor, clock, 0, 1));
        QTRY_COMPARE(alerts.count(), 1);

        QVERIFY(round(monitor, clock, 30'000, 1));
        QCOMPARE(alerts.count(), 1); // not yet
        QVERIFY(round(monitor, clock, 31'000, 1));
        QTRY_COMPARE(alerts.count(), 2);
        const auto reminder = alerts.last().at(0).value<EncoderStateChange>();
        QVERIFY(reminder.reminder);
        QCOMPARE(reminder.to, EncoderState::Offline);
    }

    void removedTargetReportsAreIgnored() {
        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor monitor(http, clock, nullptr, options({}));
        monitor.setTargets({unresolvable(QStringLiteral("enc-a"))});
        QSignalSpy probed(&monitor, &EncoderMonitor::probed);
        monitor.tick();
        QVERIFY(monitor.removeTarget(QStringLiteral("enc-a")));
        QTest::qWait(500);
        QCOMPARE(probed.count(), 0);
        QVERIFY(monitor.snapshot().isEmpty());
        QCOMPARE(monitor.probesInFlight(), 0);
    }

    // A new interval counts from the last probe's start, and the state, the last report and the name change
    // hands without a new probe.
    void updatedIntervalCountsFromTheLastProbe() {
        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor monitor(http, clock, nullptr,
                               options({.failuresToConfirm = 1, .successesToRecover = 1}));
        monitor.setTargets({unresolvable(QStringLiteral("enc-a"))});
        QVERIFY(round(monitor, clock, 0, 1));
        QCOMPARE(monitor.snapshot(QStringLiteral("enc-a"))->state, EncoderState::Offline);

        EncoderTarget slower = unresolvable(QStringLiteral("enc-a"));
        slower.name = QStringLiteral("renamed");
        slower.intervalMs = 60'000;
        const std::optional<EncoderTarget> before = monitor.updateTarget(slower);
        QVERIFY(before.has_value());
        QCOMPARE(before->name, QStringLiteral("enc-a"));
        const EncoderSnapshot s = *monitor.snapshot(QStringLiteral("enc-a"));
        QCOMPARE(s.target.name, QStringLiteral("renamed"));
        QCOMPARE(s.target.intervalMs, 60'000);
        QCOMPARE(s.state, EncoderState::Offline); // same URL: same encoder
        QVERIFY(s.last.has_value());

        QSignalSpy probed(&monitor, &EncoderMonitor::probed);
        clock.advanceMs(10'000); // the old interval
        monitor.tick();
        QTest::qWait(300);
        QCOMPARE(probed.count(), 0);
        QCOMPARE(monitor.probesInFlight(), 0);
        QVERIFY(round(monitor, clock, 50'000, 1)); // the new one

        EncoderTarget faster = slower;
        faster.intervalMs = 5'000;
        QVERIFY(monitor.updateTarget(faster));
        QVERIFY(round(monitor, clock, 5'000, 1)); // due at once: 5 s after the last probe started

        EncoderTarget unknown = unresolvable(QStringLiteral("enc-unknown"));
        QVERIFY(!monitor.updateTarget(unknown).has_value());
        QCOMPARE(monitor.snapshot().size(), 1);
    }

    // A new URL is another encoder under the same id: Unknown again, and the answer of a probe of the old URL
    // still running is dropped.
    void movedTargetStartsOverAndIgnoresTheOldProbe() {
        ScriptedHttpServer silent;
        QVERIFY(silent.listen());
        ScriptedHttpServer::Route never;
        never.behaviour = ScriptedHttpServer::Behaviour::Silent;
        silent.setRoute(QStringLiteral("/objects/getImage.php"), never);
        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor::Options o = options({.failuresToConfirm = 1, .successesToRecover = 1});
        o.probe.reachTimeoutMs = 1500;
        EncoderMonitor monitor(http, clock, nullptr, o);
        QSignalSpy probed(&monitor, &EncoderMonitor::probed);
        QSignalSpy changes(&monitor, &EncoderMonitor::stateChanged);
        EncoderTarget target = unresolvable(QStringLiteral("enc-a"));
        target.url = silent.url(QStringLiteral("/"));
        monitor.setTargets({target});
        monitor.tick();
        QTRY_COMPARE(silent.requestCount(QStringLiteral("/objects/getImage.php")), 1);
        QCOMPARE(monitor.probesInFlight(), 1);

        target.url = QUrl(QStringLiteral("http://moved.invalid/"));
        QVERIFY(monitor.updateTarget(target));
        EncoderSnapshot s = *monitor.snapshot(QStringLiteral("enc-a"));
        QCOMPARE(s.state, EncoderState::Unknown);
        QCOMPARE(s.target.url, target.url);
        monitor.tick(); // still due: the new URL is probed beside the old probe
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 10000);
        QCOMPARE(probed.first().at(0).value<EncoderProbeReport>().record.errorCode, QStringLiteral("dns"));
        QCOMPARE(monitor.snapshot(QStringLiteral("enc-a"))->state, EncoderState::Offline);

        QTRY_COMPARE_WITH_TIMEOUT(monitor.probesInFlight(), 0, 5000); // the old one timed out
        QTest::qWait(100);
        QCOMPARE(probed.count(), 1);
        QCOMPARE(changes.count(), 1);
        s = *monitor.snapshot(QStringLiteral("enc-a"));
        QCOMPARE(s.state, EncoderState::Offline);
        QCOMPARE(s.last->record.errorCode, QStringLiteral("dns"));
    }
};

QTEST_GUILESS_MAIN(EncoderMonitorTest)
#include "tst_encodermonitor.moc"
