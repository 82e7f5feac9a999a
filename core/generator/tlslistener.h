#pragma once

#include "result.h"

#include <QString>

class QTcpServer;

namespace avld {

// The socket server the generator listens with: plain TCP, or TLS (QSslServer, Qt 6.4) when a PEM
// certificate (chain) and key are given. The caller owns the result and calls listen() on it.
Result<QTcpServer*> makeListener(const QString& certificateFile, const QString& keyFile);

} // namespace avld
