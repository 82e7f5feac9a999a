#include "phpstreamfetch.h"

#include <QTcpSocket>

namespace avld::test {

void PhpStreamFetch::get(const QUrl& url, int readTimeoutMs, Done done, QObject* parent) {
    auto* fetch = new PhpStreamFetch(readTimeoutMs, std::move(done), parent);
    fetch->start(url);
}

PhpStreamFetch::PhpStreamFetch(int readTimeoutMs, Done done, QObject* parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_done(std::move(done)) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(readTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &PhpStreamFetch::finish);
    connect(m_socket, &QTcpSocket::readyRead, this, &PhpStreamFetch::onData);
    connect(m_socket, &QTcpSocket::disconnected, this, &PhpStreamFetch::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            finish();
    });
}

void PhpStreamFetch::start(const QUrl& url) {
    connect(m_socket, &QTcpSocket::connected, this, [this, url] {
        const QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        m_socket->write("GET " + (target.isEmpty() ? QByteArray("/") : target) +
                        " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':' + QByteArray::number(url.port(80)) +
                        "\r\nConnection: close\r\n\r\n");
        m_idle.start();
    });
    m_idle.start(); // connecting is bounded by the same 2 s
    m_socket->connectToHost(url.host(), quint16(url.port(80)));
}

void PhpStreamFetch::onData() {
    m_received += m_socket->readAll();
    m_idle.start();
}

void PhpStreamFetch::finish() {
    if (m_finished)
        return;
    m_finished = true;
    m_idle.stop();
    if (m_socket->bytesAvailable() > 0)
        m_received += m_socket->readAll();
    const qsizetype headerEnd = m_received.indexOf("\r\n\r\n");
    QByteArray body;
    if (headerEnd > 0) {
        const QList<QByteArray> statusLine = m_received.left(m_received.indexOf("\r\n")).split(' ');
        const int status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        // file_get_contents() fails on HTTP >= 400; what came after the headers is the body (the simulator's
        // encoders never send chunked answers).
        if (status > 0 && status < 400)
            body = m_received.mid(headerEnd + 4);
    }
    m_socket->abort();
    const Done done = std::move(m_done);
    deleteLater();
    done(body);
}

} // namespace avld::test
