#include "pendingreply.h"

#include "httpconnection.h"

namespace avld {

PendingReply::PendingReply(QHttpServerResponder&& responder)
    : m_responder(std::move(responder))
    , m_socket(m_responder.socket()) {}

bool PendingReply::isOpen() const {
    return !m_sent && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool PendingReply::send(const QHttpServerResponse& response) {
    if (!isOpen())
        return false;
    m_sent = true;
    response.write(std::move(m_responder));
    if (HttpConnection* connection = HttpConnection::of(m_socket))
        connection->answered();
    return true;
}

} // namespace avld
