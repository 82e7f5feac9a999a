#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace avld::bench {

// Connections that hold a slot of the service and never finish a request: half of them send nothing (idle),
// the other half the start of a request and then one more header byte every 2 s (slowloris). Each one the
// service closes is opened again about a second later, so the service's connection caps and request timeout
// are pressed for as long as this runs. The connections come from the `sources` addresses in turn
// (127.0.0.0/8 reaches a loopback service from any of its addresses): the service caps connections per client
// address. Tells how long the service let them live.
class IdleConnections : public QObject {
public:
    struct Counts {
        int open = 0;               // connected now
        qint64 oldestOpenMs = 0;    // the longest a connection open now has lived
        qint64 opened = 0;          // since the last take()
        qint64 closedByService = 0; // since the last take()
        qint64 answered = 0;        // of those, how many got bytes back (an answer) before the close
        qint64 failedToConnect = 0; // since the last take()
        QList<double> lifetimesMs;  // of the connections the service closed, since the last take()
    };

    // `requestStart`: what the slow ones send at once (a request line and a header or two, no blank line).
    IdleConnections(quint16 port, QByteArray requestStart, int count, QList<QHostAddress> sources,
                    QObject* parent = nullptr);
    ~IdleConnections() override;

    void start();
    // Closes every connection; nothing is reopened after.
    void stop();
    Counts take();

private:
    struct Slot {
        QTcpSocket* socket = nullptr;
        QElapsedTimer age; // since connected
        QHostAddress source;
        bool slow = false;
        bool connected = false;
        bool gotBytes = false;
    };
    void open(int index);
    void onStateChanged(int index);
    void trickle();

    quint16 m_port;
    QByteArray m_requestStart;
    QList<Slot> m_slots;
    QTimer m_trickle;
    bool m_running = false;
    Counts m_counts;
};

} // namespace avld::bench
