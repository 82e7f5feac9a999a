#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace avld::test {

// An HTTP/1.1 server on loopback whose every path is scripted, including the ways real servers misbehave:
// silence after accepting, a body dripped a byte at a time, a body that never ends. Built on QTcpServer
// because QHttpServer cannot be made to misbehave at the socket level.
class ScriptedHttpServer : public QObject {
    Q_OBJECT
public:
    // KeepOpen: the answer with its Content-Length, then the connection stays open (never closed).
    enum class Behaviour { Respond, Silent, Drip, Endless, Close, KeepOpen };
    struct Route {
        Behaviour behaviour = Behaviour::Respond;
        int status = 200;
        QByteArray contentType = "text/plain";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int dripIntervalMs = 200;
    };

    explicit ScriptedHttpServer(QObject* parent = nullptr);

    bool listen(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost));
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path) const;

    void setRoute(const QString& path, Route route);
    void respond(const QString& path, int status, QByteArray contentType, QByteArray body);
    void redirect(const QString& path, const QUrl& target, int status = 302);

    int requestCount(const QString& path) const { return m_counts.value(path); }
    // Headers of the last request to `path`, names in lower case.
    QHash<QByteArray, QByteArray> lastHeaders(const QString& path) const { return m_lastHeaders.value(path); }

private:
    void onConnection();
    void serve(QTcpSocket* socket, const QString& path);

    QTcpServer m_server;
    QHash<QString, Route> m_routes;
    QHash<QString, int> m_counts;
    QHash<QString, QHash<QByteArray, QByteArray>> m_lastHeaders;
};

} // namespace avld::test
