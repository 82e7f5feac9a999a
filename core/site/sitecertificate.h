#pragma once

#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

class QSslSocket;
class QTimer;

namespace avld {

// The certificate a site shows, with what is wrong with it, so the admin can decide whether to trust it.
struct SiteCertificate {
    QString sha256; // hex with colons, upper case, as the site client prints it in its errors
    QString subject;
    QString issuer;
    QDateTime notBefore;  // UTC
    QDateTime notAfter;   // UTC
    QStringList names;    // the DNS names and addresses it is for (subject alternative names)
    QStringList problems; // why the system does not trust it; empty when it does
};

// Opens a TLS connection to a site only to read its certificate: verification failures are recorded, never
// ignored, and the connection is dropped before any request is sent. Asynchronous; one read at a time.
class SiteCertificateReader : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<SiteCertificate>)>;

    explicit SiteCertificateReader(QObject* parent = nullptr);
    ~SiteCertificateReader() override;

    // `done` runs exactly once on this thread, unless cancel() comes first. Only https URLs.
    void read(const QUrl& url, int timeoutMs, Done done);
    void cancel();

private:
    void finish(Result<SiteCertificate> outcome);

    QPointer<QSslSocket> m_socket;
    QTimer* m_timer = nullptr;
    Done m_done;
    QString m_host;
    QStringList m_problems;
};

} // namespace avld
