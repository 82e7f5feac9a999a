#pragma once

#include <QByteArrayView>
#include <QDateTime>

namespace avld {

// An HTTP-date header value ("Sun, 06 Nov 1994 08:49:37 GMT", RFC 9110 IMF-fixdate) as a server sent it;
// an invalid QDateTime for anything else.
QDateTime parseHttpDate(QByteArrayView value);

} // namespace avld
