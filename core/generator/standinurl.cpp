#include "standinurl.h"

#include <QNetworkInterface>
#include <QSet>

#include <tuple>

namespace avld {

namespace {

Error usage(const QString& message) {
    return {QStringLiteral("usage"), message, {}};
}

QString loopbackNote() {
    return QStringLiteral("only an AVideo on this same machine can use it; AVideo on another machine cannot "
                          "reach it");
}

bool isLoopbackHost(const QString& host) {
    const QHostAddress address(host);
    if (!address.isNull())
        return address.isLoopback();
    const QString lower = host.toLower();
    return lower == QStringLiteral("localhost") || lower.endsWith(QStringLiteral(".localhost"));
}

bool isValidHostName(const QString& host) {
    QUrl probe;
    probe.setHost(host, QUrl::StrictMode);
    return probe.isValid() && !probe.host().isEmpty();
}

// The host as it goes between "//" and the port: IPv6 in brackets, names in their ASCII (IDNA) form.
QByteArray urlHost(const QString& host) {
    const QHostAddress address(host);
    if (!address.isNull())
        return address.protocol() == QAbstractSocket::IPv6Protocol ? "[" + address.toString().toLatin1() + "]"
                                                                   : address.toString().toLatin1();
    return QUrl::toAce(host);
}

struct Target {
    QString host{};
    quint16 port = 0;
    QString via{};
    bool remote = true;
    QString note{};
};

Result<Target> parsePublicHost(const QString& text, quint16 listenPort) {
    const QString t = text.trimmed();
    if (t.contains(QStringLiteral("://")) || t.contains(QLatin1Char('/')))
        return usage(QStringLiteral("--public-host takes a host name or address (and :port), not a URL"));
    Target target{.host = t, .port = listenPort, .via = QStringLiteral("--public-host")};
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return usage(QStringLiteral("--public-host %1: missing ']'").arg(t));
        target.host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return usage(QStringLiteral("--public-host %1: expected :PORT after ']'").arg(t));
        portText = rest.mid(1);
    } else if (t.count(QLatin1Char(':')) == 1) {
        target.host = t.section(QLatin1Char(':'), 0, 0);
        portText = t.section(QLatin1Char(':'), 1);
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usage(QStringLiteral("--public-host %1: the port must be 1-65535").arg(t));
        target.port = quint16(port);
    }
    const QHostAddress address(target.host);
    if (address.isNull() && !isValidHostName(target.host))
        return usage(QStringLiteral("--public-host %1 is not a host name or address").arg(t));
    if (isLoopbackHost(target.host)) {
        target.remote = false;
        target.note = loopbackNote();
    }
    return target;
}

QList<Target> wildcardTargets(const ListenAddress& listen, const QList<InterfaceAddress>& machine) {
    const bool ipv4 = listen.host != QStringLiteral("::");
    const bool ipv6 = listen.host != QStringLiteral("0.0.0.0");
    QList<Target> v4;
    QList<Target> v6;
    QSet<QString> seen;
    for (const InterfaceAddress& entry : machine) {
        const QHostAddress& ip = entry.address;
        // Link-local addresses need a zone AVideo's URL cannot carry, or are only valid on one segment.
        if (ip.isNull() || ip.isLoopback() || ip.isLinkLocal() || ip.isMulticast() || ip.isBroadcast())
            continue;
        const QString text = ip.toString();
        if (seen.contains(text))
            continue;
        seen.insert(text);
        const Target target{.host = text, .port = listen.port, .via = entry.interfaceName};
        if (ip.protocol() == QAbstractSocket::IPv4Protocol && ipv4)
            v4.append(target);
        else if (ip.protocol() == QAbstractSocket::IPv6Protocol && ipv6)
            v6.append(target);
    }
    QList<Target> targets = v4 + v6;
    Target loopback{.host = ipv4 ? QStringLiteral("127.0.0.1") : QStringLiteral("::1"),
                    .port = listen.port,
                    .via = QStringLiteral("loopback"),
                    .remote = false,
                    .note = loopbackNote()};
    if (targets.isEmpty())
        loopback.note += QStringLiteral(". No other address of this machine is up: name the one AVideo "
                                        "reaches it by with --public-host");
    targets.append(loopback);
    return targets;
}

Target specificTarget(const ListenAddress& listen, const QList<InterfaceAddress>& machine) {
    Target target{.host = listen.host, .port = listen.port, .via = QStringLiteral("the bind address")};
    if (isLoopbackHost(listen.host)) {
        target.remote = false;
        target.note = loopbackNote();
        return target;
    }
    const QHostAddress address(listen.host);
    if (address.isNull() || machine.isEmpty())
        return target;
    for (const InterfaceAddress& entry : machine)
        if (entry.address.isEqual(address, QHostAddress::TolerantConversion))
            return target;
    target.note = QStringLiteral("%1 is not an address of this machine's interfaces: the service cannot "
                                 "listen on it here")
                      .arg(listen.host);
    return target;
}

} // namespace

