#include "childprocess.h"
#include "freeport.h"
#include "requirefixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace avld::test;

namespace {

const QByteArray kPrefix = "/s3cr3t-c1u5ter/";

// A stand-in instance as nginx sees it: answers every request with its own id (HTTP/1.1, keep-alive),
// after an optional delay, and remembers the request targets it got.
class Backend : public QObject {
public:
    explicit Backend(QByteArray id)
        : m_id(std::move(id)) {
        connect(&m_server, &QTcpServer::newConnection, this, &Backend::onConnection);
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    // Stops listening and drops the connections nginx keeps alive: the instance is gone.
    void close() {
        m_server.close();
        for (const QPointer<QTcpSocket>& socket : std::as_const(m_sockets))
            if (socket)
                socket->abort();
        m_sockets.clear();
    }
    quint16 port() const { return m_port ? m_port : m_server.serverPort(); }
    const QByteArray& id() const { return m_id; }
    void setDelayMs(int ms) { m_delayMs = ms; }
    const QList<QByteArray>& targets() const { return m_targets; }

private:
    void onConnection() {
        m_port = m_server.serverPort();
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            m_sockets.append(socket);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                QByteArray& buffer = m_buffers[socket];
                buffer += socket->readAll();
                for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
                    const QByteArray head = buffer.left(end);
                    buffer.remove(0, end + 4);
                    m_targets.append(head.split(' ').value(1));
                    const QByteArray reply =
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
                        QByteArray::number(m_id.size()) + "\r\n\r\n" + m_id;
                    QTimer::singleShot(m_delayMs, socket, [socket, reply] {
                        if (socket->state() == QAbstractSocket::ConnectedState)
                            socket->write(reply);
                    });
                }
            });
            connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
        }
    }

    QByteArray m_id;
    quint16 m_port = 0;
    int m_delayMs = 0;
    QList<QByteArray> m_targets;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_sockets;
    QTcpServer m_server; // last: its sockets (its children) use the members above while they are destroyed
};

// The Debian nginx with packaging/nginx-standin-cluster.conf included verbatim; only the two per-site files
// it includes (the backends and the listen line) and the process's paths are written here.
class ClusterFront {
public:
    ~ClusterFront() { stop(); }

    QString start(const QList<quint16>& backends) {
        stop();
        QString why;
        for (int attempt = 0; attempt < 3; ++attempt) {
            why = startOnce(backends);
            if (why.isEmpty() || !why.contains(QStringLiteral("Address already in use")))
                return why;
        }
        return why;
    }

    void stop() {
        if (m_nginx) {
            stopChild(*m_nginx, 3000);
            m_nginx.reset();
        }
    }

    quint16 port() const { return m_port; }
    QString directory() const { return m_dir ? m_dir->path() : QString(); }

private:
    static bool write(const QString& path, const QString& text) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
    }

    QString startOnce(const QList<quint16>& backends) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/avld-cluster-XXXXXX"));
        const QString dir = m_dir->path();
        QDir(dir).mkpath(QStringLiteral("avld-standin"));
        QDir(dir).mkpath(QStringLiteral("tmp"));
        m_port = freeLoopbackPort();
        QString servers;
        for (quint16 port : backends)
            servers += QStringLiteral("server 127.0.0.1:%1 max_fails=3 fail_timeout=10s;\n").arg(port);
        const QString conf = dir + QStringLiteral("/nginx.conf");
        const bool written =
            write(dir + QStringLiteral("/avld-standin/backends.conf"), servers) &&
            write(dir + QStringLiteral("/avld-standin/server.conf"),
                  QStringLiteral("listen 127.0.0.1:%1;\n").arg(m_port)) &&
            write(conf,
                  QStringLiteral("daemon off;\nmaster_process off;\npid %1/nginx.pid;\n"
                                 "error_log %1/error.log info;\nevents { worker_connections 256; }\n"
                                 "http {\n    access_log %1/access.log;\n"
                                 "    client_body_temp_path %1/tmp/body;\n"
                                 "    proxy_temp_path %1/tmp/proxy;\n    fastcgi_temp_path %1/tmp/fastcgi;\n"
                                 "    uwsgi_temp_path %1/tmp/uwsgi;\n    scgi_temp_path %1/tmp/scgi;\n"
                                 "    include %2;\n}\n")
                      .arg(dir, QStringLiteral(AVLD_CLUSTER_SNIPPET)));
        if (!written)
            return QStringLiteral("cannot write the configuration in %1").arg(dir);
        m_nginx = std::make_unique<QProcess>();
        killChildWithParent(*m_nginx);
        m_nginx->setProcessChannelMode(QProcess::MergedChannels);
        m_nginx->start(QStringLiteral("nginx"), {QStringLiteral("-p"), dir, QStringLiteral("-c"), conf,
                                                 QStringLiteral("-e"), dir + QStringLiteral("/error.log")});
        if (!m_nginx->waitForStarted(5000))
            return QStringLiteral("cannot start nginx: %1").arg(m_nginx->errorString());
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (m_nginx->state() != QProcess::Running) {
                QFile log(dir + QStringLiteral("/error.log"));
                log.open(QIODevice::ReadOnly);
                const QString why = QString::fromUtf8(m_nginx->readAll() + log.readAll());
                m_nginx.reset();
                return QStringLiteral("nginx stopped: %1").arg(why);
            }
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(100))
                return {};
            QTest::qWait(50);
        }
        return QStringLiteral("nginx did not listen in 10 s");
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_nginx;
    quint16 m_port = 0;
};

