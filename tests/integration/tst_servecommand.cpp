#include "freeport.h"
#include "media/imagemarker.h"
#include "streamstack.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace avld;
using namespace avld::test;

// `avideo-live-doctor serve` as an admin (or systemd) runs it: a real stream, the program in its own process,
// AVideo's request over HTTP, and SIGTERM.
class ServeCommandTest : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QNetworkAccessManager m_network;

    struct Answer {
        int status = 0;
        QByteArray body;
        qint64 elapsedMs = 0;
    };

    Answer get(const QUrl& url) {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = m_network.get(QNetworkRequest(url));
        [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return reply->isFinished(); }, 10000);
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      timer.elapsed()};
        reply->deleteLater();
        return answer;
    }

    static QUrl imageUrl(quint16 port, const QUrl& stream) {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1/secret-x/objects/getImage.php?base64Url=%2&format=jpg")
                .arg(port)
                .arg(QString::fromLatin1(
                    QUrl::toPercentEncoding(QString::fromLatin1(stream.toEncoded().toBase64())))));
    }

    static bool startServe(QProcess& process, quint16 port, const QStringList& extra = {}) {
        process.start(QStringLiteral(AVLD_PROGRAM),
                      QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--prefix"),
                                  QStringLiteral("secret-x"), QStringLiteral("--allow-host"),
                                  QStringLiteral("127.0.0.1")} +
                          extra);
        return QTest::qWaitFor(
                   [&] {
                       return process.state() == QProcess::NotRunning ||
                              process.peek(4096).contains("serving AVideo thumbnail requests");
                   },
                   10000) &&
               process.state() == QProcess::Running;
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed =
                m_stack.publish({.key = QStringLiteral("serve-live"), .size = QSize(640, 360)}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void servesRealFramesAndStopsOnSigterm() {
        const quint16 port = freeLoopbackPort();
        QProcess serve;
        QVERIFY2(startServe(serve, port), serve.readAllStandardError().constData());
        QVERIFY2(!serve.peek(4096).contains("secret-x"), "the prefix must not be printed");

        const QUrl url = imageUrl(port, m_stack.hlsUrl(QStringLiteral("serve-live")));
        Answer first = get(url);
        QCOMPARE(first.status, 200);
        QVERIFY(first.elapsedMs < 2000); // inside AVideo's budget, frame or not
        Answer image = first;
        if (image.body.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT((image = get(url)).body.size() > 0, 10000);
        QVERIFY(ImageMarker::madeByUs(image.body));
        QImage decoded;
        QVERIFY(decoded.loadFromData(image.body, "JPG"));
        QCOMPARE(decoded.size(), QSize(640, 360));

        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 5000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    // At once after start the animated encoders are still warming up (a few hundred ms, on a pool of their
    // own that uses Qt's global one): the process still ends at once and cleanly.
    void sigtermRightAfterStartExits() {
        const quint16 port = freeLoopbackPort();
        QProcess serve;
        QVERIFY(startServe(serve, port));
        ::kill(pid_t(serve.processId()), SIGTERM);
        QElapsedTimer exiting;
        exiting.start();
        QVERIFY2(QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 10000),
                 "serve hangs on its way out");
        qInfo() << "exited" << exiting.elapsed() << "ms after SIGTERM";
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void sigtermWhileARequestWaitsAnswersItAndExits() {
        const quint16 port = freeLoopbackPort();
        QProcess serve;
        QVERIFY(startServe(serve, port, {QStringLiteral("--budget"), QStringLiteral("1900")}));
        // A stream that never answers keeps the request waiting for its grab.
        const QUrl silent =
            QUrl(QStringLiteral("http://127.0.0.1:%1/live/none/index.m3u8").arg(freeLoopbackPort()));
        QNetworkReply* reply = m_network.get(QNetworkRequest(imageUrl(port, silent)));
        QTest::qWait(300);
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 5000));
        QVERIFY(reply->readAll().isEmpty()); // never a stale or made-up picture
        reply->deleteLater();
        QVERIFY(QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 5000));
        QCOMPARE(serve.exitCode(), 0);
    }

    // With --site the stand-in keeps its address and secret: what standin-url printed keeps working across
    // restarts of serve, until a new secret is asked for.
    void keepsItsUrlPerSiteAcrossRestarts() {
        QTemporaryDir config;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the owner-only file
        const QString site = QStringLiteral("http://127.0.0.1/");
        const quint16 port = freeLoopbackPort();
        const auto run = [&](const QStringList& arguments, QByteArray* err = nullptr) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(AVLD_PROGRAM), arguments);
            process.waitForFinished(20000);
            if (err)
                *err = process.readAllStandardError();
            return process.readAllStandardOutput();
        };
        const auto printedUrl = [&](QByteArray* err = nullptr) {
            const QByteArray out = run({QStringLiteral("standin-url"), QStringLiteral("--site"), site}, err);
            const QRegularExpressionMatch match =
                QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:%1/[0-9a-f]{32}/").arg(port))
                    .match(QString::fromUtf8(out));
            return match.hasMatch() ? QUrl(match.captured()) : QUrl();
        };
        const auto startKept = [&](QProcess& serve, const QStringList& extra = {}) {
            serve.setProcessEnvironment(environment);
            serve.start(QStringLiteral(AVLD_PROGRAM),
                        QStringList{QStringLiteral("serve"), QStringLiteral("--site"), site} + extra);
            return QTest::qWaitFor(
                       [&] {
                           return serve.state() == QProcess::NotRunning ||
                                  serve.peek(4096).contains("serving AVideo thumbnail requests");
                       },
                       15000) &&
                   serve.state() == QProcess::Running;
        };
        const auto stop = [](QProcess& serve) {
            serve.terminate();
            return QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 5000);
        };
        const QByteArray stream = QUrl::toPercentEncoding(
            QString::fromLatin1(m_stack.hlsUrl(QStringLiteral("serve-live")).toEncoded().toBase64()));
        const auto answers = [&](const QUrl& base) {
            const QUrl url = QUrl::fromEncoded(base.toEncoded() + "objects/getImage.php?base64Url=" + stream +
                                               "&format=jpg");
            Answer answer = get(url);
            if (answer.status == 200 && answer.body.isEmpty())
                (void)QTest::qWaitFor([&] { return !(answer = get(url)).body.isEmpty(); }, 10000);
            return answer;
        };

        // The admin asks for the URL first, with the address the service is to listen on.
        QByteArray err;
        const QByteArray firstOut =
            run({QStringLiteral("standin-url"), QStringLiteral("--site"), site, QStringLiteral("--listen"),
                 QStringLiteral("127.0.0.1:%1").arg(port)},
                &err);
        QVERIFY2(err.contains("a new secret was made"), err.constData());
        QVERIFY2(err.contains("owner") || err.contains(".prefix"), err.constData());
        const QUrl url = printedUrl();
        QVERIFY2(url.isValid() && !url.isEmpty(), firstOut.constData());

        for (int start = 0; start < 2; ++start) {
            QProcess serve;
            QVERIFY2(startKept(serve), serve.readAllStandardError().constData());
            QVERIFY2(!serve.peek(4096).contains(url.path().toUtf8()), "the secret must not be printed");
            const Answer image = answers(url);
            QCOMPARE(image.status, 200);
            QVERIFY2(ImageMarker::madeByUs(image.body),
                     qPrintable(QStringLiteral("start %1").arg(start + 1)));
            if (start == 0) { // verify-standin --site checks this stand-in without being told its URL
                QByteArray verifyErr;
                run({QStringLiteral("verify-standin"), QStringLiteral("--site"), site}, &verifyErr);
                QVERIFY2(
                    verifyErr.contains(QStringLiteral("the stand-in kept for this site: http://127.0.0.1:%1/")
                                           .arg(port)
                                           .toUtf8()),
                    verifyErr.constData());
                QVERIFY2(!verifyErr.contains(url.path().toUtf8()), "the secret must not be printed");
            }
            QVERIFY(stop(serve));
        }
        QCOMPARE(printedUrl(), url);

        // A new secret only on request: the old URL stops working, and says so with a 404.
        QProcess renewed;
        QVERIFY(startKept(renewed, {QStringLiteral("--new-prefix")}));
        QVERIFY2(renewed.readAllStandardError().contains("a new secret was made"),
                 "the renewal is announced");
        QCOMPARE(answers(url).status, 404);
        const QUrl newUrl = printedUrl();
        QVERIFY(!newUrl.isEmpty());
        QVERIFY(newUrl != url);
        QVERIFY(ImageMarker::madeByUs(answers(newUrl).body));
        QVERIFY(stop(renewed));
    }

    // Issue 15, item 9: the secret prefix from a file or a systemd credential, so that it is not in the
    // command line `ps` shows every user; and in no log line, at the debug level either.
    void prefixFromFileOrCredentialIsNeverShown_data() {
        QTest::addColumn<bool>("asCredential");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("warned");
        const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QTest::newRow("--prefix-file, mode 600") << false << int(ownerOnly) << false;
        QTest::newRow("--prefix-file, readable by all")
            << false << int(ownerOnly | QFileDevice::ReadOther) << true;
        QTest::newRow("systemd credential") << true << int(ownerOnly) << false;
    }
    void prefixFromFileOrCredentialIsNeverShown() {
        QFETCH(bool, asCredential);
        QFETCH(int, mode);
        QFETCH(bool, warned);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("standin-prefix"));
        {
            QFile secret(file);
            QVERIFY(secret.open(QIODevice::WriteOnly));
            secret.write("secret-x\n"); // as `openssl rand -hex 16 > FILE` leaves it: a newline at the end
        }
        QVERIFY(QFile::setPermissions(file, QFileDevice::Permissions(mode)));
        const quint16 port = freeLoopbackPort();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("avld.*.debug=true"));
        QStringList arguments{QStringLiteral("serve"), QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--allow-host"),
                              QStringLiteral("127.0.0.1")};
        if (asCredential)
            environment.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), dir.path());
        else
            arguments << QStringLiteral("--prefix-file") << file;
        QProcess serve;
        serve.setProcessEnvironment(environment);
        serve.start(QStringLiteral(AVLD_PROGRAM), arguments);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return serve.state() == QProcess::NotRunning ||
                       serve.peek(8192).contains("serving AVideo thumbnail requests");
            },
            10000));
        QCOMPARE(serve.state(), QProcess::Running);
        QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(serve.processId()));
        QVERIFY(commandLine.open(QIODevice::ReadOnly));
        QVERIFY2(!commandLine.readAll().contains("secret-x"), "the secret is on the command line");

        // Served under the prefix read from the file; every route a request can take is logged.
        const QUrl image = imageUrl(port, m_stack.hlsUrl(QStringLiteral("serve-live")));
        QCOMPARE(get(image).status, 200);
        for (const char* path :
             {"/secret-x/status", "/secret-x/healthz", "/secret-x/metrics", "/secret-x/nope"})
            QVERIFY(
                get(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QLatin1String(path)))).status >
                0);
        QCOMPARE(get(QUrl(QStringLiteral("http://127.0.0.1:%1/status").arg(port))).status, 404);
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(5000));
        const QByteArray out = serve.readAllStandardOutput();
        const QByteArray err = serve.readAllStandardError();
        QVERIFY2(err.contains("GET /<prefix>/status"), "the debug log does not show the requests");
        QVERIFY2(!out.contains("secret-x") && !err.contains("secret-x"), (out + err).constData());
        QCOMPARE(err.contains("can be read by other users: chmod 600 it"), warned);
    }

    void unreadablePrefixFileIsAClearError() {
        const QString missing = QStringLiteral("/nonexistent/standin-prefix");
        QProcess serve;
        serve.start(QStringLiteral(AVLD_PROGRAM),
                    {QStringLiteral("serve"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort()), QStringLiteral("--allow-host"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--prefix-file"), missing});
        QVERIFY(serve.waitForFinished(10000));
        QVERIFY(serve.exitCode() != 0);
        const QByteArray err = serve.readAllStandardError();
        QVERIFY2(err.contains("--prefix-file: /nonexistent/standin-prefix does not exist"), err.constData());
        QVERIFY2(err.contains("openssl rand -hex 16"), err.constData());
    }

    void refusesToStartAsAnOpenProxy() {
        QProcess serve;
        serve.start(QStringLiteral(AVLD_PROGRAM), {QStringLiteral("serve"), QStringLiteral("--listen"),
                                                   QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort())});
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 64);
        QVERIFY(serve.readAllStandardError().contains("--allow-host"));
    }

    void busyPortIsAClearError() {
        const quint16 port = freeLoopbackPort();
        QProcess first;
        QVERIFY(startServe(first, port));
        QProcess second;
        second.start(QStringLiteral(AVLD_PROGRAM),
                     {QStringLiteral("serve"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--allow-host"),
                      QStringLiteral("127.0.0.1")});
        QVERIFY(QTest::qWaitFor([&] { return second.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(!second.readAllStandardError().trimmed().isEmpty());
        first.terminate();
        QVERIFY(QTest::qWaitFor([&] { return first.state() == QProcess::NotRunning; }, 5000));
    }
};

QTEST_MAIN(ServeCommandTest)
#include "tst_servecommand.moc"
