#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace avld::test {

// An HTTP/1.1 server on loopback that keeps every request whole (method, path, headers, body) and answers
// each path from a script: the queued answers first, in order, then the path's standing answer. What the
// fakes of the alert channels' APIs (ntfy, Telegram, Discord, Slack, webhooks) are made of.
class RecordingHttpServer : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QString path;
        QString query;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        qint64 atMs = 0; // since listen()
    };
    struct Answer {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body = "{}";
        QList<QPair<QByteArray, QByteArray>> headers{};
        bool drop = false; // close the connection without answering
    };

    explicit RecordingHttpServer(QObject* parent = nullptr);

    bool listen(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost));
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path) const;

    void setAnswer(const QString& path, Answer answer);
    void queueAnswer(const QString& path, Answer answer);

    // Every request so far, or those to `path`.
    QList<Request> requests(const QString& path = {}) const;
    int count(const QString& path) const { return int(requests(path).size()); }

private:
    void onConnection();
    void answer(class QTcpSocket* socket, const Request& request);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QString, Answer> m_answers;
    QHash<QString, QList<Answer>> m_queued;
    QList<Request> m_requests;
};

} // namespace avld::test
