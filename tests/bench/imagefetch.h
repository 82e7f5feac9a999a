#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The service's image answers as this process sees them (Qt's HTTP client), with the headers that say how
// old the frame is.
namespace avld::bench {

// Runs the event loop until `done` holds or the time is up; returns `done()`.
bool spinUntil(const std::function<bool()>& done, int timeoutMs);

struct Answer {
    int status = 0;
    QString error;
    qint64 bytes = 0;
    QByteArray contentType;
    qint64 ageMs = -1;     // X-Avld-Frame-Age-Ms
    QByteArray cacheState; // X-Avld-Cache
    double ms = 0;

    bool isImage() const { return status == 200 && bytes > 0 && contentType.startsWith("image/"); }
};

// HTTP/1.1 with a 5 s transfer timeout; `closeConnection` asks with `Connection: close`, one connection per
// request as AVideo asks.
QNetworkRequest plainRequest(const QUrl& url, bool closeConnection = false);
Answer answerOf(QNetworkReply* reply, double ms);

// GETs every URL at once and waits for all answers, at most timeoutMs.
QList<Answer> fetchAll(QNetworkAccessManager& network, const QList<QUrl>& urls, int timeoutMs);

} // namespace avld::bench
