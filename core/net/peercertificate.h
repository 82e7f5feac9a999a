#pragma once

// The facts of a server's TLS certificate that an admin acts on, read from what libcurl reports about it.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace avld {

struct PeerCertificate {
    QString subject{}; // as OpenSSL prints it, e.g. "CN = encoder.example"
    QString issuer{};
    QDateTime notBefore{}; // UTC
    QDateTime notAfter{};  // UTC
};

// libcurl's CURLOPT_CERTINFO describes each certificate as "Name:value" lines ("Subject:CN = host",
// "Expire date:Jan  1 00:00:00 2027 GMT", …). Builds one certificate from its lines; nullopt when they name
// neither a subject nor a valid expiry date.
std::optional<PeerCertificate> peerCertificateFromCurlFields(const QList<QByteArray>& fields);

// OpenSSL's ASN1_TIME_print format, "Jan  1 00:00:00 2027 GMT" (fractional seconds allowed), independent of
// the locale; an invalid QDateTime for anything else.
QDateTime parseOpenSslTime(QByteArrayView text);

} // namespace avld
