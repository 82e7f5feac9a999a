#include "idleconnections.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpSocket>

#include <utility>

namespace avld::bench {

namespace {
constexpr int kReopenAfterMs = 1000;
constexpr int kTrickleEveryMs = 2000;
} // namespace

IdleConnections::IdleConnections(quint16 port, QByteArray requestStart, int count,
                                 QList<QHostAddress> sources, QObject* parent)
    : QObject(parent)
    , m_port(port)
    , m_requestStart(std::move(requestStart))
    , m_slots(qMax(0, count)) {
    if (sources.isEmpty())
        sources << QHostAddress(QHostAddress::LocalHost);
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        m_slots[i].slow = i % 2 == 1;
        m_slots[i].source = sources.at((i / 2) % sources.size());
    }
    m_trickle.setInterval(kTrickleEveryMs);
    connect(&m_trickle, &QTimer::timeout, this, &IdleConnections::trickle);
}

IdleConnections::~IdleConnections() {
    stop();
}

void IdleConnections::start() {
    m_running = true;
    for (int i = 0; i < int(m_slots.size()); ++i)
        open(i);
    m_trickle.start();
}

void IdleConnections::stop() {
    m_running = false;
    m_trickle.stop();
    for (Slot& slot : m_slots) {
        if (!slot.socket)
            continue;
        slot.socket->disconnect(this);
        slot.socket->abort();
        slot.socket->deleteLater();
        slot.socket = nullptr;
    }
}

IdleConnections::Counts IdleConnections::take() {
    Counts counts = std::exchange(m_counts, {});
    for (const Slot& slot : m_slots) {
        if (slot.socket && slot.connected) {
            ++counts.open;
            counts.oldestOpenMs = qMax(counts.oldestOpenMs, slot.age.elapsed());
        }
    }
    return counts;
}

void IdleConnections::open(int index) {
    if (!m_running)
        return;
    Slot& slot = m_slots[index];
    slot.connected = false;
    slot.gotBytes = false;
    slot.socket = new QTcpSocket(this);
    connect(slot.socket, &QTcpSocket::stateChanged, this, [this, index] { onStateChanged(index); });
    // Whatever the service says (a 408, a 400) is read and dropped: only that it spoke counts.
    connect(slot.socket, &QTcpSocket::readyRead, this, [this, index] {
        Slot& s = m_slots[index];
        if (s.socket && !s.socket->readAll().isEmpty())
            s.gotBytes = true;
    });
    slot.socket->bind(slot.source); // when it fails, the kernel's choice
    slot.socket->connectToHost(QHostAddress::LocalHost, m_port);
}

void IdleConnections::onStateChanged(int index) {
    Slot& slot = m_slots[index];
    if (!slot.socket)
        return;
    const QAbstractSocket::SocketState state = slot.socket->state();
    if (state == QAbstractSocket::ConnectedState) {
        slot.connected = true;
        slot.age.start();
        ++m_counts.opened;
        if (slot.slow)
            slot.socket->write(m_requestStart);
        return;
    }
    if (state != QAbstractSocket::UnconnectedState)
        return;
    if (slot.connected) {
        slot.gotBytes = slot.gotBytes || slot.socket->bytesAvailable() > 0;
        ++m_counts.closedByService;
        m_counts.lifetimesMs << double(slot.age.elapsed());
        if (slot.gotBytes)
            ++m_counts.answered;
    } else {
        ++m_counts.failedToConnect;
    }
    slot.socket->disconnect(this);
    slot.socket->deleteLater();
    slot.socket = nullptr;
    slot.connected = false;
    // Spread over a second, or the connections that opened together would keep closing together.
    const int after = kReopenAfterMs / 2 + int(QRandomGenerator::global()->bounded(kReopenAfterMs));
    if (m_running)
        QTimer::singleShot(after, this, [this, index] {
            if (m_running && !m_slots[index].socket)
                open(index);
        });
}

void IdleConnections::trickle() {
    for (Slot& slot : m_slots) {
        if (slot.slow && slot.socket && slot.connected)
            slot.socket->write("a");
    }
}

} // namespace avld::bench
