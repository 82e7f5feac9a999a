#include "clock.h"
#include "encoders/encodermonitor.h"
#include "fakeencoder.h"
#include "net/timedhttpclient.h"
#include "requirefixture.h"
#include "scriptedhttpserver.h"
#include "streamstack.h"
#include "tlshttpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::FakeEncoder::Mode)
Q_DECLARE_METATYPE(avld::EncoderState)

namespace {

const QString kStreamKey = QStringLiteral("faults-key");
// The probe interval of the suite; every verdict must come within two of them after the fault.
constexpr int kIntervalMs = 7000;
constexpr int kVerdictMs = 2 * kIntervalMs;

QByteArray describe(const EncoderSnapshot& s) {
    return QStringLiteral("%1: %2 — %3")
        .arg(s.target.displayName(), encoderStateName(s.state), s.reason)
        .toUtf8();
}

} // namespace

// The fault suite of the encoder watch (issue 15): each fault an admin meets, made for real on loopback — a
// fake encoder grabbing a real nginx-rtmp stream, behind TLS when needed — and what the monitor says within
// two probe intervals of it: the state, and a message that names the fault. The monitor runs on the system
// clock with its own timer, as in the window and `encoders --watch`.
class EncoderFaultsTest : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QUrl m_stream;
    ScriptedHttpServer m_site; // the connectivity check: the site answers, so the network works

    std::unique_ptr<FakeEncoder> makeEncoder() {
        FakeEncoder::Options options;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        auto encoder = std::make_unique<FakeEncoder>(options);
        return encoder->listen() ? std::move(encoder) : nullptr;
    }

    static EncoderTarget targetFor(const QUrl& url, int intervalMs = kIntervalMs) {
        EncoderTarget target;
        target.id = QStringLiteral("enc-under-test");
        target.name = QStringLiteral("Backup encoder");
        target.url = url;
        target.intervalMs = intervalMs;
        target.retryIntervalMs = 500;
        return target;
    }

    EncoderMonitor::Options
    options(Hysteresis hysteresis = {
                .failuresToConfirm = 2, .successesToRecover = 1, .flapChanges = 0, .flapWindowMs = 0}) const {
        EncoderMonitor::Options o;
        o.hysteresis = hysteresis;
        o.tickMs = 100;
        o.reminderIntervalMs = 0;
        o.connectivityCheckUrl = m_site.url(QStringLiteral("/"));
        o.probe.reachTimeoutMs = 1500;
        o.probe.statusTimeoutMs = 1500;
        o.probe.imageTimeoutMs = 6000;
        return o;
    }

    static EncoderSnapshot only(const EncoderMonitor& monitor) { return monitor.snapshot().value(0); }

    // Waits for `state` and returns how long it took (-1: not within `withinMs`).
    static qint64 waitFor(const EncoderMonitor& monitor, EncoderState state, int withinMs) {
        QElapsedTimer timer;
        timer.start();
        if (!QTest::qWaitFor([&] { return only(monitor).state == state; }, withinMs))
            return -1;
        return timer.elapsed();
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg"))) {
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout: the encoder's "
                                 "placeholder cannot be recognised");
        }
        if (const Status failed = m_stack.start(); !failed.ok())
            AVLD_FIXTURE_MISSING(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = kStreamKey, .size = QSize(640, 360)}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        m_stream = m_stack.hlsUrl(kStreamKey);
        QVERIFY(m_site.listen());
        m_site.respond(QStringLiteral("/"), 200, "text/html", "<html>AVideo</html>");
    }

    void workingEncoderGoesWrong_data() {
        QTest::addColumn<FakeEncoder::Mode>("fault");
        QTest::addColumn<EncoderState>("expected");
        QTest::addColumn<QString>("message");

        QTest::newRow("down") << FakeEncoder::Mode::Down << EncoderState::Offline
                              << QStringLiteral("refused");
        QTest::newRow("black hole") << FakeEncoder::Mode::BlackHole << EncoderState::Offline
                                    << QStringLiteral("unreachable");
        QTest::newRow("slow") << FakeEncoder::Mode::Slow << EncoderState::Degraded
                              << QStringLiteral("did not answer the thumbnail request within 2.0 s");
        QTest::newRow("placeholders only") << FakeEncoder::Mode::PlaceholderOnly << EncoderState::Degraded
                                           << QStringLiteral("its placeholder");
        QTest::newRow("PHP error") << FakeEncoder::Mode::PhpError << EncoderState::Degraded
                                   << QStringLiteral("not an image");
        QTest::newRow("keeps connections open")
            << FakeEncoder::Mode::KeepOpen << EncoderState::Degraded << QStringLiteral("open");
    }

    // From Online, a fault is a settled state with the fault's message and one alert that names the encoder.
    void workingEncoderGoesWrong() {
        QFETCH(FakeEncoder::Mode, fault);
        QFETCH(EncoderState, expected);
        QFETCH(QString, message);

        auto encoder = makeEncoder();
        QVERIFY(encoder);
        TimedHttpClient http;
        EncoderMonitor monitor(http, Clock::system(), nullptr, options());
        monitor.setSampleStreams({m_stream});
        monitor.setTargets({targetFor(encoder->url())});
        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        monitor.start();
        QVERIFY2(waitFor(monitor, EncoderState::Online, 30000) >= 0, describe(only(monitor)));
        alerts.clear();

        encoder->setMode(fault);
        const qint64 tookMs = waitFor(monitor, expected, kVerdictMs);
        QVERIFY2(tookMs >= 0, describe(only(monitor)));
        const EncoderSnapshot s = only(monitor);
        QVERIFY2(s.reason.contains(message), describe(s));
        QTRY_COMPARE(alerts.count(), 1);
        const auto change = alerts.first().at(0).value<EncoderStateChange>();
        const auto target = alerts.first().at(1).value<EncoderTarget>();
        QCOMPARE(change.from, EncoderState::Online);
        QCOMPARE(change.to, expected);
        QCOMPARE(target.displayName(), QStringLiteral("Backup encoder (127.0.0.1:%1)").arg(encoder->port()));
        qInfo("%s after %lld ms: %s", QTest::currentDataTag(), tookMs, s.reason.toUtf8().constData());

        // And back: one probe of the working encoder again (M = 1) within the same bound.
        encoder->setMode(FakeEncoder::Mode::Working);
        QVERIFY2(waitFor(monitor, EncoderState::Online, kVerdictMs) >= 0, describe(only(monitor)));
        monitor.stop();
    }

    void encoderWithAFaultFromTheStart_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("TLS certificate not trusted")
            << QStringLiteral("tls") << QStringLiteral("not trusted") << QStringLiteral("tls-untrusted");
        QTest::newRow("DNS failure") << QStringLiteral("dns") << QStringLiteral("does not resolve")
                                     << QStringLiteral("dns");
    }

    // Faults a new target can have: Offline from Unknown within two intervals, the message saying which.
    void encoderWithAFaultFromTheStart() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QFETCH(QString, errorCode);

        auto encoder = makeEncoder();
        QVERIFY(encoder);
        TlsHttpServer tls("text/plain", {});
        tls.forwardTo(encoder->port());
        QUrl url = QUrl(QStringLiteral("http://encoder-gone.invalid/"));
        if (kind == QStringLiteral("tls")) {
            QVERIFY2(tls.start(), qPrintable(tls.errorString()));
            url = tls.url(QStringLiteral("/"));
        }
        TimedHttpClient http;
        EncoderMonitor monitor(http, Clock::system(), nullptr, options());
        monitor.setSampleStreams({m_stream});
        monitor.setTargets({targetFor(url)});
        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        monitor.start();
        const qint64 tookMs = waitFor(monitor, EncoderState::Offline, kVerdictMs);
        const EncoderSnapshot s = only(monitor);
        QVERIFY2(tookMs >= 0, describe(s));
        QVERIFY2(s.reason.contains(message), describe(s));
        QCOMPARE(s.last->record.errorCode, errorCode);
        QTRY_COMPARE(alerts.count(), 1); // the site answers: this is the encoder, not the workstation
        qInfo("%s after %lld ms: %s", QTest::currentDataTag(), tookMs, s.reason.toUtf8().constData());
    }

    // Every encoder fails at the network level and so does the site: one notice that this computer seems
    // offline, no alert per encoder.
    void thisComputerOffline() {
        TimedHttpClient http;
        EncoderMonitor::Options o = options();
        o.connectivityCheckUrl = QUrl(QStringLiteral("http://avideo-site.invalid/"));
        EncoderMonitor monitor(http, Clock::system(), nullptr, o);
        EncoderTarget a = targetFor(QUrl(QStringLiteral("http://encoder-a.invalid/")));
        EncoderTarget b = targetFor(QUrl(QStringLiteral("http://encoder-b.invalid:8080/")));
        b.id = QStringLiteral("enc-b");
        monitor.setTargets({a, b});
        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        QSignalSpy offline(&monitor, &EncoderMonitor::workstationOfflineChanged);
        monitor.start();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(QTest::qWaitFor([&] { return !offline.isEmpty(); }, kVerdictMs));
        qInfo("offline notice after %lld ms: %s", timer.elapsed(),
              offline.first().at(1).toString().toUtf8().constData());
        QCOMPARE(offline.first().at(0).toBool(), true);
        QVERIFY(offline.first().at(1).toString().contains(QStringLiteral("workstation seems offline")));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QList<EncoderSnapshot> all = monitor.snapshot();
                return std::all_of(all.cbegin(), all.cend(),
                                   [](const EncoderSnapshot& s) { return s.state == EncoderState::Offline; });
            },
            kVerdictMs - int(timer.elapsed())));
        QTest::qWait(kIntervalMs);
        QCOMPARE(alerts.count(), 0);
        QCOMPARE(offline.count(), 1);
    }

    // An encoder that comes and goes at every probe: one "flapping" alert instead of one per flip, then
    // silence while it goes on.
    void flappingEncoderAlertsOnce() {
        auto encoder = makeEncoder();
        QVERIFY(encoder);
        TimedHttpClient http;
        const int intervalMs = 1000;
        EncoderMonitor monitor(
            http, Clock::system(), nullptr,
            options(
                {.failuresToConfirm = 1, .successesToRecover = 1, .flapChanges = 3, .flapWindowMs = 60'000}));
        monitor.setSampleStreams({m_stream});
        monitor.setTargets({targetFor(encoder->url(), intervalMs)});
        monitor.start();
        QVERIFY2(waitFor(monitor, EncoderState::Online, 30000) >= 0, describe(only(monitor)));

        QSignalSpy alerts(&monitor, &EncoderMonitor::alert);
        int flips = 0;
        connect(&monitor, &EncoderMonitor::probed, encoder.get(), [&] {
            ++flips;
            encoder->setMode(encoder->mode() == FakeEncoder::Mode::Working ? FakeEncoder::Mode::Down
                                                                           : FakeEncoder::Mode::Working);
        });
        encoder->setMode(FakeEncoder::Mode::Down);
        const auto isFlapping = [](const QList<QVariant>& alert) {
            return alert.at(0).value<EncoderStateChange>().flapping;
        };
        // At most three settled changes, the last of them says "flapping" (the count may include the change
        // that brought it online): within two intervals of the third flip.
        QVERIFY(QTest::qWaitFor([&] { return std::any_of(alerts.cbegin(), alerts.cend(), isFlapping); },
                                3 * intervalMs + 2 * intervalMs + 3000));
        QVERIFY(alerts.count() <= 3);
        const auto said = alerts.last().at(0).value<EncoderStateChange>();
        QVERIFY2(said.flapping && said.reason.startsWith(QStringLiteral("flapping: ")),
                 qPrintable(said.reason));
        QVERIFY2(said.reason.contains(QStringLiteral("no more alerts until it holds one state")),
                 qPrintable(said.reason));

        // Silence while it goes on flipping.
        const int alertsSoFar = int(alerts.count());
        const int flipsSoFar = flips;
        QVERIFY(QTest::qWaitFor([&] { return flips >= flipsSoFar + 4; }, 4 * intervalMs + 10000));
        monitor.stop();
        QCOMPARE(alerts.count(), alertsSoFar);
    }
};

QTEST_MAIN(EncoderFaultsTest)
#include "tst_encoderfaults.moc"
