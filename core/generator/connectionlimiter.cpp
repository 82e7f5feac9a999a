#include "connectionlimiter.h"

#include "httpconnection.h"
#include "logging.h"

#include <QTcpSocket>

#include <sys/resource.h>

namespace avld {

namespace {

constexpr qint64 kReservedDescriptors = 128;
// A connection that has held its slot this long without a whole request (idle, or sending slowly) may be
// closed to make room; a younger one is most likely a request on its way.
constexpr qint64 kStaleMs = 1000;

bool stale(const QTcpSocket* socket) {
    const HttpConnection* connection = HttpConnection::of(socket);
    return connection && !connection->busy() && connection->quietMs() >= kStaleMs;
}

} // namespace

int ConnectionLimiter::totalForDescriptorLimit(qint64 softLimit) {
    return int(qBound(qint64(16), softLimit - kReservedDescriptors, qint64(4096)));
}

qint64 ConnectionLimiter::descriptorLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 1 << 20;
    return qint64(limit.rlim_cur);
}

ConnectionLimiter::ConnectionLimiter(Limits limits, QObject* parent)
    : QObject(parent)
    , m_limits(limits) {
    if (m_limits.total <= 0)
        m_limits.total = totalForDescriptorLimit(descriptorLimit());
    m_limits.perClient = qBound(1, m_limits.perClient, m_limits.total);
}

void ConnectionLimiter::prune() {
    m_entries.removeIf([](const Entry& entry) {
        return !entry.socket || entry.socket->state() == QAbstractSocket::UnconnectedState;
    });
}

int ConnectionLimiter::openCount() {
    prune();
    return int(m_entries.size());
}

qsizetype ConnectionLimiter::oldestIdle(const QHostAddress* peer) const {
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry& entry = m_entries.at(i);
        if (peer && entry.peer != *peer)
            continue;
        if (stale(entry.socket))
            return i;
    }
    return -1;
}

bool ConnectionLimiter::admit(QTcpSocket* socket) {
    prune();
    const QHostAddress peer = socket->peerAddress();
    const auto fromPeer = std::count_if(m_entries.cbegin(), m_entries.cend(),
                                        [&](const Entry& entry) { return entry.peer == peer; });
    const auto makeRoom = [&](const QHostAddress* among) {
        const qsizetype victim = oldestIdle(among);
        if (victim < 0)
            return false;
        QPointer<QTcpSocket> closing = m_entries.takeAt(victim).socket;
        ++m_evicted;
        if (closing)
            closing->abort();
        return true;
    };
    // Beyond the client's share, its own stale connections go first (a burst of fresh requests from one
    // client, AVideo's gallery, is still admitted); beyond the total, anyone's, or the new one is refused.
    if (fromPeer >= m_limits.perClient)
        makeRoom(&peer);
    bool room = true;
    if (m_entries.size() >= m_limits.total)
        room = makeRoom(nullptr);
    if (!room) {
        ++m_refused;
        qCDebug(lcGenerator) << "connection from" << peer.toString()
                             << "closed: every slot is being answered";
        // After returning: the HTTP server connects its handlers (deleteLater on disconnect) only then.
        QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
        return false;
    }
    m_entries.append({socket, peer});
    return true;
}

} // namespace avld
