// How the stand-in keeps or closes its client connections: AVideo reads its encoder with PHP's
// file_get_contents, which reads until the server closes the connection. Raw sockets against the real service
// (on its own thread, so the test can block on its socket), and PHP itself with AVideo's options.

#include "clock.h"
#include "generator/generatorconfig.h"
#include "generator/httpconnection.h"
#include "generator/thumbnailservice.h"
#include "requirefixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace avld;

namespace {

constexpr int kIdleMs = 3000;
constexpr int kRequestMs = 2000;

// Reads HTTP answers (status line, headers, Content-Length body) from one connection, in turn.
class AnswerReader {
public:
    explicit AnswerReader(QTcpSocket& socket)
        : m_socket(socket) {}

    // The next answer's status, 0 if none came in time.
    int next(QByteArray* body = nullptr, int timeoutMs = 3000) {
        QElapsedTimer clock;
        clock.start();
        while (true) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                qint64 length = 0;
                for (const QByteArray& line : m_buffer.left(headerEnd).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (m_buffer.size() >= headerEnd + 4 + length) {
                    const QList<QByteArray> statusLine = m_buffer.left(m_buffer.indexOf("\r\n")).split(' ');
                    if (body)
                        *body = m_buffer.mid(headerEnd + 4, length);
                    m_buffer.remove(0, headerEnd + 4 + length);
                    return statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
                }
            }
            if (clock.elapsed() >= timeoutMs)
                return 0;
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(100) &&
                m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                return 0;
            m_buffer += m_socket.readAll();
        }
    }

private:
    QTcpSocket& m_socket;
    QByteArray m_buffer;
};

int readAnswer(QTcpSocket& socket, QByteArray* body = nullptr) {
    return AnswerReader(socket).next(body);
}

bool closedWithin(QTcpSocket& socket, int ms) {
    QElapsedTimer clock;
    clock.start();
    while (socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < ms)
        socket.waitForDisconnected(50);
    return socket.state() != QAbstractSocket::ConnectedState;
}

} // namespace

class tst_StandInConnections : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keepsAliveOnlyWhereAsked_data();
    void keepsAliveOnlyWhereAsked();
    void closesAfterTheAnswer_data();
    void closesAfterTheAnswer();
    void keptConnectionServesTheNextRequest();
    void pipelinedRequestsAnswerInTurn();
    void idleConnectionIsClosed();
    void unfinishedRequestIsClosed();
    void phpReadsToTheEndWithoutTimingOut();

private:
    QTcpSocket* connectToService();

    QThread m_thread;
    QObject m_anchor; // lives on m_thread
    ThumbnailService* m_service = nullptr;
    quint16 m_port = 0;
};

void tst_StandInConnections::initTestCase() {
    GeneratorConfig config;
    config.allowedHosts = {QStringLiteral("127.0.0.1")};
    config.keepAliveIdleMs = kIdleMs;
    config.requestTimeoutMs = kRequestMs;
    // Made, run and deleted on its own thread: the test blocks on its sockets meanwhile.
    m_anchor.moveToThread(&m_thread);
    m_thread.start();
    Status started;
    QMetaObject::invokeMethod(
        &m_anchor,
        [&] {
            m_service = new ThumbnailService(config, Clock::system());
            started = m_service->start();
            m_port = m_service->port();
        },
        Qt::BlockingQueuedConnection);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    QVERIFY(m_port != 0);
}

