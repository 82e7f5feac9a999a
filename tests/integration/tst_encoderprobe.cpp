#include "clock.h"
#include "encoders/encoderhistory.h"
#include "encoders/encoderimage.h"
#include "encoders/encodermonitor.h"
#include "encoders/encoderprobe.h"
#include "fakeencoder.h"
#include "freeport.h"
#include "generator/thumbnailservice.h"
#include "mockclock.h"
#include "net/timedhttpclient.h"
#include "requirefixture.h"
#include "scriptedhttpserver.h"
#include "streamstack.h"
#include "tlshttpserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::FakeEncoder::Mode)
Q_DECLARE_METATYPE(avld::ProbeHealth)

namespace {

const QString kStreamKey = QStringLiteral("probe-key");

struct Timed {
    std::optional<EncoderProbeReport> report{};
    qint64 elapsedMs = -1;
};

const char* healthName(ProbeHealth health) {
    switch (health) {
    case ProbeHealth::Healthy:
        return "Healthy";
    case ProbeHealth::Degraded:
        return "Degraded";
    case ProbeHealth::Failed:
        return "Failed";
    }
    return "?";
}

QByteArray describe(const EncoderProbeReport& report) {
    return QStringLiteral("%1 [%2] %3 (frame %4, %5 ms)")
        .arg(QString::fromLatin1(healthName(report.record.health)), report.record.errorCode,
             report.record.reason, report.record.frameClass)
        .arg(report.record.functionalMs)
        .toUtf8();
}

} // namespace

