#include "imagefetch.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace avld::bench {

bool spinUntil(const std::function<bool()>& done, int timeoutMs) {
    if (done())
        return true;
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

QNetworkRequest plainRequest(const QUrl& url, bool closeConnection) {
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (closeConnection)
        request.setRawHeader("Connection", "close");
    return request;
}

Answer answerOf(QNetworkReply* reply, double ms) {
    Answer answer;
    answer.ms = ms;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError)
        answer.error = reply->errorString();
    answer.bytes = reply->readAll().size();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    bool ok = false;
    const qint64 age = reply->rawHeader("X-Avld-Frame-Age-Ms").toLongLong(&ok);
    answer.ageMs = ok ? age : -1;
    answer.cacheState = reply->rawHeader("X-Avld-Cache");
    return answer;
}

QList<Answer> fetchAll(QNetworkAccessManager& network, const QList<QUrl>& urls, int timeoutMs) {
    QList<Answer> answers(urls.size());
    QList<QNetworkReply*> replies;
    int left = int(urls.size());
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < urls.size(); ++i) {
        QNetworkReply* reply = network.get(plainRequest(urls.at(i)));
        replies.append(reply);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&answers, &left, &timer, reply, i] {
            answers[i] = answerOf(reply, double(timer.nsecsElapsed()) / 1e6);
            --left;
        });
    }
    spinUntil([&] { return left == 0; }, timeoutMs);
    // Deleted here, not in the handler: deferred deletes run inside spinUntil's loop.
    for (qsizetype i = 0; i < replies.size(); ++i) {
        QNetworkReply* reply = replies.at(i);
        if (!reply->isFinished()) {
            reply->disconnect();
            reply->abort();
            answers[i].error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        }
        reply->deleteLater();
    }
    return answers;
}

} // namespace avld::bench
