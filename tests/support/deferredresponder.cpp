#include "deferredresponder.h"

namespace avld::test {

DeferredResponder::DeferredResponder(QHttpServerResponder&& responder)
    : m_responder(std::move(responder))
    , m_socket(m_responder.socket()) {}

bool DeferredResponder::isOpen() const {
    return !m_sent && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void DeferredResponder::send(const QHttpServerResponse& response) {
    if (!isOpen())
        return;
    m_sent = true;
    response.write(std::move(m_responder));
    if (m_closeAfterSend && m_socket)
        m_socket->disconnectFromHost(); // after the answer is written out
}

} // namespace avld::test
