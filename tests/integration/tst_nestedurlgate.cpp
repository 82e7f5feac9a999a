#include "generator/streamallowlist.h"
#include "generator/thumbnailservice.h"
#include "media/framegrabber.h"
#include "scriptedhttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

// Counts connections and answers none: any connection is a fetch the allow-list should have stopped.
class Sink : public QObject {
public:
    bool listen(const QHostAddress& address) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
            }
        });
        return m_server.listen(address);
    }
    QString origin() const {
        const QHostAddress address = m_server.serverAddress();
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QStringLiteral("[%1]").arg(address.toString())
                                 : address.toString();
        return QStringLiteral("http://%1:%2").arg(host).arg(m_server.serverPort());
    }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    int m_connections = 0;
};

} // namespace

// Issue 15, item 1: with only 127.0.0.9 allowed, a playlist there whose EXT-X-KEY or EXT-X-MAP named
// another loopback address made the stand-in fetch it through libavformat's HLS demuxer, which opened it
// without asking. Now every URL libavformat opens passes the same allow-list.
class TestNestedUrlGate : public QObject {
    Q_OBJECT
private:
    ScriptedHttpServer m_allowed; // on 127.0.0.9
    Sink m_sink4;                 // on 127.0.0.2
    Sink m_sink6;                 // on [::1]

    QByteArray playlist(const QString& tag, const QString& segmentOrigin) const {
        return QStringLiteral(
                   "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:1\n%1\n"
                   "#EXTINF:2.0,\n%2/seg1.ts\n#EXTINF:2.0,\n%2/seg2.ts\n")
            .arg(tag, segmentOrigin)
            .toUtf8();
    }

    static StreamAllowList onlyAllowed() {
        return StreamAllowList::fromEntries({QStringLiteral("127.0.0.9")}).value();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_allowed.listen(QHostAddress(QStringLiteral("127.0.0.9"))));
        QVERIFY(m_sink4.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        QVERIFY(m_sink6.listen(QHostAddress::LocalHostIPv6));
        m_allowed.respond(QStringLiteral("/seg1.ts"), 200, "video/mp2t", QByteArray(188 * 20, '\0'));
        m_allowed.respond(QStringLiteral("/seg2.ts"), 200, "video/mp2t", QByteArray(188 * 20, '\0'));
        m_allowed.respond(QStringLiteral("/init.mp4"), 200, "video/mp4", QByteArray(64, '\0'));
    }

    void nestedUrlsPassTheAllowList_data() {
        QTest::addColumn<QString>("tag"); // with %1 for the sink's origin
        QTest::addColumn<bool>("segmentsOnSink");
        QTest::addColumn<int>("sink"); // 4 or 6
        const QString key = QStringLiteral("#EXT-X-KEY:METHOD=AES-128,URI=\"%1/key\"");
        const QString map = QStringLiteral("#EXT-X-MAP:URI=\"%1/init.mp4\"");
        QTest::newRow("key on 127.0.0.2") << key << false << 4;
        QTest::newRow("key on [::1]") << key << false << 6;
        QTest::newRow("init section on 127.0.0.2") << map << false << 4;
        QTest::newRow("init section on [::1]") << map << false << 6;
        QTest::newRow("segments on 127.0.0.2 behind an allowed init section")
            << QStringLiteral("#EXT-X-MAP:URI=\"init.mp4\"") << true << 4;
        // libavformat would follow this redirect without showing it to us: it follows none.
        QTest::newRow("segments redirected to 127.0.0.2")
            << QStringLiteral("#EXT-X-MAP:URI=\"init.mp4\"") << false << 4;
    }

