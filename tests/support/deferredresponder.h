#pragma once

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace avld::test {

// An HTTP answer that is written later, after asynchronous work (an nginx /stat fetch, an encoder call, a
// background grab), without ever blocking the server's thread.
//
// Why this shape (Qt 6.4.2, read from qthttpserver v6.4.2): QHttpServer::route() accepts a handler
// returning QFuture<QHttpServerResponse>, but its continuation captures the raw QTcpSocket* and a
// reference to the per-socket request, so a client that disconnects before the future resolves leaves a
// dangling socket behind (6.4 deletes the socket on disconnect once the handler has returned). A handler
// taking QHttpServerResponder&& may keep the responder past its return instead: the responder only holds
// the socket pointer, its destructor writes nothing, and the server goes on reading that connection
// only when the client sends again (QNetworkAccessManager never pipelines). This class keeps the
// responder together with a QPointer to its socket and answers only while the socket is still there.
class DeferredResponder {
public:
    explicit DeferredResponder(QHttpServerResponder&& responder);

    // False once the client went away (or the answer was sent).
    bool isOpen() const;
    bool isSent() const { return m_sent; }
    // Writes the answer once; later calls and calls after the client left do nothing.
    void send(const QHttpServerResponse& response);
    // After the answer, close the connection (QHttpServer 6.4 keeps every connection open, even when the
    // client sent "Connection: close").
    void closeAfterSend() { m_closeAfterSend = true; }

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_sent = false;
    bool m_closeAfterSend = false;
};

using Reply = std::shared_ptr<DeferredResponder>;

inline Reply makeReply(QHttpServerResponder&& responder) {
    return std::make_shared<DeferredResponder>(std::move(responder));
}

} // namespace avld::test
