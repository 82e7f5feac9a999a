#include "scriptedhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace avld::test {

namespace {
QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}
} // namespace

ScriptedHttpServer::ScriptedHttpServer(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onConnection);
}

bool ScriptedHttpServer::listen(const QHostAddress& address) {
    return m_server.listen(address, 0);
}

QUrl ScriptedHttpServer::url(const QString& path) const {
    const QHostAddress address = m_server.serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return QUrl(QStringLiteral("http://%1:%2%3").arg(host).arg(port()).arg(path));
}

void ScriptedHttpServer::setRoute(const QString& path, Route route) {
    m_routes.insert(path, std::move(route));
}

void ScriptedHttpServer::respond(const QString& path, int status, QByteArray contentType, QByteArray body) {
    Route route;
    route.status = status;
    route.contentType = std::move(contentType);
    route.body = std::move(body);
    setRoute(path, route);
}

void ScriptedHttpServer::redirect(const QString& path, const QUrl& target, int status) {
    Route route;
    route.status = status;
    route.headers.append({"Location", target.toEncoded()});
    setRoute(path, route);
}

void ScriptedHttpServer::onConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            buffer->clear();
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            const QString target = requestLine.size() > 1 ? QString::fromLatin1(requestLine[1]) : QString();
            const QString path = target.section(QLatin1Char('?'), 0, 0);
            QHash<QByteArray, QByteArray> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
            }
            m_counts[path] += 1;
            m_lastHeaders.insert(path, headers);
            serve(socket, path);
        });
    }
}

void ScriptedHttpServer::serve(QTcpSocket* socket, const QString& path) {
    if (!m_routes.contains(path)) {
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
        socket->disconnectFromHost();
        return;
    }
    const Route route = m_routes.value(path);
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(route.status) + ' ' + reasonPhrase(route.status) + "\r\n";
    head += "Content-Type: " + route.contentType + "\r\n";
    for (const auto& [name, value] : route.headers)
        head += name + ": " + value + "\r\n";

    switch (route.behaviour) {
    case Behaviour::Silent:
        return; // keep the connection open and say nothing
    case Behaviour::Close:
        socket->abort();
        return;
    case Behaviour::Respond:
        socket->write(head + "Content-Length: " + QByteArray::number(route.body.size()) +
                      "\r\nConnection: close\r\n\r\n" + route.body);
        socket->disconnectFromHost();
        return;
    case Behaviour::KeepOpen:
        socket->write(head + "Content-Length: " + QByteArray::number(route.body.size()) + "\r\n\r\n" +
                      route.body);
        return;
    case Behaviour::Drip:
    case Behaviour::Endless: {
        const bool endless = route.behaviour == Behaviour::Endless;
        socket->write(
            head +
            (endless ? QByteArray() : "Content-Length: " + QByteArray::number(route.body.size()) + "\r\n") +
            "Connection: close\r\n\r\n");
        auto* timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        QPointer<QTcpSocket> guard(socket);
        connect(timer, &QTimer::timeout, socket, [guard, timer, route, sent, endless] {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return timer->stop();
            if (endless) {
                guard->write(QByteArray(64 * 1024, '#'));
            } else if (*sent < route.body.size()) {
                guard->write(route.body.mid(*sent, 1));
                *sent += 1;
            } else {
                timer->stop();
                guard->disconnectFromHost();
            }
        });
        timer->start(endless ? 1 : route.dripIntervalMs);
        return;
    }
    }
}

} // namespace avld::test