void tst_StandInConnections::cleanupTestCase() {
    if (m_service) {
        QMetaObject::invokeMethod(
            &m_anchor, [this] { delete m_service; }, Qt::BlockingQueuedConnection);
        m_service = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

QTcpSocket* tst_StandInConnections::connectToService() {
    auto* socket = new QTcpSocket(this);
    socket->connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket->waitForConnected(2000))
        qWarning() << "cannot connect:" << socket->errorString();
    return socket;
}

void tst_StandInConnections::keepsAliveOnlyWhereAsked_data() {
    QTest::addColumn<int>("minorVersion");
    QTest::addColumn<QByteArray>("connection");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1, no header") << 1 << QByteArray() << true;
    QTest::newRow("1.1, close") << 1 << QByteArray("close") << false;
    QTest::newRow("1.1, Close in capitals") << 1 << QByteArray("Close") << false;
    QTest::newRow("1.1, keep-alive and close") << 1 << QByteArray("keep-alive, close") << false;
    QTest::newRow("1.1, upgrade") << 1 << QByteArray("Upgrade") << true;
    QTest::newRow("1.0, no header") << 0 << QByteArray() << false;
    QTest::newRow("1.0, keep-alive") << 0 << QByteArray("Keep-Alive") << true;
    QTest::newRow("1.0, close") << 0 << QByteArray("close") << false;
    QTest::newRow("unknown version") << -1 << QByteArray() << false;
}

void tst_StandInConnections::keepsAliveOnlyWhereAsked() {
    QFETCH(int, minorVersion);
    QFETCH(QByteArray, connection);
    QFETCH(bool, keepAlive);
    QCOMPARE(HttpConnection::keepsAlive(minorVersion, connection), keepAlive);
}

void tst_StandInConnections::closesAfterTheAnswer_data() {
    QTest::addColumn<QList<QByteArray>>("writes");
    QTest::addColumn<bool>("closed");
    const QByteArray probe = "GET /objects/getImage.php ";
    QTest::newRow("HTTP/1.0 (AVideo's liveness probe)")
        << QList<QByteArray>{probe + "HTTP/1.0\r\n\r\n"} << true;
    QTest::newRow("HTTP/1.1 Connection: close (PHP's file_get_contents)")
        << QList<QByteArray>{probe + "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"} << true;
    QTest::newRow("HTTP/1.1") << QList<QByteArray>{probe + "HTTP/1.1\r\nHost: x\r\n\r\n"} << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QList<QByteArray>{probe + "HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"} << false;
    QTest::newRow("HTTP/1.0, request line in pieces")
        << QList<QByteArray>{"GET /healthz HT", "TP/1.", "0\r\nHost: x\r\n", "\r\n"} << true;
    QTest::newRow("HTTP/1.1 close, headers in pieces")
        << QList<QByteArray>{"GET /healthz HTTP/1.1\r\nHo", "st: x\r\nConnec", "tion: close\r\n\r\n"} << true;
    QTest::newRow("404 over HTTP/1.0") << QList<QByteArray>{"GET /nothing-here HTTP/1.0\r\n\r\n"} << true;
    QTest::newRow("405 over HTTP/1.1 close")
        << QList<QByteArray>{"DELETE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"} << true;
}

void tst_StandInConnections::closesAfterTheAnswer() {
    QFETCH(QList<QByteArray>, writes);
    QFETCH(bool, closed);
    QTcpSocket* socket = connectToService();
    for (const QByteArray& piece : writes) {
        socket->write(piece);
        socket->waitForBytesWritten(1000);
        QTest::qWait(30);
    }
    QVERIFY(readAnswer(*socket) > 0);
    if (closed) {
        QVERIFY2(closedWithin(*socket, 1000), "the service kept the connection open after the answer");
    } else {
        QVERIFY2(!closedWithin(*socket, 500), "the service closed a connection the client wanted kept");
    }
    socket->deleteLater();
}

void tst_StandInConnections::keptConnectionServesTheNextRequest() {
    QTcpSocket* socket = connectToService();
    for (int i = 0; i < 3; ++i) {
        socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray body;
        QCOMPARE(readAnswer(*socket, &body), 200);
        QVERIFY(body.contains("\"status\":\"ok\""));
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }
    socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QCOMPARE(readAnswer(*socket), 200);
    QVERIFY(closedWithin(*socket, 1000));
    socket->deleteLater();
}

void tst_StandInConnections::pipelinedRequestsAnswerInTurn() {
    QTcpSocket* socket = connectToService();
    socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                  "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    AnswerReader answers(*socket);
    QCOMPARE(answers.next(), 200);
    QCOMPARE(answers.next(), 200);
    QVERIFY2(closedWithin(*socket, 1000), "the second request asked for the connection to close");
    socket->deleteLater();
}

void tst_StandInConnections::idleConnectionIsClosed() {
    QTcpSocket* socket = connectToService();
    socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(*socket), 200);
    QElapsedTimer idle;
    idle.start();
    QVERIFY2(closedWithin(*socket, kIdleMs * 3), "an idle kept-alive connection was never closed");
    QVERIFY2(idle.elapsed() >= kIdleMs / 2, "closed long before the idle timeout");
    socket->deleteLater();
}

void tst_StandInConnections::unfinishedRequestIsClosed() {
    QTcpSocket* socket = connectToService();
    socket->write("GET /healthz HTTP/1.1\r\nHost:");
    QVERIFY2(closedWithin(*socket, kRequestMs * 3),
             "a connection that never finished its request stayed open");
    socket->deleteLater();
}

void tst_StandInConnections::phpReadsToTheEndWithoutTimingOut() {
    const QString php = QStandardPaths::findExecutable(QStringLiteral("php"));
    if (php.isEmpty()) {
        AVLD_FIXTURE_MISSING("php (Debian's php8.2-cli, installed by scripts/install-deps.sh) is missing");
    }
    // AVideo 11.7's url_get_contents($url, '', 2): a stream context with only a 2 s timeout, read to the end.
    // stream_get_meta_data() tells whether the read ended because the server closed or because it timed out.
    const QString script =
        QStringLiteral("$ctx = stream_context_create(['http' => ['timeout' => 2]]);"
                       "$t = microtime(true); $fp = fopen($argv[1], 'r', false, $ctx);"
                       "if ($fp === false) { echo \"no-connection\"; exit(1); }"
                       "$body = stream_get_contents($fp); $meta = stream_get_meta_data($fp);"
                       "printf(\"%s %d %d\", $meta['timed_out'] ? 'timed-out' : 'closed', strlen($body),"
                       " (int)round((microtime(true) - $t) * 1000));");
    for (const char* path : {"objects/getImage.php", "healthz"}) {
        QProcess process;
        process.start(php, {QStringLiteral("-r"), script,
                            QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(QLatin1String(path))});
        QVERIFY(process.waitForFinished(15000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        qInfo().noquote() << path << "->" << out;
        QVERIFY2(out.startsWith(QStringLiteral("closed ")),
                 qPrintable(
                     QStringLiteral("PHP's read of %1 ended with: %2 %3")
                         .arg(QLatin1String(path), out, QString::fromUtf8(process.readAllStandardError()))));
    }
}

QTEST_MAIN(tst_StandInConnections)
#include "tst_standinconnections.moc"
