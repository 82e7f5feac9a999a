#pragma once

#include "result.h"

class QNetworkReply;

namespace avld {

// Turns a failed QNetworkReply into a reason a person can act on: DNS, refused, TLS, timeout, HTTP status.
// `what` names the thing fetched ("the playlist", "the site"), for the message.
Error networkError(const QNetworkReply& reply, const QString& what);

} // namespace avld
