#pragma once

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace avld {

// An HTTP answer written later, after a grab or a lookup, without blocking the server's thread.
//
// Qt 6.4's QHttpServer lets a catch-all handler keep the QHttpServerResponder past its return: the responder
// only holds the socket pointer and writes nothing when destroyed. The socket, though, is deleted when the
// client disconnects, so the answer may only be written while a QPointer to it still holds it.
class PendingReply {
public:
    explicit PendingReply(QHttpServerResponder&& responder);

    // False once the client went away or the answer was sent.
    bool isOpen() const;
    bool isSent() const { return m_sent; }
    // Writes the answer once; later calls, and calls after the client left, do nothing. True if written.
    bool send(const QHttpServerResponse& response);
    QTcpSocket* socket() const { return m_socket; }

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_sent = false;
};

using PendingReplyPtr = std::shared_ptr<PendingReply>;

} // namespace avld
