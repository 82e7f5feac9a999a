#include "freeport.h"

#include <QHostAddress>
#include <QTcpServer>

namespace avld::test {

quint16 freeLoopbackPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace avld::test
