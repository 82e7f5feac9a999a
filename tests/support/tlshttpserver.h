#pragma once

#include <QByteArray>
#include <QSslServer>
#include <QTemporaryDir>
#include <QUrl>

namespace avld::test {

// An HTTPS server on loopback with a fresh self-signed certificate (made with the openssl program), answering
// every request with one fixed body. For proving that certificate checks are on, and that a per-site
// exception works.
class TlsHttpServer : public QObject {
    Q_OBJECT
public:
    explicit TlsHttpServer(QByteArray contentType, QByteArray body, QObject* parent = nullptr);

    // Makes the certificate and starts listening; false with errorString() on failure.
    bool start();
    QString errorString() const { return m_error; }
    QUrl url(const QString& path) const;
    // SHA-256 of the certificate, hex with colons, as the site client shows it.
    QString fingerprint() const;

private:
    QTemporaryDir m_dir;
    QSslServer m_server;
    QByteArray m_contentType;
    QByteArray m_body;
    QByteArray m_sha256;
    QString m_error;
};

} // namespace avld::test
