#include "tlslistener.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#endif

namespace avld {

namespace {

Result<QByteArray> readFile(const QString& path, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("tls-file"),
                     QStringLiteral("cannot read the TLS %1 %2: %3").arg(what, path, file.errorString()),
                     {}};
    return file.readAll();
}

// QHttpServer takes each connection with nextPendingConnection() and only then connects its reader, so the
// hook sees the socket first.
template <typename Server> class HookedServer : public Server {
public:
    explicit HookedServer(ConnectionHook hook)
        : m_hook(std::move(hook)) {}

    QTcpSocket* nextPendingConnection() override {
        QTcpSocket* socket = Server::nextPendingConnection();
        if (socket && m_hook)
            m_hook(socket);
        return socket;
    }

private:
    ConnectionHook m_hook;
};

} // namespace

Result<QTcpServer*> makeListener(const QString& certificateFile, const QString& keyFile,
                                 ConnectionHook onConnection) {
    if (certificateFile.isEmpty() && keyFile.isEmpty())
        return new HookedServer<QTcpServer>(std::move(onConnection));
#if QT_CONFIG(ssl)
    const Result<QByteArray> certificatePem = readFile(certificateFile, QStringLiteral("certificate"));
    if (!certificatePem)
        return certificatePem.error();
    const Result<QByteArray> keyPem = readFile(keyFile, QStringLiteral("key"));
    if (!keyPem)
        return keyPem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error{QStringLiteral("tls-certificate"),
                     QStringLiteral("%1 holds no PEM certificate").arg(certificateFile),
                     {}};
    QSslKey key(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error{QStringLiteral("tls-key"),
                     QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile),
                     {}};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto* server = new HookedServer<QSslServer>(std::move(onConnection));
    server->setSslConfiguration(configuration);
    return static_cast<QTcpServer*>(server);
#else
    return Error{QStringLiteral("tls-unavailable"), QStringLiteral("this Qt build has no TLS support"), {}};
#endif
}

} // namespace avld
