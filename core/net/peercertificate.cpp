#include "peercertificate.h"

#include <QTimeZone>

namespace avld {

QDateTime parseOpenSslTime(QByteArrayView text) {
    // Not QDateTime::fromString: month names would follow the locale, and Qt 6.4's RFC 2822 parser
    // rejects the "GMT" that OpenSSL writes.
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QList<QByteArray> parts = text.toByteArray().simplified().split(' ');
    if (parts.size() != 5 || parts[4] != "GMT")
        return {};
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (parts[0] == kMonths[i])
            month = i + 1;
    }
    bool dayOk = false;
    bool yearOk = false;
    const int day = parts[1].toInt(&dayOk);
    const int year = parts[3].toInt(&yearOk);
    const QTime time = QTime::fromString(QString::fromLatin1(parts[2].left(8)), QStringLiteral("HH:mm:ss"));
    const QDate date(year, month, day);
    if (month == 0 || !dayOk || !yearOk || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

std::optional<PeerCertificate> peerCertificateFromCurlFields(const QList<QByteArray>& fields) {
    PeerCertificate certificate;
    for (const QByteArray& field : fields) {
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = field.left(colon);
        const QByteArray value = field.mid(colon + 1).trimmed();
        if (name == "Subject")
            certificate.subject = QString::fromUtf8(value);
        else if (name == "Issuer")
            certificate.issuer = QString::fromUtf8(value);
        else if (name == "Start date")
            certificate.notBefore = parseOpenSslTime(value);
        else if (name == "Expire date")
            certificate.notAfter = parseOpenSslTime(value);
    }
    if (certificate.subject.isEmpty() && !certificate.notAfter.isValid())
        return std::nullopt;
    return certificate;
}

} // namespace avld
