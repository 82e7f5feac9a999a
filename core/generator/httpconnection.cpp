#include "httpconnection.h"

#include <QTcpSocket>

namespace avld {

namespace {
// A request line longer than this is not one we answer; Qt's parser refuses it too.
constexpr int kMaxRequestLine = 16 * 1024;
constexpr int kUnknownVersion = -1;

// "GET /x HTTP/1.1" -> 1; anything else -> kUnknownVersion (treated like HTTP/1.0: closed after the answer).
int minorVersionOf(QByteArray line) {
    line = line.trimmed();
    const qsizetype space = line.lastIndexOf(' ');
    const QByteArray protocol = space < 0 ? QByteArray() : line.mid(space + 1);
    if (protocol.size() != 8 || !protocol.startsWith("HTTP/1.") || protocol[7] < '0' || protocol[7] > '9')
        return kUnknownVersion;
    return protocol[7] - '0';
}
} // namespace

HttpConnection* HttpConnection::attach(QTcpSocket* socket, Timeouts timeouts) {
    return new HttpConnection(socket, timeouts);
}

HttpConnection* HttpConnection::of(const QTcpSocket* socket) {
    return socket ? socket->findChild<HttpConnection*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

bool HttpConnection::keepsAlive(int minorVersion, const QByteArray& connectionHeader) {
    bool close = false;
    bool keepAlive = false;
    for (const QByteArray& option : connectionHeader.split(',')) {
        const QByteArray token = option.trimmed().toLower();
        close = close || token == "close";
        keepAlive = keepAlive || token == "keep-alive";
    }
    if (close)
        return false;
    return minorVersion >= 1 || keepAlive;
}

HttpConnection::HttpConnection(QTcpSocket* socket, Timeouts timeouts)
    : QObject(socket)
    , m_socket(socket)
    , m_timeouts(timeouts) {
    m_quiet.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::expire);
    // Connected before QHttpServer connects its own reader, so this sees each request's bytes first.
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::readRequestLine);
    m_timer.start(m_timeouts.requestMs);
}

void HttpConnection::readRequestLine() {
    if (!m_socket || !m_awaitingLine)
        return;
    // QHttpServer consumes everything it is given until a request is whole, so what is unread now is new.
    m_line += m_socket->peek(qMin<qint64>(m_socket->bytesAvailable(), kMaxRequestLine));
    while (m_line.startsWith("\r\n") || m_line.startsWith('\n')) // blank lines may precede a request
        m_line.remove(0, m_line.startsWith('\n') ? 1 : 2);
    const qsizetype end = m_line.indexOf('\n');
    if (end < 0) {
        if (m_line.size() >= kMaxRequestLine)
            m_line.clear();
        return;
    }
    m_minorVersions.push_back(minorVersionOf(m_line.left(end)));
    m_line.clear();
    m_awaitingLine = false;
    if (!m_busy)
        m_timer.start(m_timeouts.requestMs); // no longer idle: the request must now be finished in time
}

void HttpConnection::requestArrived(const QByteArray& connectionHeader) {
    int minor = kUnknownVersion;
    if (!m_minorVersions.empty()) {
        minor = m_minorVersions.front();
        m_minorVersions.pop_front();
    }
    m_keepAlive = keepsAlive(minor, connectionHeader);
    m_awaitingLine = true;
    m_busy = true;
    m_timer.stop();
    // A pipelined request already in the buffer: its line was not read before this one was handled.
    if (m_socket && m_socket->bytesAvailable() > 0)
        readRequestLine();
}

void HttpConnection::answered() {
    m_busy = false;
    m_quiet.restart();
    if (!m_socket)
        return;
    if (!m_keepAlive) {
        // Sends what was written first, then closes: the client's read ends with the answer.
        m_socket->disconnectFromHost();
        return;
    }
    m_timer.start(m_timeouts.idleMs);
}

void HttpConnection::expire() {
    if (m_socket && !m_busy)
        m_socket->disconnectFromHost();
}

} // namespace avld
