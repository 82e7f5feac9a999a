#include "rawexchange.h"

#include "imagefetch.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <algorithm>
#include <memory>
#include <vector>

namespace avld::bench {

namespace {

QByteArray headerValue(const QByteArray& head, const QByteArray& name) {
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

struct Exchange {
    QTcpSocket socket;
    QByteArray received;
    bool ended = false;
    RawAnswer answer;
};

} // namespace

QList<RawAnswer> rawExchanges(quint16 port, const QList<QByteArray>& requests, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<Exchange>> exchanges;
    for (const QByteArray& request : requests) {
        exchanges.push_back(std::make_unique<Exchange>());
        Exchange* e = exchanges.back().get();
        QObject::connect(&e->socket, &QTcpSocket::connected, [e, request] { e->socket.write(request); });
        QObject::connect(&e->socket, &QTcpSocket::readyRead, [e] { e->received += e->socket.readAll(); });
        QObject::connect(&e->socket, &QTcpSocket::disconnected, [e, &timer] {
            e->ended = true;
            e->answer.ms = double(timer.nsecsElapsed()) / 1e6;
        });
        QObject::connect(&e->socket, &QTcpSocket::errorOccurred,
                         [e, &timer](QAbstractSocket::SocketError error) {
                             if (error == QAbstractSocket::RemoteHostClosedError || e->ended)
                                 return;
                             e->answer.error = e->socket.errorString();
                             e->answer.ms = double(timer.nsecsElapsed()) / 1e6;
                             e->ended = true;
                         });
        e->socket.connectToHost(QHostAddress::LocalHost, port);
    }
    spinUntil(
        [&] {
            return std::all_of(exchanges.cbegin(), exchanges.cend(), [](const auto& e) { return e->ended; });
        },
        timeoutMs);

    QList<RawAnswer> answers;
    for (const auto& e : exchanges) {
        e->socket.disconnect();
        e->received += e->socket.readAll();
        e->socket.abort();
        RawAnswer answer = e->answer;
        if (!e->ended) {
            answer.error = QStringLiteral("still open after %1 ms").arg(timeoutMs);
            answer.ms = timeoutMs;
        }
        const qsizetype headEnd = e->received.indexOf("\r\n\r\n");
        const QByteArray head = headEnd < 0 ? e->received : e->received.left(headEnd);
        if (head.startsWith("HTTP/1."))
            answer.status = head.mid(9, 3).toInt();
        answer.reason = headerValue(head, "x-avld-reason");
        answer.cacheState = headerValue(head, "x-avld-cache");
        answer.contentType = headerValue(head, "content-type");
        answer.bodyBytes = headEnd < 0 ? 0 : e->received.size() - headEnd - 4;
        answers << answer;
    }
    return answers;
}

} // namespace avld::bench
