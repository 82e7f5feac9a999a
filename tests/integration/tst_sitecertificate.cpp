#include "freeport.h"
#include "site/sitecertificate.h"
#include "tlshttpserver.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace avld;
using namespace avld::test;

// Reading a site's certificate for the admin to judge: what it is, and why this computer does not trust it.
class TestSiteCertificate : public QObject {
    Q_OBJECT
private:
    static Result<SiteCertificate> readCertificate(const QUrl& url, int timeoutMs = 5000) {
        SiteCertificateReader reader;
        std::optional<Result<SiteCertificate>> outcome;
        reader.read(url, timeoutMs, [&](Result<SiteCertificate> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs + 5000))
            return Error{QStringLiteral("test-timeout"), QStringLiteral("no answer"), {}};
        return std::move(*outcome);
    }

private Q_SLOTS:
    void untrustedCertificateIsDescribed_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("problem");
        QTest::newRow("self-signed") << int(TlsHttpServer::Certificate::SelfSigned)
                                     << QStringLiteral("self-signed");
        QTest::newRow("expired") << int(TlsHttpServer::Certificate::Expired) << QStringLiteral("expired");
    }

    void untrustedCertificateIsDescribed() {
        QFETCH(int, kind);
        QFETCH(QString, problem);
        TlsHttpServer server("text/plain", "hello");
        server.setCertificate(TlsHttpServer::Certificate(kind));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const Result<SiteCertificate> read = readCertificate(server.url(QStringLiteral("/")));
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        QCOMPARE(read->sha256, server.fingerprint());
        QCOMPARE(read->subject, QStringLiteral("127.0.0.1"));
        const QString problems = read->problems.join(QStringLiteral("; "));
        QVERIFY2(problems.contains(problem, Qt::CaseInsensitive), qPrintable(problems));
        QVERIFY(read->notAfter.isValid());
        if (TlsHttpServer::Certificate(kind) == TlsHttpServer::Certificate::Expired)
            QCOMPARE(read->notAfter, QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
    }

    void placesWithoutACertificateSaySo_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::newRow("plain http address") << QStringLiteral("http") << QStringLiteral("not-https");
        QTest::newRow("nothing listening") << QStringLiteral("closed") << QStringLiteral("tls");
        QTest::newRow("plain HTTP on the port") << QStringLiteral("plain") << QStringLiteral("tls");
        QTest::newRow("silent server") << QStringLiteral("silent") << QStringLiteral("timeout");
    }

    void placesWithoutACertificateSaySo() {
        QFETCH(QString, what);
        QFETCH(QString, code);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        // "plain" answers the handshake with an HTTP error page; "silent" accepts and says nothing.
        connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                if (what == QStringLiteral("plain")) {
                    socket->write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                }
            }
        });
        quint16 port = server.serverPort();
        if (what == QStringLiteral("closed")) {
            server.close();
            port = freeLoopbackPort();
        }
        const QString scheme =
            what == QStringLiteral("http") ? QStringLiteral("http") : QStringLiteral("https");
        QElapsedTimer clock;
        clock.start();
        const Result<SiteCertificate> read =
            readCertificate(QUrl(QStringLiteral("%1://127.0.0.1:%2/").arg(scheme).arg(port)), 1500);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, code);
        QVERIFY(!read.error().message.isEmpty());
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    }

    void cancelledReadSaysNothing() {
        TlsHttpServer server("text/plain", "hello");
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        SiteCertificateReader reader;
        bool called = false;
        reader.read(server.url(QStringLiteral("/")), 5000, [&](Result<SiteCertificate>) { called = true; });
        reader.cancel();
        QTest::qWait(500);
        QVERIFY(!called);
    }
};

QTEST_MAIN(TestSiteCertificate)
#include "tst_sitecertificate.moc"
