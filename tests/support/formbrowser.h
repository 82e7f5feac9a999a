#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace avld::test {

struct BrowserReply {
    int status = 0; // 0 when no HTTP answer came
    QString error;  // network error or "timeout", empty on success
    QByteArray body;
    qint64 elapsedMs = 0;

    bool ok() const { return status == 200 && error.isEmpty(); }
};

using FormFields = QList<QPair<QString, QString>>;

// Drives a web site like one browser tab: keeps its cookies (one session), sends the site as Referer and
// posts URL-encoded forms. Blocking, with a hard timeout per request: for fixtures, never product code.
class FormBrowser {
public:
    explicit FormBrowser(QUrl site);

    BrowserReply get(const QString& path, int timeoutMs);
    BrowserReply post(const QString& path, const FormFields& fields, int timeoutMs);

    QUrl site() const { return m_site; }

private:
    BrowserReply run(const QString& path, const QByteArray* form, int timeoutMs);

    QUrl m_site;
    QNetworkAccessManager m_manager;
};

} // namespace avld::test