// EncoderProbe (and EncoderMonitor on top of it) against fake encoders on loopback that grab real frames from
// a real nginx-rtmp stream.
class EncoderProbeTest : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QUrl m_stream;

    std::unique_ptr<FakeEncoder> makeEncoder(FakeEncoder::Mode mode) {
        FakeEncoder::Options options;
        options.mode = mode;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        auto encoder = std::make_unique<FakeEncoder>(options);
        return encoder->listen() ? std::move(encoder) : nullptr;
    }

    static EncoderTarget targetFor(const QUrl& url) {
        EncoderTarget target;
        target.id = QStringLiteral("enc-under-test");
        target.name = QStringLiteral("Encoder under test");
        target.url = url;
        return target;
    }

    static EncoderProbeOptions shortOptions() {
        EncoderProbeOptions options;
        options.reachTimeoutMs = 1500;
        options.statusTimeoutMs = 1500;
        options.imageTimeoutMs = 6000;
        return options;
    }

    static Timed probeOnce(const EncoderTarget& target, const QUrl& stream,
                           EncoderProbeOptions options = shortOptions()) {
        TimedHttpClient http;
        EncoderProbe probe(http, Clock::system(), options);
        Timed timed;
        QElapsedTimer timer;
        timer.start();
        // A real event loop, not QTest::qWaitFor: its 10 ms naps between rounds would add tens of ms to every
        // time measured here (the fake encoders answer on this thread).
        QEventLoop loop;
        probe.probe(target, stream, [&](EncoderProbeReport report) {
            timed.elapsedMs = timer.elapsed();
            timed.report = std::move(report);
            loop.quit();
        });
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        return timed;
    }

    // Asks the encoder for the stream once and waits until it has grabbed a frame of it.
    bool prime(FakeEncoder& encoder) {
        const Timed first = probeOnce(targetFor(encoder.url()), m_stream);
        return first.report &&
               QTest::qWaitFor([&] { return encoder.hasOutput(m_stream, QStringLiteral("jpg")); }, 15000);
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg"))) {
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout: the encoder's "
                                 "placeholder cannot be recognised");
        }
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = kStreamKey, .size = QSize(640, 360)}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        m_stream = m_stack.hlsUrl(kStreamKey);
    }

    void workingEncoderAnswersPlaceholderThenRealFrame() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        const EncoderTarget target = targetFor(encoder->url());

        const Timed first = probeOnce(target, m_stream);
        QVERIFY(first.report);
        QCOMPARE(first.report->record.health, ProbeHealth::Degraded);
        QCOMPARE(first.report->record.frameClass, QStringLiteral("encoder-placeholder"));
        QTRY_VERIFY_WITH_TIMEOUT(encoder->hasOutput(m_stream, QStringLiteral("jpg")), 15000);

        const Timed second = probeOnce(target, m_stream);
        QVERIFY(second.report);
        const ProbeRecord& record = second.report->record;
        QVERIFY2(record.health == ProbeHealth::Healthy, describe(*second.report));
        QCOMPARE(record.frameClass, QStringLiteral("real-frame"));
        QVERIFY(second.report->image.isRealFrame());
        QVERIFY2(record.functionalMs >= 0 && record.functionalMs < 2000, describe(*second.report));
        QVERIFY(record.imageBytes > 0);
        QCOMPARE(record.httpStatus, 200);
        QVERIFY(record.errorCode.isEmpty());
        QCOMPARE(record.encoderId, target.id);
        QVERIFY(record.at.isValid());
        QVERIFY(record.phases.dnsMs >= 0);
        QVERIFY(record.phases.connectMs >= 0);
        QVERIFY(record.phases.firstByteMs >= 0);
        QVERIFY(record.phases.totalMs >= 0);
        QCOMPARE(record.phases.tlsMs, -1);
        QVERIFY(!second.report->certificate);
        QCOMPARE(encoder->requestedStreams().last(), m_stream);
    }

    void faultyEncoders_data() {
        QTest::addColumn<FakeEncoder::Mode>("mode");
        QTest::addColumn<ProbeHealth>("health");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("reasonPart");
        QTest::addColumn<bool>("primed"); // frames ready before the mode is set

        QTest::newRow("placeholder only") << FakeEncoder::Mode::PlaceholderOnly << ProbeHealth::Degraded
                                          << QString() << QStringLiteral("placeholder") << false;
        QTest::newRow("down") << FakeEncoder::Mode::Down << ProbeHealth::Failed
                              << QStringLiteral("connect-refused") << QStringLiteral("unreachable") << false;
        QTest::newRow("black hole") << FakeEncoder::Mode::BlackHole << ProbeHealth::Failed
                                    << QStringLiteral("timeout") << QStringLiteral("unreachable") << false;
        QTest::newRow("slow") << FakeEncoder::Mode::Slow << ProbeHealth::Degraded << QStringLiteral("timeout")
                              << QStringLiteral("within 2.0 s: AVideo gives up") << true;
        QTest::newRow("keeps the connection open")
            << FakeEncoder::Mode::KeepOpen << ProbeHealth::Degraded << QStringLiteral("kept-open")
            << QStringLiteral("keeps the connection open: AVideo reads until the server closes") << true;
        QTest::newRow("login page") << FakeEncoder::Mode::LoginPage << ProbeHealth::Failed
                                    << QStringLiteral("not-an-encoder") << QStringLiteral("an HTML page (")
                                    << false;
        QTest::newRow("status is not JSON")
            << FakeEncoder::Mode::BadStatus << ProbeHealth::Degraded << QStringLiteral("not-an-encoder")
            << QStringLiteral("not the encoder's JSON") << true;
        QTest::newRow("redirect loop")
            << FakeEncoder::Mode::RedirectLoop << ProbeHealth::Failed << QStringLiteral("redirect-loop")
            << QStringLiteral("redirects in a loop") << false;
        QTest::newRow("PHP error instead of an image")
            << FakeEncoder::Mode::PhpError << ProbeHealth::Degraded << QString()
            << QStringLiteral("with an HTML page") << false;
    }

    void faultyEncoders() {
        QFETCH(FakeEncoder::Mode, mode);
        QFETCH(ProbeHealth, health);
        QFETCH(QString, errorCode);
        QFETCH(QString, reasonPart);
        QFETCH(bool, primed);

        auto encoder = makeEncoder(primed ? FakeEncoder::Mode::Working : mode);
        QVERIFY(encoder);
        if (primed) {
            QVERIFY(prime(*encoder));
            encoder->setMode(mode);
        }
        const EncoderProbeOptions options = shortOptions();
        const Timed timed = probeOnce(targetFor(encoder->url()), m_stream, options);
        QVERIFY(timed.report);
        const ProbeRecord& record = timed.report->record;
        QVERIFY2(record.health == health, describe(*timed.report));
        QCOMPARE(record.errorCode, errorCode);
        QVERIFY2(record.reason.contains(reasonPart), qPrintable(record.reason));
        QVERIFY2(record.reason.contains(encoder->url().host()), qPrintable(record.reason));

        switch (mode) {
        case FakeEncoder::Mode::PlaceholderOnly:
            QCOMPARE(record.frameClass, QStringLiteral("encoder-placeholder"));
            QCOMPARE(record.imageBytes, qint64(70'808));
            break;
        case FakeEncoder::Mode::Down:
            QCOMPARE(record.httpStatus, 0);
            QCOMPARE(record.functionalMs, -1);
            QVERIFY2(timed.elapsedMs < options.reachTimeoutMs, qPrintable(QString::number(timed.elapsedMs)));
            break;
        case FakeEncoder::Mode::BlackHole:
            QCOMPARE(record.httpStatus, 0);
            QCOMPARE(record.functionalMs, -1);
            QVERIFY(record.phases.connectMs >= 0); // it accepted the connection
            QCOMPARE(record.phases.firstByteMs, -1);
            // Generous bounds: the machine is shared and noisy.
            QVERIFY2(timed.elapsedMs >= options.reachTimeoutMs - 100 &&
                         timed.elapsedMs < options.reachTimeoutMs + 2500,
                     qPrintable(QString::number(timed.elapsedMs)));
            QCOMPARE(encoder->requestCount(), 1); // nothing after the reachability request
            break;
        case FakeEncoder::Mode::Slow:
            // AVideo's PHP gives up after 2 s without a byte; so do we, and say so.
            QCOMPARE(record.frameClass, QStringLiteral("error"));
            QVERIFY2(record.functionalMs >= 1950 && record.functionalMs < 3000, describe(*timed.report));
            break;
        case FakeEncoder::Mode::KeepOpen:
            // The frame came at once; the time is what AVideo waits: until 2 s of silence at least.
            QCOMPARE(record.frameClass, QStringLiteral("real-frame"));
            QVERIFY2(record.functionalMs >= 1950 && record.functionalMs < 3500, describe(*timed.report));
            QVERIFY2(record.reason.contains(QStringLiteral("real frame")), qPrintable(record.reason));
            break;
        case FakeEncoder::Mode::LoginPage:
            QCOMPARE(record.httpStatus, 200);
            QCOMPARE(record.functionalMs, -1);
            QVERIFY2(record.reason.contains(QStringLiteral("after a redirect")), qPrintable(record.reason));
            QVERIFY2(!record.reason.contains(QStringLiteral("Sign in")), qPrintable(record.reason));
            QCOMPARE(encoder->requestCount(QStringLiteral("status")), 0);
            break;
        case FakeEncoder::Mode::BadStatus:
            QCOMPARE(record.frameClass, QStringLiteral("real-frame")); // frames alone do not make it online
            QVERIFY(timed.report->status.malformed);
            QVERIFY(!timed.report->status.alive);
            break;
        case FakeEncoder::Mode::RedirectLoop:
            QCOMPARE(record.functionalMs, -1);
            break;
        case FakeEncoder::Mode::PhpError:
            QCOMPARE(record.frameClass, QStringLiteral("not-an-image"));
            QVERIFY(record.imageBytes > 0);
            break;
        case FakeEncoder::Mode::Working:
            break;
        }
    }

    // The time we report against the time PHP itself spends: php-cli reads the same getImage URL with the
    // options of AVideo's url_get_contents($url, '', 2) (objects/functions.php: default_socket_timeout and
    // the http context's timeout 2, no other http option, peer verification off).
    void timeMatchesPhpFileGetContents_data() {
        QTest::addColumn<FakeEncoder::Mode>("mode");
        QTest::newRow("closes the connection") << FakeEncoder::Mode::Working;
        QTest::newRow("keeps the connection open") << FakeEncoder::Mode::KeepOpen;
    }
    void timeMatchesPhpFileGetContents() {
        QFETCH(FakeEncoder::Mode, mode);
        const QString php = QStandardPaths::findExecutable(QStringLiteral("php"));
        if (php.isEmpty()) {
            AVLD_FIXTURE_MISSING(
                "php (Debian's php-cli) is not installed: AVideo's own read cannot be compared");
        }
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        QVERIFY(prime(*encoder));
        encoder->setMode(mode);

        const Timed ours = probeOnce(targetFor(encoder->url()), m_stream);
        QVERIFY(ours.report);
        const ProbeRecord& record = ours.report->record;
        QCOMPARE(record.frameClass, QStringLiteral("real-frame"));

        static const char* script = R"php(
ini_set('default_socket_timeout', 2);
$context = stream_context_create(['http' => ['timeout' => 2],
    'ssl' => ['verify_peer' => false, 'verify_peer_name' => false, 'allow_self_signed' => true]]);
$started = hrtime(true);
$body = @file_get_contents($argv[1], false, $context);
echo json_encode(['ms' => intdiv(hrtime(true) - $started, 1000000),
                  'bytes' => $body === false ? -1 : strlen($body)]);
)php";
        const QUrl url = encoderImageUrl(encoder->url(), m_stream, QStringLiteral("jpg"));
        QProcess process;
        // The encoder answers on this thread's event loop: wait in it, without blocking it.
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        process.start(php, {QStringLiteral("-r"), QString::fromLatin1(script), QStringLiteral("--"),
                            QString::fromLatin1(url.toEncoded())});
        loop.exec();
        QVERIFY2(process.state() == QProcess::NotRunning, "php did not finish within 20 s");
        const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY2(result.contains(QStringLiteral("ms")), process.readAllStandardError().constData());
        const qint64 phpMs = result.value(QStringLiteral("ms")).toInteger();
        const QByteArray figures =
            QStringLiteral("ours %1 ms, PHP %2 ms").arg(record.functionalMs).arg(phpMs).toUtf8();
        qInfo("%s: %s", QTest::currentDataTag(), figures.constData());
        QCOMPARE(result.value(QStringLiteral("bytes")).toInteger(), record.imageBytes);
        if (mode == FakeEncoder::Mode::Working) {
            QVERIFY2(record.health == ProbeHealth::Healthy, describe(*ours.report));
            QVERIFY2(phpMs < 1000 && record.functionalMs < 1000, figures.constData());
            QVERIFY2(std::abs(record.functionalMs - phpMs) < 250, figures.constData());
            return;
        }
        // PHP waits 2 s after the last byte, or 4 s when the body came with the headers; we report the
        // lower bound and name the upper one.
        QVERIFY2(record.health == ProbeHealth::Degraded, describe(*ours.report));
        QVERIFY2(phpMs >= record.functionalMs - 300 && phpMs <= record.functionalMs + 2000 + 500,
                 figures.constData());
        QVERIFY2(record.reason.contains(QStringLiteral("%1 s to %2 s")
                                            .arg(record.functionalMs / 1000.0, 0, 'f', 1)
                                            .arg((record.functionalMs + 2000) / 1000.0, 0, 'f', 1)),
                 qPrintable(record.reason));
    }

    void statusWithAndWithoutCredentials_data() {
        QTest::addColumn<bool>("withCredentials");
        QTest::newRow("no credentials") << false;
        QTest::newRow("credentials") << true;
    }

    void statusWithAndWithoutCredentials() {
        QFETCH(bool, withCredentials);
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        EncoderTarget target = targetFor(encoder->url());
        if (withCredentials) {
            target.statusUser = QStringLiteral("admin");
            target.statusPassword = QStringLiteral("admin123");
            target.siteUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort()));
        }
        const Timed timed = probeOnce(target, {});
        QVERIFY(timed.report);
        const EncoderStatusInfo& status = timed.report->status;
        QVERIFY2(status.alive, qPrintable(status.note));
        if (!withCredentials) {
            QVERIFY(!status.readable);
            QVERIFY2(status.note.contains(QStringLiteral("no credentials")), qPrintable(status.note));
            QCOMPARE(encoder->requestCount(QStringLiteral("status")), 1);
            return;
        }
        QVERIFY2(status.readable, qPrintable(status.note));
        QCOMPARE(status.version, QStringLiteral("8.1"));
        QCOMPARE(status.queueSize, 0);
        QCOMPARE(status.concurrent, 1);
        QVERIFY(status.memFreeBytes > 0);
        QVERIFY(status.memTotalBytes >= status.memFreeBytes);
        QCOMPARE(encoder->requestCount(QStringLiteral("serverStatus")), 1);
        QCOMPARE(encoder->requestCount(QStringLiteral("status")), 0);
    }

    void noStreamSkipsTheFunctionalProbe() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        const Timed timed = probeOnce(targetFor(encoder->url()), {});
        QVERIFY(timed.report);
        const ProbeRecord& record = timed.report->record;
        QVERIFY2(record.health == ProbeHealth::Healthy, describe(*timed.report));
        QVERIFY2(
            record.reason.contains(QStringLiteral("reachable; frames not tested (no live stream to test")),
            qPrintable(record.reason));
        QCOMPARE(record.functionalMs, -1);
        QCOMPARE(record.imageBytes, qint64(-1));
        QVERIFY(record.frameClass.isEmpty());
        QCOMPARE(encoder->requestCount(), 1); // the reachability request only
        QVERIFY(encoder->requestedStreams().isEmpty());
        QCOMPARE(encoder->grabsStarted(), 0);
    }

    void expiredCertificateFails() {
        TlsHttpServer server("text/html", QByteArray());
        server.setCertificate(TlsHttpServer::Certificate::Expired);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        EncoderTarget target = targetFor(server.url(QStringLiteral("/")));
        target.verifyTls = true;
        target.caCertificates = server.caCertificatePem();
        const Timed timed = probeOnce(target, m_stream);
        QVERIFY(timed.report);
        const ProbeRecord& record = timed.report->record;
        QVERIFY2(record.health == ProbeHealth::Failed, describe(*timed.report));
        QCOMPARE(record.errorCode, QStringLiteral("tls-expired"));
        QVERIFY2(record.reason.contains(QStringLiteral("expired on 2025-01-01")), qPrintable(record.reason));
        QVERIFY(timed.report->certificate);
        QVERIFY(timed.report->certificateDaysLeft);
        QVERIFY(*timed.report->certificateDaysLeft < 0);
    }

    void selfSignedCertificateIsReportedWhenNotVerified() {
        TlsHttpServer server("text/html", QByteArray());
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        EncoderTarget target = targetFor(server.url(QStringLiteral("/")));
        target.verifyTls = false;
        const Timed timed = probeOnce(target, {});
        QVERIFY(timed.report);
        const ProbeRecord& record = timed.report->record;
        // Its status answers an empty 200, not the encoder's JSON: reachable, but not called an encoder.
        QVERIFY2(record.health == ProbeHealth::Degraded, describe(*timed.report));
        QCOMPARE(record.errorCode, QStringLiteral("not-an-encoder"));
        QVERIFY(record.phases.tlsMs >= 0);
        QVERIFY(timed.report->certificate);
        QVERIFY2(timed.report->certificate->subject.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(timed.report->certificate->subject));
        QVERIFY(timed.report->certificateDaysLeft);
        QVERIFY2(*timed.report->certificateDaysLeft > 0,
                 qPrintable(QString::number(*timed.report->certificateDaysLeft)));
        // Valid for 2 days: well within the warning period.
        QVERIFY2(record.reason.contains(QStringLiteral("certificate expires in")), qPrintable(record.reason));
    }

    // Issue 15, item 5: with no live to test frames with, `encoders` called an HTML login page, invalid JSON
    // and a redirect loop ONLINE. Only an answer in the encoder's own shape is.
    void withoutALiveOnlyAnEncoderIsOnline_data() {
        QTest::addColumn<FakeEncoder::Mode>("mode");
        QTest::addColumn<bool>("online");
        QTest::newRow("an encoder") << FakeEncoder::Mode::Working << true;
        QTest::newRow("login page") << FakeEncoder::Mode::LoginPage << false;
        QTest::newRow("status is not JSON") << FakeEncoder::Mode::BadStatus << false;
        QTest::newRow("redirect loop") << FakeEncoder::Mode::RedirectLoop << false;
    }
    void withoutALiveOnlyAnEncoderIsOnline() {
        QFETCH(FakeEncoder::Mode, mode);
        QFETCH(bool, online);
        auto encoder = makeEncoder(mode);
        QVERIFY(encoder);
        const Timed timed = probeOnce(targetFor(encoder->url()), {}, shortOptions());
        QVERIFY(timed.report);
        const ProbeRecord& record = timed.report->record;
        QVERIFY2((record.health == ProbeHealth::Healthy) == online, describe(*timed.report));
        if (!online)
            QVERIFY2(!record.errorCode.isEmpty(), describe(*timed.report));
    }

    // Numbers no integer holds in the status JSON (found by reading the parsers for the fuzz targets):
    // unknown
    // (-1), not a conversion with undefined behaviour.
    void absurdStatusNumbersAreUnknown() {
        ScriptedHttpServer encoder;
        QVERIFY(encoder.listen());
        const QByteArray status = R"({"version":"8.1","queue_size":1e300,"concurrent":-5,)"
                                  R"("memory":{"memFreeBytes":-1e308,"memTotalBytes":1e19}})";
        for (const QString& path : {QStringLiteral("/status"), QStringLiteral("/serverStatus")})
            encoder.respond(path, 200, "application/json", status);
        encoder.respond(QStringLiteral("/objects/getImage.php"), 200, "text/html", {}); // alive
        EncoderTarget target = targetFor(encoder.url(QStringLiteral("/")));
        target.statusUser = QStringLiteral("admin");
        target.statusPassword = QStringLiteral("admin123");
        target.siteUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort()));
        const Timed timed = probeOnce(target, {}, shortOptions());
        QVERIFY(timed.report);
        const EncoderStatusInfo& info = timed.report->status;
        QVERIFY2(info.readable, qPrintable(info.note));
        QCOMPARE(info.version, QStringLiteral("8.1"));
        QCOMPARE(info.queueSize, -1);
        QCOMPARE(info.concurrent, -1);
        QCOMPARE(info.memFreeBytes, qint64(-1));
        QCOMPARE(info.memTotalBytes, qint64(-1));
    }

    // A web server that is no encoder at all (404 for status, for everything): reachable, but not ONLINE.
    void withoutALiveAPlainWebServerIsNotOnline() {
        ScriptedHttpServer web;
        QVERIFY(web.listen());
        const Timed timed = probeOnce(targetFor(web.url(QStringLiteral("/"))), {}, shortOptions());
        QVERIFY(timed.report);
        const ProbeRecord& record = timed.report->record;
        QVERIFY2(record.health != ProbeHealth::Healthy, describe(*timed.report));
        QVERIFY2(record.reason.contains(QStringLiteral("404")), qPrintable(record.reason));
    }

    void monitorRidesOutFlappingAndAlertsOnSettledChanges() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        QVERIFY(prime(*encoder));

        MockClock clock;
        TimedHttpClient http;
        EncoderMonitor::Options options;
        options.hysteresis = Hysteresis{3, 2};
        options.autoTick = false;
        options.probe = shortOptions();
        EncoderMonitor monitor(http, clock, nullptr, options);
        EncoderTarget target = targetFor(encoder->url());
        target.intervalMs = 10'000;
        target.retryIntervalMs = 2'000;
        monitor.setTargets({target});
        monitor.setSampleStreams({m_stream});

        QList<EncoderProbeReport> reports;
        QList<EncoderStateChange> alerts;
        connect(&monitor, &EncoderMonitor::probed, this,
                [&](const EncoderProbeReport& report) { reports.append(report); });
        connect(&monitor, &EncoderMonitor::alert, this,
                [&](const EncoderStateChange& change, const EncoderTarget&) { alerts.append(change); });

        const auto round = [&](FakeEncoder::Mode mode) -> std::optional<EncoderState> {
            encoder->setMode(mode);
            const qsizetype before = reports.size();
            clock.advanceMs(10'001); // past the interval and the retry interval alike
            monitor.tick();
            if (!QTest::qWaitFor([&] { return reports.size() == before + 1; }, 15000))
                return std::nullopt;
            return monitor.snapshot(target.id)->state;
        };

        QCOMPARE(round(FakeEncoder::Mode::Working), EncoderState::Online);
        QVERIFY2(reports.last().record.health == ProbeHealth::Healthy, describe(reports.last()));
        for (int i = 0; i < 3; ++i) {
            const auto down = round(FakeEncoder::Mode::Down);
            QVERIFY(down);
            QCOMPARE(reports.last().record.errorCode, QStringLiteral("connect-refused"));
            QCOMPARE(*down, EncoderState::Pending);
            const auto up = round(FakeEncoder::Mode::Working);
            QVERIFY2(reports.last().record.health == ProbeHealth::Healthy, describe(reports.last()));
            QCOMPARE(up, EncoderState::Online);
        }
        QVERIFY(alerts.isEmpty());

        QCOMPARE(round(FakeEncoder::Mode::Down), EncoderState::Pending);
        QCOMPARE(round(FakeEncoder::Mode::Down), EncoderState::Pending);
        QVERIFY(alerts.isEmpty());
        QCOMPARE(round(FakeEncoder::Mode::Down), EncoderState::Offline);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.last().from, EncoderState::Online);
        QCOMPARE(alerts.last().to, EncoderState::Offline);

        QCOMPARE(round(FakeEncoder::Mode::Working), EncoderState::Offline); // one better result: confirming
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(round(FakeEncoder::Mode::Working), EncoderState::Online);
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.last().from, EncoderState::Offline);
        QCOMPARE(alerts.last().to, EncoderState::Online);
        QCOMPARE(reports.size(), 12);
        QCOMPARE(monitor.probesInFlight(), 0);
    }

    void monitorHistorySurvivesReopening() {
        auto encoder = makeEncoder(FakeEncoder::Mode::Working);
        QVERIFY(encoder);
        QVERIFY(prime(*encoder));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        MockClock clock;
        const QDateTime from = clock.now().addSecs(-1);
        EncoderTarget target = targetFor(encoder->url());
        target.intervalMs = 10'000;
        target.retryIntervalMs = 2'000;
        const QList<FakeEncoder::Mode> modes = {FakeEncoder::Mode::Working, FakeEncoder::Mode::Down,
                                                FakeEncoder::Mode::Working,
                                                FakeEncoder::Mode::PlaceholderOnly};
        {
            EncoderHistory history(path, clock);
            QVERIFY2(history.open().ok(), "the history does not open");
            TimedHttpClient http;
            EncoderMonitor::Options options;
            options.autoTick = false;
            options.probe = shortOptions();
            EncoderMonitor monitor(http, clock, &history, options);
            monitor.setTargets({target});
            monitor.setSampleStreams({m_stream});
            int probed = 0;
            connect(&monitor, &EncoderMonitor::probed, this, [&] { ++probed; });
            for (const FakeEncoder::Mode mode : modes) {
                encoder->setMode(mode);
                clock.advanceMs(10'001);
                const int before = probed;
                monitor.tick();
                QTRY_COMPARE_WITH_TIMEOUT(probed, before + 1, 15000);
            }
            QCOMPARE(history.records(target.id, from, clock.now()).size(), modes.size());
        }
        EncoderHistory reopened(path, clock);
        QVERIFY2(reopened.open().ok(), "the history does not reopen");
        const QList<ProbeRecord> rows = reopened.records(target.id, from, clock.now());
        QCOMPARE(rows.size(), modes.size());
        QCOMPARE(rows.at(0).health, ProbeHealth::Healthy);
        QCOMPARE(rows.at(0).frameClass, QStringLiteral("real-frame"));
        QCOMPARE(rows.at(1).health, ProbeHealth::Failed);
        QCOMPARE(rows.at(1).errorCode, QStringLiteral("connect-refused"));
        QCOMPARE(rows.at(2).health, ProbeHealth::Healthy);
        QCOMPARE(rows.at(3).health, ProbeHealth::Degraded);
        QCOMPARE(rows.at(3).frameClass, QStringLiteral("encoder-placeholder"));
        for (int i = 1; i < rows.size(); ++i)
            QVERIFY(rows.at(i).at > rows.at(i - 1).at);
        QCOMPARE(reopened.encoderIds(), QStringList{target.id});
        // Unknown -> Online, then Online -> Pending and back: the state changes went in too.
        QVERIFY(!reopened.stateChanges(target.id, from, clock.now()).isEmpty());
    }

    // Our encoder probe against our own stand-in (what the watch does once the site is switched to it): the
    // status page reads as a stand-in with an empty queue, the frame is real, and the stand-in does not
    // count the probe's picture as one a site took (the verification's "requests reached this run").
    void probingOurStandIn() {
        GeneratorConfig config;
        config.bindAddress = QHostAddress(QHostAddress::LocalHost);
        config.pathPrefix = QStringLiteral("/probe-test-secret/");
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        ThumbnailService standIn(config);
        QVERIFY(standIn.start().ok());
        const EncoderTarget target = targetFor(standIn.baseUrl());
        std::optional<EncoderProbeReport> report;
        for (int attempt = 0; attempt < 10; ++attempt) { // the first may miss the stand-in's budget
            report = probeOnce(target, m_stream).report;
            if (report && report->record.frameClass == QStringLiteral("real-frame"))
                break;
            QTest::qWait(500);
        }
        QVERIFY(report);
        QVERIFY2(report->record.health == ProbeHealth::Healthy, describe(*report));
        QVERIFY(report->status.readable);
        QVERIFY2(report->status.version.contains(QStringLiteral("stand-in")),
                 qPrintable(report->status.note));
        QCOMPARE(report->status.queueSize, 0);
        QCOMPARE(standIn.stats().refused, 0);
        QCOMPARE(standIn.presence().images, 0);
        QVERIFY(!standIn.presence().lastImageAt.isValid());
        standIn.stop();
    }

    void cleanupTestCase() { m_stack.stop(); }
};

QTEST_GUILESS_MAIN(EncoderProbeTest)
#include "tst_encoderprobe.moc"
