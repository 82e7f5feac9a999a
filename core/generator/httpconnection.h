#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

class QTcpSocket;

namespace avld {

// One client connection of the stand-in, kept the way AVideo reads its encoder.
//
// AVideo fetches a thumbnail with PHP's file_get_contents, which reads until the server closes the
// connection: a server that keeps it open after the body costs AVideo a 2 s read timeout (or two) per
// thumbnail. Qt 6.4's QHttpServer never closes a connection, and its request does not say which HTTP version
// the client spoke, so this object, a child of the socket, reads each request line as it arrives (without
// consuming it), decides per request whether the connection may stay open (HTTP/1.1 unless `Connection:
// close`; HTTP/1.0 only with `Connection: keep-alive`), closes it right after the answer otherwise, and
// closes connections that sit idle or never finish their request.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    struct Timeouts {
        int requestMs = 10'000; // from the connection (or the last answer) to a whole request
        int idleMs = 5'000;     // a kept-alive connection with nothing more to ask
    };

    // Starts watching `socket` (before QHttpServer reads from it). The object lives as the socket's child.
    static HttpConnection* attach(QTcpSocket* socket, Timeouts timeouts);
    // The watcher of `socket`, or nullptr.
    static HttpConnection* of(const QTcpSocket* socket);

    // Whether a request of HTTP/1.`minorVersion` with this `Connection` header value may keep its connection.
    static bool keepsAlive(int minorVersion, const QByteArray& connectionHeader);

    // A whole request reached the handler: remember whether its connection stays open after the answer.
    void requestArrived(const QByteArray& connectionHeader);
    // Its answer was written: close the connection once the answer has left, or wait for the next request.
    void answered();

    bool keepAlive() const { return m_keepAlive; }
    // A whole request reached the handler and its answer is not written yet.
    bool busy() const { return m_busy; }
    // Milliseconds since the connection opened or its last answer left: how long it has held a slot
    // without a whole request (idle, or a request sent slowly). 0 while busy.
    qint64 quietMs() const { return m_busy ? 0 : m_quiet.elapsed(); }

private:
    HttpConnection(QTcpSocket* socket, Timeouts timeouts);
    void readRequestLine();
    void expire();

    QPointer<QTcpSocket> m_socket;
    Timeouts m_timeouts;
    QTimer m_timer;
    QElapsedTimer m_quiet;
    QByteArray m_line;               // the start of a request line not yet complete
    bool m_awaitingLine = true;      // the next bytes begin a request
    std::deque<int> m_minorVersions; // of requests whose line was read but which did not reach the handler
    bool m_keepAlive = false;
    bool m_busy = false; // a request is being answered
};

} // namespace avld
