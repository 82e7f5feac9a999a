#include "tlslistener.h"

#include <QFile>
#include <QTcpServer>

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

} // namespace

Result<QTcpServer*> makeListener(const QString& certificateFile, const QString& keyFile) {
    if (certificateFile.isEmpty() && keyFile.isEmpty())
        return new QTcpServer;
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
    auto* server = new QSslServer;
    server->setSslConfiguration(configuration);
    return static_cast<QTcpServer*>(server);
#else
    return Error{QStringLiteral("tls-unavailable"), QStringLiteral("this Qt build has no TLS support"), {}};
#endif
}

} // namespace avld
