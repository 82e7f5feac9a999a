#include "tlshttpserver.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace avld::test {

TlsHttpServer::TlsHttpServer(QByteArray contentType, QByteArray body, QObject* parent)
    : QObject(parent)
    , m_contentType(std::move(contentType))
    , m_body(std::move(body)) {}

bool TlsHttpServer::openssl(const QStringList& arguments) {
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.value(0), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TlsHttpServer::makeSelfSigned(const QString& keyPath, const QString& certPath) {
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
}

// `openssl req -x509` cannot back-date a certificate; `openssl ca` can (-startdate/-enddate), given a
// minimal authority: its own key and certificate, an index and a serial file.
bool TlsHttpServer::makeIssued(const QString& keyPath, const QString& certPath) {
    const QString dir = m_dir.path();
    const QString config = m_dir.filePath(QStringLiteral("ca.cnf"));
    QFile configFile(config);
    QFile index(m_dir.filePath(QStringLiteral("index.txt")));
    QFile serial(m_dir.filePath(QStringLiteral("serial")));
    if (!configFile.open(QIODevice::WriteOnly) || !index.open(QIODevice::WriteOnly) ||
        !serial.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write the test authority's files");
        return false;
    }
    serial.write("01\n");
    serial.close();
    index.close();
    configFile.write(QStringLiteral(R"([ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = AVLD Test CA
[ ca_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ ca ]
default_ca = test_ca
[ test_ca ]
database = %1/index.txt
new_certs_dir = %1
serial = %1/serial
default_md = sha256
policy = any_name
unique_subject = no
[ any_name ]
commonName = supplied
[ leaf ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
)")
                         .arg(dir)
                         .toUtf8());
    configFile.close();

    const QString caKey = m_dir.filePath(QStringLiteral("ca-key.pem"));
    const QString caCert = m_dir.filePath(QStringLiteral("ca.pem"));
    const QString request = m_dir.filePath(QStringLiteral("leaf.csr"));
    QStringList validity = {QStringLiteral("-days"), QStringLiteral("2")};
    if (m_kind == Certificate::Expired)
        validity = {QStringLiteral("-startdate"), QStringLiteral("20240101000000Z"),
                    QStringLiteral("-enddate"), QStringLiteral("20250101000000Z")};
    const bool made =
        openssl({QStringLiteral("req"), QStringLiteral("-config"), config, QStringLiteral("-x509"),
                 QStringLiteral("-extensions"), QStringLiteral("ca_ext"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), caCert}) &&
        openssl({QStringLiteral("req"), QStringLiteral("-config"), config, QStringLiteral("-new"),
                 QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), keyPath,
                 QStringLiteral("-out"), request}) &&
        openssl(QStringList{QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                            QStringLiteral("-config"), config, QStringLiteral("-extensions"),
                            QStringLiteral("leaf"), QStringLiteral("-cert"), caCert,
                            QStringLiteral("-keyfile"), caKey, QStringLiteral("-in"), request,
                            QStringLiteral("-out"), certPath} +
                validity);
    if (!made)
        return false;
    QFile caFile(caCert);
    if (!caFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the test authority's certificate");
        return false;
    }
    m_caPem = caFile.readAll();
    return true;
}

bool TlsHttpServer::start() {
    const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    if (!(m_kind == Certificate::SelfSigned ? makeSelfSigned(keyPath, certPath)
                                            : makeIssued(keyPath, certPath)))
        return false;
    QFile keyFile(keyPath);
    QFile certFile(certPath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the certificate files");
        return false;
    }
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    m_server.setSslConfiguration(config);
    m_sha256 = certificate.digest(QCryptographicHash::Sha256);

    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection())) {
            connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            if (m_forwardPort)
                forward(socket);
            else
                answer(socket);
        }
    });
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

void TlsHttpServer::answer(QSslSocket* socket) {
    connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
        if (!socket->readAll().contains("\r\n\r\n"))
            return;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + m_contentType + "\r\nContent-Length: " +
                      QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body);
        socket->disconnectFromHost();
    });
}

void TlsHttpServer::forward(QSslSocket* socket) {
    auto* backend = new QTcpSocket(socket); // writes before it connects are buffered
    connect(socket, &QSslSocket::readyRead, backend,
            [socket, backend] { backend->write(socket->readAll()); });
    connect(backend, &QTcpSocket::readyRead, socket,
            [socket, backend] { socket->write(backend->readAll()); });
    connect(backend, &QTcpSocket::disconnected, socket, [socket] { socket->disconnectFromHost(); });
    connect(socket, &QSslSocket::disconnected, backend, [backend] { backend->disconnectFromHost(); });
    backend->connectToHost(QHostAddress::LocalHost, m_forwardPort);
}

QUrl TlsHttpServer::url(const QString& path) const {
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

QString TlsHttpServer::fingerprint() const {
    return QString::fromLatin1(m_sha256.toHex(':').toUpper());
}

} // namespace avld::test
