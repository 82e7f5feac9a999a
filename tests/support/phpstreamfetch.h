#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace avld::test {

// How AVideo 11.7's url_get_contents($url, '', 2) reads its encoder over http://: PHP's file_get_contents
// with a stream context of ['http' => ['timeout' => 2]] (PHP 8: HTTP/1.1 with `Connection: close`, no
// User-Agent), reading UNTIL THE SERVER CLOSES the connection, with a 2 s limit on connecting and on each
// read, and no total limit. A server that sends its answer and keeps the connection open costs the whole
// read timeout; one that says nothing for 2 s yields nothing. (Measured with PHP 8.2 against loopback
// servers; see the encoder probe, which reads the same way.) Plain http only: the simulator's encoders are.
class PhpStreamFetch : public QObject {
    Q_OBJECT
public:
    // `body` is empty when PHP's file_get_contents would return false or "" (refused, silent, HTTP >= 400).
    using Done = std::function<void(const QByteArray& body)>;

    static void get(const QUrl& url, int readTimeoutMs, Done done, QObject* parent);

private:
    PhpStreamFetch(int readTimeoutMs, Done done, QObject* parent);
    void start(const QUrl& url);
    void onData();
    void finish();

    QTcpSocket* m_socket = nullptr;
    QTimer m_idle;
    QByteArray m_received;
    Done m_done;
    bool m_finished = false;
};

} // namespace avld::test
