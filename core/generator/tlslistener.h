#pragma once

#include "result.h"

#include <QString>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace avld {

// Called with each accepted connection as the HTTP server takes it, before the server reads from it.
using ConnectionHook = std::function<void(QTcpSocket*)>;

// The socket server the generator listens with: plain TCP, or TLS (QSslServer, Qt 6.4) when a PEM
// certificate (chain) and key are given. The caller owns the result and calls listen() on it.
Result<QTcpServer*> makeListener(const QString& certificateFile, const QString& keyFile,
                                 ConnectionHook onConnection = {});

} // namespace avld
