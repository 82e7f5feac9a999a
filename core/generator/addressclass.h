#pragma once

#include <QHostAddress>
#include <QString>

namespace avld {

// What kind of network an IP address belongs to, as far as fetching a stream from it is concerned. Anything
// but Public points inside the operator's own network (or nowhere) and is refused unless allowed by IP.
enum class AddressClass {
    Public,
    Loopback,    // 127/8, ::1
    Private,     // RFC 1918, 100.64/10 (shared), fc00::/7, fec0::/10
    LinkLocal,   // 169.254/16 (cloud metadata at 169.254.169.254), fe80::/10
    Unspecified, // 0/8, ::
    Multicast,   // 224/4, ff00::/8
    Reserved,    // 240/4 and broadcast, 192.0.0/24, 198.18/15, 100::/64
};

// IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96, 2002::/16) are judged by
// that IPv4 address.
AddressClass classifyAddress(const QHostAddress& address);
QString addressClassName(AddressClass kind);

// The IPv4 address inside those IPv6 forms, or the address itself.
QHostAddress embeddedIPv4(const QHostAddress& address);

} // namespace avld
