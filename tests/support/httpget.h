#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QUrl>

namespace avld::test {

struct HttpReply {
    int status = 0; // 0 when no HTTP answer came
    QString error;  // network error text, empty on success
    QByteArray body;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray& name) const;
};

// A blocking GET for tests (runs a local event loop), with a hard timeout.
HttpReply httpGet(const QUrl& url, int timeoutMs = 5000);

} // namespace avld::test
