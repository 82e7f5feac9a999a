#include "addressclass.h"

namespace avld {

namespace {

bool inSubnet(const QHostAddress& address, const char* subnet) {
    return address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet)));
}

AddressClass classifyIPv4(const QHostAddress& a) {
    if (inSubnet(a, "0.0.0.0/8"))
        return AddressClass::Unspecified;
    if (inSubnet(a, "127.0.0.0/8"))
        return AddressClass::Loopback;
    if (inSubnet(a, "10.0.0.0/8") || inSubnet(a, "172.16.0.0/12") || inSubnet(a, "192.168.0.0/16") ||
        inSubnet(a, "100.64.0.0/10"))
        return AddressClass::Private;
    if (inSubnet(a, "169.254.0.0/16"))
        return AddressClass::LinkLocal;
    if (inSubnet(a, "224.0.0.0/4"))
        return AddressClass::Multicast;
    if (inSubnet(a, "240.0.0.0/4") || inSubnet(a, "192.0.0.0/24") || inSubnet(a, "198.18.0.0/15"))
        return AddressClass::Reserved;
    return AddressClass::Public;
}

AddressClass classifyIPv6(const QHostAddress& a) {
    if (a == QHostAddress(QHostAddress::AnyIPv6))
        return AddressClass::Unspecified;
    if (a == QHostAddress(QHostAddress::LocalHostIPv6))
        return AddressClass::Loopback;
    if (inSubnet(a, "fc00::/7") || inSubnet(a, "fec0::/10"))
        return AddressClass::Private;
    if (inSubnet(a, "fe80::/10"))
        return AddressClass::LinkLocal;
    if (inSubnet(a, "ff00::/8"))
        return AddressClass::Multicast;
    if (inSubnet(a, "100::/64") || inSubnet(a, "::/96"))
        return AddressClass::Reserved;
    return AddressClass::Public;
}

} // namespace

QHostAddress embeddedIPv4(const QHostAddress& address) {
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const Q_IPV6ADDR b = address.toIPv6Address();
    const auto v4At = [&b](int offset) {
        return QHostAddress(quint32(b[offset]) << 24 | quint32(b[offset + 1]) << 16 |
                            quint32(b[offset + 2]) << 8 | quint32(b[offset + 3]));
    };
    if (inSubnet(address, "::ffff:0:0/96") || inSubnet(address, "64:ff9b::/96"))
        return v4At(12);
    // ::a.b.c.d (deprecated "compatible" form), but not :: and ::1 themselves.
    if (inSubnet(address, "::/96") && (b[12] | b[13]) != 0)
        return v4At(12);
    if (inSubnet(address, "2002::/16"))
        return v4At(2);
    return address;
}

AddressClass classifyAddress(const QHostAddress& address) {
    const QHostAddress a = embeddedIPv4(address);
    if (a.protocol() == QAbstractSocket::IPv4Protocol)
        return classifyIPv4(a);
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return classifyIPv6(a);
    return AddressClass::Reserved; // a null or unknown address never counts as public
}

QString addressClassName(AddressClass kind) {
    switch (kind) {
    case AddressClass::Public:
        return QStringLiteral("public");
    case AddressClass::Loopback:
        return QStringLiteral("loopback");
    case AddressClass::Private:
        return QStringLiteral("private");
    case AddressClass::LinkLocal:
        return QStringLiteral("link-local");
    case AddressClass::Unspecified:
        return QStringLiteral("unspecified");
    case AddressClass::Multicast:
        return QStringLiteral("multicast");
    case AddressClass::Reserved:
        return QStringLiteral("reserved");
    }
    return {};
}

} // namespace avld
