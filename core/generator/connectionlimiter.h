#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace avld {

// Keeps the stand-in's client connections within bounds a flood cannot push past: `total` in all, below the
// process's open-files limit, and `perClient` as one address's share. A new connection beyond a client's
// share closes that client's oldest stale connection (one that has held its slot for a second without a
// whole request: idle, or a request sent slowly, what a slowloris holds); beyond the total, anyone's. When
// no connection is stale at the total, the new one is closed instead. So a thousand idle or half-sent
// connections cannot keep a real request (AVideo's) from being read, and a burst of fresh requests from one
// client is still admitted.
class ConnectionLimiter : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int perClient = 128;
        int total = 0; // 0: from the open-files limit (totalForDescriptorLimit)
    };

    // What `total` is when not given: the soft open-files limit less room for the cache, logs, grabs and
    // libraries (128 descriptors), kept within 16…4096.
    static int totalForDescriptorLimit(qint64 softLimit);
    // The process's soft RLIMIT_NOFILE.
    static qint64 descriptorLimit();

    explicit ConnectionLimiter(Limits limits, QObject* parent = nullptr);

    // Takes a connection just accepted (its HttpConnection attached): admits it, closing another to make
    // room if needed, or closes it. True when admitted.
    bool admit(QTcpSocket* socket);

    int openCount();
    int perClientLimit() const { return m_limits.perClient; }
    int totalLimit() const { return m_limits.total; }
    qint64 closedToMakeRoom() const { return m_evicted; }
    qint64 refused() const { return m_refused; }

private:
    struct Entry {
        QPointer<QTcpSocket> socket;
        QHostAddress peer;
    };
    void prune();
    // The oldest stale entry, among those from `peer` (or all when null); -1 if none.
    qsizetype oldestIdle(const QHostAddress* peer) const;

    Limits m_limits;
    QList<Entry> m_entries; // oldest first
    qint64 m_evicted = 0;
    qint64 m_refused = 0;
};

} // namespace avld