QByteArray base64Of(const QByteArray& streamUrl) {
    return streamUrl.toBase64();
}

QByteArray queryForm(const QByteArray& b64, const QByteArray& format = "jpg") {
    return kPrefix + "objects/getImage.php?base64Url=" + b64 + "&format=" + format;
}

QByteArray legacyForm(const QByteArray& b64, const QByteArray& format = "jpg") {
    return kPrefix + "getImage/" + b64 + '/' + format;
}

} // namespace

class TestStandinCluster : public QObject {
    Q_OBJECT
private:
    struct Answer {
        int status = 0;
        QByteArray body;
        qint64 elapsedMs = 0;
    };

    QNetworkAccessManager m_network;
    std::unique_ptr<Backend> m_backends[3];
    ClusterFront m_front;
    QList<QByteArray> m_streams; // base64 of 30 stream URLs

    // GET through nginx while this thread's event loop serves the backends.
    Answer get(const QByteArray& target) {
        const QUrl url = QUrl::fromEncoded("http://127.0.0.1:" + QByteArray::number(m_front.port()) + target,
                                           QUrl::StrictMode);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = m_network.get(QNetworkRequest(url));
        QEventLoop loop; // serves the backends too
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(8000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const bool done = reply->isFinished();
        Answer answer{.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      .body = done ? reply->readAll() : QByteArray(),
                      .elapsedMs = timer.elapsed()};
        reply->abort();
        reply->deleteLater();
        return answer;
    }

    QByteArray backendFor(const QByteArray& target) {
        const Answer a = get(target);
        return a.status == 200 ? a.body : QByteArray("status-") + QByteArray::number(a.status);
    }

    QHash<QByteArray, QByteArray> mapping() {
        QHash<QByteArray, QByteArray> out;
        for (const QByteArray& b64 : m_streams)
            out.insert(b64, backendFor(queryForm(b64)));
        return out;
    }

    Backend* backendNamed(const QByteArray& id) {
        for (auto& b : m_backends)
            if (b->id() == id)
                return b.get();
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")})
                .isEmpty() &&
            QStandardPaths::findExecutable(QStringLiteral("nginx")).isEmpty())
            AVLD_FIXTURE_MISSING("nginx is not installed");
        for (int i = 0; i < 3; ++i) {
            m_backends[i] = std::make_unique<Backend>(QByteArray("backend-") + char('A' + i));
            QVERIFY(m_backends[i]->listen());
        }
        for (int i = 0; i < 30; ++i)
            m_streams << base64Of("http://media.example:8080/live/stream-" + QByteArray::number(i) +
                                  "/index.m3u8");
        const QString why =
            m_front.start({m_backends[0]->port(), m_backends[1]->port(), m_backends[2]->port()});
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void sameStreamAlwaysReachesTheSameInstance() {
        for (const QByteArray& b64 : m_streams.mid(0, 10)) {
            const QByteArray first = backendFor(queryForm(b64));
            QVERIFY2(first.startsWith("backend-"), first.constData());
            for (int i = 0; i < 3; ++i)
                QCOMPARE(backendFor(queryForm(b64)), first);
            // Every format of the stream, and the legacy path form, go to the same instance.
            QCOMPARE(backendFor(queryForm(b64, "webp")), first);
            QCOMPARE(backendFor(legacyForm(b64)), first);
            QCOMPARE(backendFor(legacyForm(b64, "gif")), first);
        }
    }

    void bothFormsAgreeWithSlashesPlusAndPadding() {
        // base64 with '/', '+' and "==" padding: the legacy form carries the slashes in its path.
        const QByteArray b64 = base64Of("http://media.example:8080/live/xxk?t=>>>???");
        QVERIFY(b64.contains('/') && b64.contains('+') && b64.endsWith("=="));
        QByteArray unpadded = b64;
        unpadded.chop(2);
        const QByteArray expected = backendFor(queryForm(b64));
        QVERIFY2(expected.startsWith("backend-"), expected.constData());
        QCOMPARE(backendFor(legacyForm(b64)), expected);
        QCOMPARE(backendFor(legacyForm(unpadded)), expected);
        QCOMPARE(backendFor(queryForm(unpadded)), expected);
        QCOMPARE(backendFor(queryForm(unpadded + "%3D%3D")), expected);
        QCOMPARE(backendFor(kPrefix + "objects/getImage.php?format=png&base64Url=" + b64 + "&renew=1"),
                 expected);
        QCOMPARE(backendFor(legacyForm(b64) + "?renew=1"), expected);
    }

    void requestReachesTheInstanceUnchangedUnderThePrefix() {
        const QByteArray target = queryForm(m_streams.first());
        Backend* owner = backendNamed(backendFor(target));
        QVERIFY(owner);
        QCOMPARE(owner->targets().last(), target);
        const QByteArray legacy = legacyForm(m_streams.first());
        QVERIFY(backendFor(legacy) == owner->id());
        QCOMPARE(owner->targets().last(), legacy);
    }

    void thirtyStreamsSpreadOverAllInstances() {
        const QHash<QByteArray, QByteArray> map = mapping();
        QHash<QByteArray, int> perBackend;
        for (const QByteArray& backend : map)
            perBackend[backend] += 1;
        QCOMPARE(perBackend.size(), 3);
        for (auto it = perBackend.begin(); it != perBackend.end(); ++it) {
            QVERIFY2(it.key().startsWith("backend-"), it.key().constData());
            QVERIFY2(it.value() >= 1, it.key().constData());
        }
        qInfo("streams per instance: A %d, B %d, C %d", perBackend.value("backend-A"),
              perBackend.value("backend-B"), perBackend.value("backend-C"));
    }

    void slowAnswerIsNotRetriedElsewhereAndStaysUnderTwoSeconds() {
        const QByteArray target = queryForm(m_streams.at(3));
        Backend* owner = backendNamed(backendFor(target));
        QVERIFY(owner);
        qsizetype before[3];
        for (int i = 0; i < 3; ++i)
            before[i] = m_backends[i]->targets().size();
        owner->setDelayMs(2500);
        const Answer slow = get(target);
        owner->setDelayMs(0);
        // nginx's own error must reach AVideo as an empty answer, never as an HTML page it would cache.
        QCOMPARE(slow.status, 204);
        QVERIFY(slow.body.isEmpty());
        QVERIFY2(slow.elapsedMs < 2000, qPrintable(QString::number(slow.elapsedMs)));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(int(m_backends[i]->targets().size() - before[i]), m_backends[i].get() == owner ? 1 : 0);
        QTest::qWait(1000); // the late answer arrives on a connection nginx has closed
        // One timeout does not take the instance out (max_fails=3): the stream stays where it was.
        QCOMPARE(backendFor(target), owner->id());
    }

    void removingAnInstanceMovesOnlyItsStreams() {
        const QHash<QByteArray, QByteArray> before = mapping();
        const QString why = m_front.start({m_backends[0]->port(), m_backends[1]->port()});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QHash<QByteArray, QByteArray> after = mapping();
        int moved = 0;
        for (const QByteArray& b64 : m_streams) {
            if (before.value(b64) == "backend-C") {
                QVERIFY(after.value(b64) == "backend-A" || after.value(b64) == "backend-B");
                ++moved;
            } else {
                QCOMPARE(after.value(b64), before.value(b64));
            }
        }
        QVERIFY(moved >= 1);
        qInfo("%d of %lld streams moved", moved, static_cast<long long>(m_streams.size()));
    }

    void unreachableInstanceIsSkipped() {
        // Front with A and B (the previous test); B stops listening: its streams are served by A now.
        const QHash<QByteArray, QByteArray> before = mapping();
        QByteArray ofB;
        for (const QByteArray& b64 : m_streams)
            if (before.value(b64) == "backend-B" && ofB.isEmpty())
                ofB = b64;
        QVERIFY(!ofB.isEmpty());
        const quint16 portB = m_backends[1]->port();
        m_backends[1]->close();
        const Answer answer = get(queryForm(ofB));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("backend-A"));
        QVERIFY(m_backends[1]->listen(portB));
    }

    void theSecretPrefixIsNotLogged() {
        m_front.stop();
        QFile access(m_front.directory() + QStringLiteral("/access.log"));
        if (access.open(QIODevice::ReadOnly))
            QVERIFY2(!access.readAll().contains(kPrefix), "the access log holds the secret prefix");
    }
};

QTEST_GUILESS_MAIN(TestStandinCluster)
#include "tst_standincluster.moc"