    // The grabber alone, with the stand-in's checks: the grab fails naming the refused host, and the sink
    // sees no connection.
    void nestedUrlsPassTheAllowList() {
        QFETCH(QString, tag);
        QFETCH(bool, segmentsOnSink);
        QFETCH(int, sink);
        Sink& target = sink == 4 ? m_sink4 : m_sink6;
        const int before = target.connections();
        const QString path = QStringLiteral("/%1.m3u8").arg(QString::number(qHash(QTest::currentDataTag())));
        const bool redirected = QByteArray(QTest::currentDataTag()).contains("redirected");
        const QString segments = segmentsOnSink ? target.origin()
                                 : redirected   ? m_allowed.url(QStringLiteral("/moved")).toString()
                                                : m_allowed.url(QString()).toString();
        m_allowed.redirect(QStringLiteral("/moved/seg1.ts"),
                           QUrl(target.origin() + QStringLiteral("/seg1.ts")));
        m_allowed.redirect(QStringLiteral("/moved/seg2.ts"),
                           QUrl(target.origin() + QStringLiteral("/seg2.ts")));
        m_allowed.respond(
            path, 200, "application/vnd.apple.mpegurl",
            playlist(tag.contains(QLatin1String("%1")) ? tag.arg(target.origin()) : tag, segments));

        GrabOptions options;
        options.timeoutMs = 6000;
        const StreamAllowList rules = onlyAllowed();
        QNetworkAccessManager network; // FrameGrabber's thread: the checks answer here
        options.verifyUrl = [rules](const QUrl& url, std::function<void(Status)> verdict) {
            verdict(rules.checkNow(url, 2000));
        };
        options.verifyUrlNow = [rules](const QUrl& url) { return rules.checkNow(url, 2000); };
        const Result<GrabResult> result = FrameGrabber::grabAndWait(m_allowed.url(path), options);
        QVERIFY2(!result.ok(), "a grab through a refused host succeeded");
        if (redirected) {
            QVERIFY2(m_allowed.requestCount(QStringLiteral("/moved/seg1.ts")) +
                             m_allowed.requestCount(QStringLiteral("/moved/seg2.ts")) >
                         0,
                     "the segments were not asked for");
            QTest::qWait(200);
            QCOMPARE(target.connections(), before);
            return;
        }
        QVERIFY2(result.error().code == QLatin1String("host-not-allowed") ||
                     result.error().code == QLatin1String("address-not-allowed"),
                 qPrintable(result.error().code + QStringLiteral(": ") + result.error().toString()));
        const QString refusedHost = sink == 4 ? QStringLiteral("127.0.0.2") : QStringLiteral("::1");
        QVERIFY2(result.error().toString().contains(refusedHost), qPrintable(result.error().toString()));
        QTest::qWait(200);
        QCOMPARE(target.connections(), before);
    }

    // Through the stand-in, with its background refresh running a while: still no connection to the sink.
    void theStandInNeverFetchesThem() {
        const QString path = QStringLiteral("/standin.m3u8");
        m_allowed.respond(
            path, 200, "application/vnd.apple.mpegurl",
            playlist(QStringLiteral("#EXT-X-KEY:METHOD=AES-128,URI=\"%1/key\"").arg(m_sink4.origin()) +
                         QStringLiteral("\n#EXT-X-MAP:URI=\"%1/init.mp4\"").arg(m_sink6.origin()),
                     m_allowed.url(QString()).toString()));
        GeneratorConfig config;
        config.bindAddress = QHostAddress(QHostAddress::LocalHost);
        config.pathPrefix = QStringLiteral("/s3cr3t/");
        config.allowedHosts = {QStringLiteral("127.0.0.9")};
        config.refreshIntervalMs = 1000;
        ThumbnailService service(config);
        if (const Status failed = service.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        const int before4 = m_sink4.connections();
        const int before6 = m_sink6.connections();
        const QUrl stream = m_allowed.url(path);
        const QUrl request =
            QUrl::fromEncoded(service.baseUrl().toEncoded() + "objects/getImage.php?base64Url=" +
                              stream.toEncoded().toBase64().toPercentEncoding() + "&format=jpg");
        QNetworkAccessManager network;
        for (int i = 0; i < 4; ++i) {
            QNetworkReply* reply = network.get(QNetworkRequest(request));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            QVERIFY2(status != 200 || body.isEmpty(), "the stand-in answered a picture");
            if (status != 200) // refused at once, saying why
                QCOMPARE(reply->rawHeader("X-Avld-Reason"), QByteArray("host not allowed"));
            reply->deleteLater();
            QTest::qWait(1000);
        }
        QVERIFY2(m_allowed.requestCount(path) >= 2, "the stand-in did not try the stream again");
        QCOMPARE(m_sink4.connections(), before4);
        QCOMPARE(m_sink6.connections(), before6);
    }
};

QTEST_GUILESS_MAIN(TestNestedUrlGate)
#include "tst_nestedurlgate.moc"
