// Issue 15, item 2: under a 256 open-files limit, 400 idle connections stopped the stand-in answering.
// Now a flood of idle and half-sent (slowloris) connections is held within the connection limits, the
// oldest of them closed to make room, and a real request is still read and answered in time.
#include "generator/connectionlimiter.h"
#include "generator/thumbnailservice.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>

using namespace avld;

class TestStandInFlood : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void totalFollowsTheDescriptorLimit_data() {
        QTest::addColumn<qint64>("softLimit");
        QTest::addColumn<int>("total");
        QTest::newRow("256, as in the report") << qint64(256) << 128;
        QTest::newRow("1024, a common default") << qint64(1024) << 896;
        QTest::newRow("tiny") << qint64(64) << 16;
        QTest::newRow("large") << qint64(1 << 20) << 4096;
    }
    void totalFollowsTheDescriptorLimit() {
        QFETCH(qint64, softLimit);
        QFETCH(int, total);
        QCOMPARE(ConnectionLimiter::totalForDescriptorLimit(softLimit), total);
        QVERIFY(ConnectionLimiter::descriptorLimit() > 0);
    }

    void floodLeavesRoomForARealRequest() {
        GeneratorConfig config;
        config.pathPrefix = QStringLiteral("/s3cr3t/");
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        config.maxConnections = 200;
        config.maxConnectionsPerClient = 150;
        config.warmUpEncoders = false;
        ThumbnailService service(config);
        if (const Status failed = service.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));

        // 1 000 connections from two addresses: half send nothing, half the start of a request line and
        // never its end.
        std::vector<std::unique_ptr<QTcpSocket>> flood;
        for (int i = 0; i < 1000; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->bind(QHostAddress(i % 2 ? QStringLiteral("127.0.0.1") : QStringLiteral("127.0.0.3")));
            if (i % 4 < 2)
                connect(socket.get(), &QTcpSocket::connected, socket.get(), [s = socket.get()] {
                    s->write("GET /s3cr3t/objects/getImage.php?base64Url=aHR0cDovLzEyNy4wLjAuMS9h");
                });
            socket->connectToHost(QHostAddress::LocalHost, service.port());
            flood.push_back(std::move(socket));
            if (i % 100 == 99)
                QTest::qWait(20); // let the service accept as they come, as a real flood would
        }
        const auto settled = [&] {
            return std::all_of(flood.cbegin(), flood.cend(), [](const auto& socket) {
                return socket->state() == QAbstractSocket::ConnectedState ||
                       socket->state() == QAbstractSocket::UnconnectedState;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        QTest::qWait(300);
        const ThumbnailService::State during = service.state();
        QVERIFY2(during.connections <= 200, qPrintable(QString::number(during.connections)));
        const qint64 turnedAway = during.connectionsClosedToMakeRoom + during.connectionsRefused;
        QVERIFY2(turnedAway >= 700, qPrintable(QString::number(turnedAway)));

        // A slowloris holds its connections for long: a second on, they are stale, and a real request,
        // from one of the flooding addresses, is read and answered well within AVideo's 2 s.
        QTest::qWait(1100);
        QNetworkAccessManager network;
        for (const QByteArray& path : {QByteArray("/s3cr3t/status"), QByteArray("/healthz")}) {
            QElapsedTimer timer;
            timer.start();
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(service.port()) + QString::fromLatin1(path)));
            QNetworkReply* reply = network.get(request);
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QVERIFY2(timer.elapsed() < 1500, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
            if (path == "/healthz")
                QVERIFY(reply->readAll().contains("\"connectionsClosedToMakeRoom\""));
            QVERIFY(service.state().connectionsClosedToMakeRoom >= 1); // a stale one made room for it
            delete reply;
        }
    }
};

QTEST_GUILESS_MAIN(TestStandInFlood)
#include "tst_standinflood.moc"
