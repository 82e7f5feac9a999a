#include "fakeencoder.h"
#include "recordinghttpserver.h"
#include "sitesimulator.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::FakeEncoder::Mode)

// `avideo-live-doctor encoders` as an admin runs it, against the site simulator and fake encoders in this
// process (so the program runs while this event loop serves them).
class EncodersCommandTest : public QObject {
    Q_OBJECT
private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    static Run run(const QStringList& arguments, const QByteArray& password = {},
                   const QString& dataHome = {}, const QHash<QString, QString>& extraEnvironment = {}) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!dataHome.isEmpty())
            environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        environment.remove(QStringLiteral("AVLD_PASSWORD"));
        environment.remove(QStringLiteral("CREDENTIALS_DIRECTORY"));
        if (!password.isEmpty())
            environment.insert(QStringLiteral("AVLD_PASSWORD"), QString::fromUtf8(password));
        for (auto it = extraEnvironment.begin(); it != extraEnvironment.end(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(AVLD_PROGRAM), arguments);
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    static QJsonObject encoderNamed(const QByteArray& json, const QString& origin) {
        for (const QJsonValue& v :
             QJsonDocument::fromJson(json).object().value(QStringLiteral("encoders")).toArray())
            if (v.toObject().value(QStringLiteral("origin")).toString() == origin)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void downEncoderIsCritical() {
        FakeEncoder encoder({.mode = FakeEncoder::Mode::Down});
        QVERIFY(encoder.listen());
        const Run r = run({QStringLiteral("encoders"), QStringLiteral("--encoder"), encoder.url().toString(),
                           QStringLiteral("--no-history"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject e = encoderNamed(r.out, QStringLiteral("added"));
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("offline"));
        QCOMPARE(e.value(QStringLiteral("errorCode")).toString(), QStringLiteral("connect-refused"));
    }

    // The password as an admin gives it by hand ($AVLD_PASSWORD) and as the encoder-watch service does (the
    // systemd credential site-password, LoadCredential= in packaging/avideo-live-doctor-encoders.service).
    void readsTheSiteEncoderAndItsStatusAsAdmin_data() {
        QTest::addColumn<bool>("fromCredential");
        QTest::newRow("AVLD_PASSWORD") << false;
        QTest::newRow("systemd credential site-password") << true;
    }

    void readsTheSiteEncoderAndItsStatusAsAdmin() {
        QFETCH(bool, fromCredential);
        FakeEncoder encoder; // Working; status accepts admin + the site's hash (§2.5)
        QVERIFY(encoder.listen());
        SiteSimulator::Options options;
        options.encoderUrl = encoder.url().toString();
        SiteSimulator site(options);
        QVERIFY(site.listen());
        QTemporaryDir credentials;
        if (fromCredential) {
            QFile secret(credentials.filePath(QStringLiteral("site-password")));
            QVERIFY(secret.open(QIODevice::WriteOnly));
            secret.write("admin123\n");
        }
        const QStringList arguments{QStringLiteral("encoders"), QStringLiteral("--site"),
                                    site.siteUrl().toString(),  QStringLiteral("--user"),
                                    QStringLiteral("admin"),    QStringLiteral("--no-history"),
                                    QStringLiteral("--json")};
        const Run r = fromCredential ? run(arguments, {}, {},
                                           {{QStringLiteral("CREDENTIALS_DIRECTORY"), credentials.path()}})
                                     : run(arguments, "admin123");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const QJsonObject e = encoderNamed(r.out, QStringLiteral("site's encoder"));
        QCOMPARE(e.value(QStringLiteral("url")).toString(), encoder.url().toString());
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("online"));
        const QJsonObject status = e.value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("version")).toString(), QStringLiteral("8.1"));
        QVERIFY(encoder.requestCount(QStringLiteral("serverStatus")) >= 1);
        QVERIFY2(!r.err.contains(QStringLiteral("admin123")), "the password leaked to stderr");
    }

    // One history per site: what `encoders --site` probed is what `diagnose --shift` reports (and what the
    // window shows), not three files that each know a part.
    void theSiteHistoryIsSharedWithDiagnose() {
        QTemporaryDir dataHome;
        QVERIFY(dataHome.isValid());
        FakeEncoder encoder;
        QVERIFY(encoder.listen());
        SiteSimulator::Options options;
        options.encoderUrl = encoder.url().toString();
        SiteSimulator site(options);
        QVERIFY(site.listen());
        const QString siteUrl = site.siteUrl().toString();
        const Run probed = run({QStringLiteral("encoders"), QStringLiteral("--site"), siteUrl,
                                QStringLiteral("--user"), QStringLiteral("admin")},
                               "admin123", dataHome.path());
        QVERIFY2(probed.exitCode == 0, qPrintable(probed.err + QString::fromUtf8(probed.out)));
        const auto found = [&](const QString& name) {
            QDirIterator it(dataHome.path(), {name}, QDir::Files, QDirIterator::Subdirectories);
            return it.hasNext() ? QFileInfo(it.next()).fileName() : QString();
        };
        QVERIFY(found(QStringLiteral("history-site-*.sqlite")).startsWith(QStringLiteral("history-site-")));
        QVERIFY2(found(QStringLiteral("encoder-history.sqlite")).isEmpty(),
                 "encoders --site kept a history of its own");

        const QString report = dataHome.filePath(QStringLiteral("shift.html"));
        const Run shift =
            run({QStringLiteral("diagnose"), QStringLiteral("--site"), siteUrl, QStringLiteral("--shift"),
                 QStringLiteral("1"), QStringLiteral("--report"), report},
                {}, dataHome.path());
        QVERIFY2(shift.exitCode == 0, qPrintable(shift.err + QString::fromUtf8(shift.out)));
        QVERIFY2(shift.out.contains("was up 100.0 % of the shift (1 probes)"), shift.out.constData());
    }

    void textReportNamesTheProblemAndWhatToDo() {
        FakeEncoder encoder({.mode = FakeEncoder::Mode::Down});
        QVERIFY(encoder.listen());
        SiteSimulator::Options options;
        options.encoderUrl = encoder.url().toString();
        SiteSimulator site(options);
        QVERIFY(site.listen());
        const Run r = run({QStringLiteral("encoders"), QStringLiteral("--site"), site.siteUrl().toString(),
                           QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--no-history")},
                          "admin123");
        QCOMPARE(r.exitCode, 2);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("OFFLINE")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("refused the connection")));
        QVERIFY(out.contains(QStringLiteral("No healthy alternative")));
    }

    // Without a live, the text never says ONLINE; something that is not an encoder is never reachable.
    void verdictWithoutALive_data() {
        QTest::addColumn<FakeEncoder::Mode>("mode");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("reasonPart");
        QTest::addColumn<bool>("framesTested");
        QTest::newRow("working") << FakeEncoder::Mode::Working << 0 << QStringLiteral("REACHABLE")
                                 << QStringLiteral("is reachable; frames not tested") << false;
        QTest::newRow("login page") << FakeEncoder::Mode::LoginPage << 2 << QStringLiteral("OFFLINE")
                                    << QStringLiteral("this URL is not an AVideo encoder") << false;
        QTest::newRow("redirect loop") << FakeEncoder::Mode::RedirectLoop << 2 << QStringLiteral("OFFLINE")
                                       << QStringLiteral("redirects in a loop") << false;
        QTest::newRow("status is not JSON") << FakeEncoder::Mode::BadStatus << 1 << QStringLiteral("DEGRADED")
                                            << QStringLiteral("not the encoder's JSON") << false;
    }
    void verdictWithoutALive() {
        QFETCH(FakeEncoder::Mode, mode);
        QFETCH(int, exitCode);
        QFETCH(QString, label);
        QFETCH(QString, reasonPart);
        QFETCH(bool, framesTested);
        FakeEncoder encoder({.mode = mode});
        QVERIFY(encoder.listen());
        const QStringList arguments = {QStringLiteral("encoders"), QStringLiteral("--encoder"),
                                       encoder.url().toString(), QStringLiteral("--no-history")};
        const Run text = run(arguments);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(text.exitCode == exitCode, qPrintable(out + text.err));
        QVERIFY2(out.startsWith(label + QLatin1Char(' ')), qPrintable(out));
        QVERIFY2(out.contains(reasonPart), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("ONLINE")), qPrintable(out));

        const Run json = run(arguments + QStringList{QStringLiteral("--json")});
        QCOMPARE(json.exitCode, exitCode);
        const QJsonObject e = encoderNamed(json.out, QStringLiteral("added"));
        QCOMPARE(e.value(QStringLiteral("framesTested")).toBool(true), framesTested);
    }

    // systemctl stop sends SIGTERM: a watch ends at once and cleanly (exit 0), saying why.
    void watchEndsCleanlyOnSigterm() {
        FakeEncoder encoder({.mode = FakeEncoder::Mode::Down});
        QVERIFY(encoder.listen());
        QProcess watch;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("AVLD_PASSWORD"));
        watch.setProcessEnvironment(environment);
        watch.start(QStringLiteral(AVLD_PROGRAM),
                    {QStringLiteral("encoders"), QStringLiteral("--watch"), QStringLiteral("--encoder"),
                     encoder.url().toString(), QStringLiteral("--no-history"), QStringLiteral("--interval"),
                     QStringLiteral("5")});
        QByteArray out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += watch.readAllStandardOutput();
                         return out.contains(encoder.url().toString().toUtf8());
                     },
                     30000),
                 "the watch printed nothing about its encoder");
        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY2(QTest::qWaitFor([&] { return watch.state() == QProcess::NotRunning; }, 5000),
                 "the watch did not stop on SIGTERM");
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY(
            QString::fromUtf8(watch.readAllStandardError()).contains(QStringLiteral("signal 15, stopping")));
    }

    // --test-alert: one test message to each channel, how each went, 0 only when all took it.
    void testAlertSaysHowEachChannelWent() {
        RecordingHttpServer fake;
        QVERIFY(fake.listen());
        fake.setAnswer(QStringLiteral("/ops"), {});
        fake.setAnswer(QStringLiteral("/hook"),
                       {.status = 400, .contentType = "text/plain", .body = "bad payload"});
        const Run r = run(
            {QStringLiteral("encoders"), QStringLiteral("--test-alert"), QStringLiteral("--alert"),
             QStringLiteral("ntfy:") + fake.url(QStringLiteral("/ops")).toString(), QStringLiteral("--alert"),
             QStringLiteral("webhook:") + fake.url(QStringLiteral("/hook")).toString()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("ntfy 127.0.0.1/ops: delivered"), r.out.constData());
        QVERIFY2(
            r.out.contains("webhook 127.0.0.1 did not take the alert \"Test alert from AVideo Live Doctor\": "
                           "refused: HTTP 400: bad payload (not retried)"),
            r.out.constData());
        QCOMPARE(fake.requests(QStringLiteral("/ops")).value(0).headers.value("title"),
                 QByteArray("Test alert from AVideo Live Doctor"));
    }

    // Secrets come from credentials (systemd's $CREDENTIALS_DIRECTORY here), never from the command line.
    void aTelegramBotTokenComesFromTheCredentials() {
        RecordingHttpServer telegram;
        QVERIFY(telegram.listen());
        telegram.setAnswer(QStringLiteral("/bot42:credential-token/sendPhoto"), {.body = R"({"ok":true})"});
        QTemporaryDir credentials;
        QFile token(credentials.filePath(QStringLiteral("telegram-bot-token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("42:credential-token\n");
        token.close();
        const QStringList arguments{
            QStringLiteral("encoders"), QStringLiteral("--test-alert"), QStringLiteral("--alert"),
            QStringLiteral("telegram:-100777?api=") + telegram.url(QString()).toString()};
        const Run missing = run(arguments);
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains(QStringLiteral("the credential telegram-bot-token")),
                 qPrintable(missing.err));
        const Run r = run(arguments, {}, {}, {{QStringLiteral("CREDENTIALS_DIRECTORY"), credentials.path()}});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Telegram chat -100777: delivered"), r.out.constData());
        QCOMPARE(telegram.count(QStringLiteral("/bot42:credential-token/sendPhoto")), 1);
    }

    // --watch: an encoder that goes offline is alerted to the channel, with its failed deliveries on stderr.
    void watchSendsTheAlertAndSaysWhatWasNotDelivered() {
        FakeEncoder encoder({.mode = FakeEncoder::Mode::Down});
        QVERIFY(encoder.listen());
        RecordingHttpServer fake;
        QVERIFY(fake.listen());
        fake.setAnswer(QStringLiteral("/ops"), {});
        fake.setAnswer(QStringLiteral("/gone"),
                       {.status = 404, .contentType = "text/plain", .body = "no topic"});
        QProcess process;
        process.start(QStringLiteral(AVLD_PROGRAM),
                      {QStringLiteral("encoders"), QStringLiteral("--watch"), QStringLiteral("--no-history"),
                       QStringLiteral("--interval"), QStringLiteral("5"), QStringLiteral("--encoder"),
                       encoder.url().toString(), QStringLiteral("--alert"),
                       QStringLiteral("ntfy:") + fake.url(QStringLiteral("/ops")).toString(),
                       QStringLiteral("--alert"),
                       QStringLiteral("ntfy:") + fake.url(QStringLiteral("/gone")).toString()});
        QTRY_COMPARE_WITH_TIMEOUT(fake.count(QStringLiteral("/ops")), 1, 40000);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += process.readAllStandardError())
                .contains("encoders: alert not delivered: ntfy 127.0.0.1/gone did not take the alert"),
            5000);
        process.kill();
        process.waitForFinished();
        const RecordingHttpServer::Request alert = fake.requests(QStringLiteral("/ops")).value(0);
        QVERIFY2(alert.headers.value("title").startsWith("[FIRING] Encoder 127.0.0.1:"),
                 alert.headers.value("title"));
        QCOMPARE(alert.headers.value("priority"), QByteArray("urgent"));
    }

    void alertsWithoutWatchAreAUsageError() {
        const Run r = run({QStringLiteral("encoders"), QStringLiteral("--encoder"),
                           QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("--alert"),
                           QStringLiteral("ntfy:https://ntfy.example/t")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("--alert needs --watch")), qPrintable(r.err));
    }

    void withoutSiteOrEncoderItSaysWhatIsMissing() {
        const Run r = run({QStringLiteral("encoders")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("--site")));
    }
};

QTEST_GUILESS_MAIN(EncodersCommandTest)
#include "tst_encoderscommand.moc"
