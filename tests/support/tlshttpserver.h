#pragma once

#include <QByteArray>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QUrl>

namespace avld::test {

// An HTTPS server on loopback with a fresh self-signed certificate (made with the openssl program), answering
// every request with one fixed body. For proving that certificate checks are on, and that a per-site
// exception works.
class TlsHttpServer : public QObject {
    Q_OBJECT
public:
    // The certificate the server shows, always for 127.0.0.1. Issued and Expired come from a test authority
    // whose certificate caCertificatePem() gives, so that a client trusting it meets exactly one fault (or
    // none, for Issued; asked for by another name, e.g. "localhost", it is a wrong-name certificate).
    enum class Certificate {
        SelfSigned, // valid for 2 days from now
        Issued,     // valid for 2 days from now
        Expired,    // valid from 2024-01-01 to 2025-01-01 (UTC)
    };

    explicit TlsHttpServer(QByteArray contentType, QByteArray body, QObject* parent = nullptr);

    // Before start(); SelfSigned unless set.
    void setCertificate(Certificate kind) { m_kind = kind; }
    // Before start(): instead of the fixed body, pass every connection on to a plain HTTP server on
    // loopback (e.g. the site simulator), which makes that server an HTTPS site.
    void forwardTo(quint16 port) { m_forwardPort = port; }
    // Makes the certificate and starts listening; false with errorString() on failure.
    bool start();
    QString errorString() const { return m_error; }
    QUrl url(const QString& path) const;
    // SHA-256 of the certificate, hex with colons, as the site client shows it.
    QString fingerprint() const;
    // PEM of the authority that issued the certificate; empty for SelfSigned.
    QByteArray caCertificatePem() const { return m_caPem; }

private:
    bool openssl(const QStringList& arguments);
    bool makeSelfSigned(const QString& keyPath, const QString& certPath);
    bool makeIssued(const QString& keyPath, const QString& certPath);
    void answer(QSslSocket* socket);
    void forward(QSslSocket* socket);

    Certificate m_kind = Certificate::SelfSigned;
    QByteArray m_caPem;
    QTemporaryDir m_dir;
    QSslServer m_server;
    QByteArray m_contentType;
    QByteArray m_body;
    QByteArray m_sha256;
    QString m_error;
    quint16 m_forwardPort = 0;
};

} // namespace avld::test