Result<ListenAddress> StandinUrl::parseListen(const QString& text) {
    const QString t = text.trimmed();
    const QString example = QStringLiteral("expected ADDR:PORT, e.g. 0.0.0.0:8090, [::]:8090 or :8090");
    ListenAddress listen;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0 || t.mid(close + 1, 1) != QStringLiteral(":"))
            return usage(QStringLiteral("--listen %1: %2").arg(t, example));
        listen.host = t.mid(1, close - 1);
        portText = t.mid(close + 2);
    } else {
        // Without brackets the last colon separates the port, so ":::8090" is "::" and 8090.
        const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return usage(QStringLiteral("--listen %1: %2").arg(t, example));
        listen.host = t.left(colon);
        portText = t.mid(colon + 1);
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return usage(QStringLiteral("--listen %1: the port must be 1-65535").arg(t));
    listen.port = quint16(port);
    if (listen.host == QStringLiteral("*"))
        listen.host.clear();
    if (listen.host.isEmpty())
        return listen;
    const QHostAddress address(listen.host);
    if (!address.isNull())
        listen.host = address.toString(); // "0:0::0" -> "::"
    else if (listen.host.contains(QLatin1Char(':')) || !isValidHostName(listen.host))
        return usage(
            QStringLiteral("--listen %1: \"%2\" is not an address or host name").arg(t, listen.host));
    return listen;
}

Result<QByteArray> StandinUrl::encodedPrefix(const QString& prefix) {
    QString p = prefix.trimmed();
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    QByteArray path;
    if (p.isEmpty())
        return path;
    for (const QString& segment : p.split(QLatin1Char('/'))) {
        if (segment.isEmpty() || segment == QStringLiteral(".") || segment == QStringLiteral(".."))
            return usage(
                QStringLiteral("the prefix must not hold empty, \".\" or \"..\" segments: clients and "
                               "proxies rewrite them"));
        for (const QChar c : segment)
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                return usage(QStringLiteral("the prefix must not hold control characters"));
        path += QUrl::toPercentEncoding(segment) + '/';
    }
    return path;
}

Result<QList<EncoderUrlChoice>> StandinUrl::encoderUrls(const StandinUrlOptions& options,
                                                        const QList<InterfaceAddress>& machine) {
    if (options.listen.port == 0)
        return usage(QStringLiteral("the port must be 1-65535"));
    const Result<QByteArray> prefix = encodedPrefix(options.prefix);
    if (!prefix)
        return prefix.error();

    QList<Target> targets;
    const QString& host = options.listen.host;
    if (!options.publicHost.trimmed().isEmpty()) {
        const Result<Target> target = parsePublicHost(options.publicHost, options.listen.port);
        if (!target)
            return target.error();
        targets.append(*target);
    } else if (host.isEmpty() || host == QStringLiteral("0.0.0.0") || host == QStringLiteral("::")) {
        targets = wildcardTargets(options.listen, machine);
    } else {
        targets.append(specificTarget(options.listen, machine));
    }

    const QByteArray scheme = options.tls ? "https" : "http";
    const quint16 defaultPort = options.tls ? 443 : 80;
    QList<EncoderUrlChoice> choices;
    for (const Target& target : targets) {
        QByteArray text = scheme + "://" + urlHost(target.host);
        if (target.port != defaultPort)
            text += ':' + QByteArray::number(target.port);
        text += '/' + *prefix;
        const QUrl url = QUrl::fromEncoded(text, QUrl::StrictMode);
        if (!url.isValid())
            return usage(QStringLiteral("cannot make a URL of host \"%1\"").arg(target.host));
        if (text.size() > MaxEncoderUrlLength)
            return usage(QStringLiteral("the encoder URL would be %1 characters long; AVideo stores at most "
                                        "%2 (configurations.encoderURL): use a shorter prefix")
                             .arg(text.size())
                             .arg(MaxEncoderUrlLength));
        choices.append({.url = url, .via = target.via, .remote = target.remote, .note = target.note});
    }
    return choices;
}

QList<InterfaceAddress> StandinUrl::machineAddresses() {
    QList<InterfaceAddress> addresses;
    for (const QNetworkInterface& i : QNetworkInterface::allInterfaces()) {
        const auto flags = i.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning))
            continue;
        for (const QNetworkAddressEntry& entry : i.addressEntries())
            addresses.append({.interfaceName = i.humanReadableName(), .address = entry.ip()});
    }
    return addresses;
}

QString StandinUrl::redacted(const QUrl& url) {
    const QString origin =
        url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString();
    const QString path = url.path();
    return origin +
           (path.isEmpty() || path == QStringLiteral("/") ? QStringLiteral("/") : QStringLiteral("/…"));
}

bool StandinUrl::sameEncoderUrl(const QUrl& a, const QUrl& b) {
    auto key = [](const QUrl& u) {
        QString path = u.path(QUrl::FullyDecoded);
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        const QString scheme = u.scheme().toLower();
        return std::tuple(scheme, u.host().toLower(), u.port(scheme == QStringLiteral("https") ? 443 : 80),
                          path);
    };
    return a.isValid() && b.isValid() && key(a) == key(b);
}

bool StandinUrl::pointsAtStandin(const QUrl& encoderUrl, quint16 port, const QString& pathPrefix) {
    if (!encoderUrl.isValid() || encoderUrl.host().isEmpty() || port == 0)
        return false;
    const QString scheme = encoderUrl.scheme().toLower();
    const int defaultPort = scheme == QStringLiteral("https")  ? 443
                            : scheme == QStringLiteral("http") ? 80
                                                               : -1;
    if (encoderUrl.port(defaultPort) != int(port))
        return false;
    QString prefix = pathPrefix.isEmpty() ? QStringLiteral("/") : pathPrefix;
    if (!prefix.startsWith(QLatin1Char('/')))
        prefix.prepend(QLatin1Char('/'));
    if (!prefix.endsWith(QLatin1Char('/')))
        prefix.append(QLatin1Char('/'));
    QString path = encoderUrl.path();
    if (!path.endsWith(QLatin1Char('/')))
        path.append(QLatin1Char('/'));
    return path.startsWith(prefix);
}

} // namespace avld
