#include "sitecertificate.h"

#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>

namespace avld {

namespace {

QString certificateField(const QSslCertificate& certificate, QSslCertificate::SubjectInfo field,
                         bool issuer) {
    const QStringList values = issuer ? certificate.issuerInfo(field) : certificate.subjectInfo(field);
    return values.join(QStringLiteral(", "));
}

QString nameOf(const QSslCertificate& certificate, bool issuer) {
    QStringList parts;
    const QString common = certificateField(certificate, QSslCertificate::CommonName, issuer);
    const QString organization = certificateField(certificate, QSslCertificate::Organization, issuer);
    if (!common.isEmpty())
        parts << common;
    if (!organization.isEmpty())
        parts << organization;
    return parts.join(QStringLiteral(" — "));
}

SiteCertificate describe(const QSslCertificate& certificate, const QStringList& problems) {
    SiteCertificate out;
    out.sha256 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    out.subject = nameOf(certificate, false);
    out.issuer = nameOf(certificate, true);
    out.notBefore = certificate.effectiveDate().toUTC();
    out.notAfter = certificate.expiryDate().toUTC();
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        out.names << it.value();
    out.problems = problems;
    return out;
}

} // namespace

SiteCertificateReader::SiteCertificateReader(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        finish(Error{QStringLiteral("timeout"),
                     QStringLiteral("%1 did not complete a TLS handshake in time").arg(m_host),
                     QStringLiteral("Check that the site answers HTTPS on this port.")});
    });
}

SiteCertificateReader::~SiteCertificateReader() {
    cancel();
}

void SiteCertificateReader::read(const QUrl& url, int timeoutMs, Done done) {
    cancel();
    m_done = std::move(done);
    m_host = url.host();
    m_problems.clear();
    if (url.scheme() != QStringLiteral("https") || m_host.isEmpty()) {
        finish(Error{
            QStringLiteral("not-https"),
            QStringLiteral("%1 is not an https address: there is no certificate to read").arg(url.toString()),
            {}});
        return;
    }
    m_socket = new QSslSocket(this);
    QSslSocket* socket = m_socket;
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError>& errors) {
        for (const QSslError& error : errors) {
            if (!m_problems.contains(error.errorString()))
                m_problems << error.errorString();
        }
        // Verification failed: read the certificate from the handshake and leave without trusting it.
        const QSslCertificate peer = socket->peerCertificate();
        if (peer.isNull()) {
            finish(Error{QStringLiteral("tls"),
                         QStringLiteral("%1 sent no certificate: %2")
                             .arg(m_host, m_problems.join(QStringLiteral("; "))),
                         {}});
            return;
        }
        finish(describe(peer, m_problems));
    });
    connect(socket, &QSslSocket::encrypted, this,
            [this, socket] { finish(describe(socket->peerCertificate(), {})); });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        finish(
            Error{QStringLiteral("tls"),
                  QStringLiteral("cannot read the certificate of %1: %2").arg(m_host, socket->errorString()),
                  QStringLiteral("Check the address and port, and that the site answers HTTPS there.")});
    });
    m_timer->start(timeoutMs);
    socket->connectToHostEncrypted(m_host, quint16(url.port(443)));
}

void SiteCertificateReader::cancel() {
    m_timer->stop();
    m_done = nullptr;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = nullptr;
}

void SiteCertificateReader::finish(Result<SiteCertificate> outcome) {
    Done done = std::move(m_done);
    cancel();
    if (done)
        done(std::move(outcome));
}

} // namespace avld
