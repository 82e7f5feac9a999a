#include "recordinghttpserver.h"

#include <QTcpSocket>

namespace avld::test {

RecordingHttpServer::RecordingHttpServer(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &RecordingHttpServer::onConnection);
}

bool RecordingHttpServer::listen(const QHostAddress& address) {
    m_clock.start();
    return m_server.listen(address, 0);
}

QUrl RecordingHttpServer::url(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void RecordingHttpServer::setAnswer(const QString& path, Answer answer) {
    m_answers.insert(path, std::move(answer));
}

void RecordingHttpServer::queueAnswer(const QString& path, Answer answer) {
    m_queued[path].append(std::move(answer));
}

QList<RecordingHttpServer::Request> RecordingHttpServer::requests(const QString& path) const {
    if (path.isEmpty())
        return m_requests;
    QList<Request> some;
    for (const Request& r : m_requests)
        if (r.path == path)
            some.append(r);
    return some;
}

void RecordingHttpServer::onConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        auto request = std::make_shared<Request>();
        auto headerEnd = std::make_shared<qsizetype>(-1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, request, headerEnd] {
            *buffer += socket->readAll();
            if (*headerEnd < 0) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                *headerEnd = end + 4;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
                request->method = requestLine.value(0);
                const QString target = QString::fromLatin1(requestLine.value(1));
                request->path = target.section(QLatin1Char('?'), 0, 0);
                request->query = target.section(QLatin1Char('?'), 1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        request->headers.insert(lines[i].left(colon).trimmed().toLower(),
                                                lines[i].mid(colon + 1).trimmed());
                }
                if (request->headers.value("expect").toLower() == "100-continue")
                    socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            const qsizetype length = request->headers.value("content-length", "0").toLongLong();
            if (buffer->size() - *headerEnd < length)
                return;
            request->body = buffer->mid(*headerEnd, length);
            request->atMs = m_clock.elapsed();
            m_requests.append(*request);
            answer(socket, *request);
        });
    }
}

void RecordingHttpServer::answer(QTcpSocket* socket, const Request& request) {
    Answer a;
    if (QList<Answer>& queued = m_queued[request.path]; !queued.isEmpty())
        a = queued.takeFirst();
    else if (m_answers.contains(request.path))
        a = m_answers.value(request.path);
    else
        a = Answer{.status = 404, .contentType = "text/plain", .body = "no such path"};
    if (a.drop) {
        socket->abort();
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(a.status) + " Scripted\r\n";
    head += "Content-Type: " + a.contentType + "\r\n";
    for (const auto& [name, value] : a.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(a.body.size()) + "\r\nConnection: close\r\n\r\n";
    socket->write(head + a.body);
    socket->disconnectFromHost();
}

} // namespace avld::test
