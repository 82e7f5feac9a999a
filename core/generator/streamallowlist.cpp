#include "streamallowlist.h"

#include "addressclass.h"

#include <QEventLoop>
#include <QHostInfo>
#include <QObject>
#include <QTimer>

#include <memory>

namespace avld {

namespace {

const QString kNotAllowed = QStringLiteral("host not allowed");

Error refusal(const char* code, const QString& hint) {
    return {QString::fromLatin1(code), kNotAllowed, hint};
}

// Lower-case ACE without a trailing dot; empty when the text is not a host name.
QString normalisedName(const QString& text) {
    QString name = text.trimmed().toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty() || name.size() > 253)
        return {};
    const QString ace = QString::fromLatin1(QUrl::toAce(name));
    if (ace.isEmpty())
        return {};
    for (const QChar c : ace) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('.') &&
            c != QLatin1Char('_'))
            return {};
    }
    return ace;
}

} // namespace

Result<StreamAllowList> StreamAllowList::fromEntries(const QStringList& entries) {
    StreamAllowList list;
    for (const QString& raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const auto invalid = [&entry](const QString& why) {
            return Error{
                QStringLiteral("bad-allow-entry"),
                QStringLiteral("allowed host \"%1\" is not valid: %2").arg(entry, why),
                QStringLiteral("Use a host name, *.domain, *, an IP address or a range like 10.0.0.0/8.")};
        };
        if (entry == QStringLiteral("*")) {
            list.m_anyHost = true;
        } else if (entry.contains(QLatin1Char('/'))) {
            const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(entry);
            if (subnet.first.isNull() || subnet.second < 0)
                return invalid(QStringLiteral("not an address range"));
            list.m_subnets.append(subnet);
        } else if (const QHostAddress address(entry); !address.isNull()) {
            list.m_subnets.append({address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128});
        } else if (entry.startsWith(QStringLiteral("*."))) {
            const QString domain = normalisedName(entry.mid(2));
            if (domain.isEmpty())
                return invalid(QStringLiteral("not a domain after \"*.\""));
            list.m_suffixes.append(QLatin1Char('.') + domain);
        } else {
            const QString name = normalisedName(entry);
            if (name.isEmpty())
                return invalid(QStringLiteral("not a host name"));
            list.m_names.append(name);
        }
        list.m_entries.append(entry);
    }
    return list;
}

bool StreamAllowList::addressAllowedExplicitly(const QHostAddress& address) const {
    const QHostAddress inner = embeddedIPv4(address);
    for (const QPair<QHostAddress, int>& subnet : m_subnets) {
        if (address.isInSubnet(subnet) || inner.isInSubnet(subnet))
            return true;
    }
    return false;
}

bool StreamAllowList::nameMatches(const QString& host) const {
    const QString name = normalisedName(host);
    if (name.isEmpty())
        return false;
    if (m_names.contains(name))
        return true;
    for (const QString& suffix : m_suffixes) {
        if (name.endsWith(suffix))
            return true;
    }
    return false;
}

Status StreamAllowList::checkAddress(const QString& host, const QHostAddress& address, bool byName) const {
    if (addressAllowedExplicitly(address))
        return {};
    const AddressClass kind = classifyAddress(address);
    if (kind == AddressClass::Public && (byName || m_anyHost))
        return {};
    if (!byName && !m_anyHost)
        return refusal("host-not-allowed", QStringLiteral("%1 is not in the allowed hosts").arg(host));
    return refusal("address-not-allowed",
                   byName
                       ? QStringLiteral("%1 resolves to %2, a %3 address; allow that address or range if "
                                        "this is intended")
                             .arg(host, address.toString(), addressClassName(kind))
                       : QStringLiteral("%1 is a %2 address; allow that address or range if this is intended")
                             .arg(host, addressClassName(kind)));
}

std::optional<Status> StreamAllowList::checkWithoutLookup(const QUrl& url) const {
    const QString scheme = url.scheme().toLower();
    if (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))
        return Status(Error{QStringLiteral("not-http"), QStringLiteral("only http(s) stream URLs"), {}});
    const QString host = url.host(QUrl::FullyEncoded);
    if (host.isEmpty())
        return Status(refusal("host-not-allowed", QStringLiteral("the URL has no host")));
    if (const QHostAddress literal(host); !literal.isNull())
        return std::optional<Status>(std::in_place, checkAddress(host, literal, false));
    if (!m_anyHost && !nameMatches(host))
        return Status(
            refusal("host-not-allowed", QStringLiteral("%1 is not in the allowed hosts").arg(host)));
    return std::nullopt;
}

Status StreamAllowList::checkAddresses(const QString& host, const QList<QHostAddress>& addresses) const {
    if (addresses.isEmpty())
        return Error{QStringLiteral("host-unresolved"),
                     QStringLiteral("the stream host %1 does not resolve").arg(host),
                     {}};
    for (const QHostAddress& address : addresses) {
        if (const Status refused = checkAddress(host, address, true); !refused.ok())
            return refused;
    }
    return {};
}

void StreamAllowList::check(const QUrl& url, int timeoutMs, QObject* context,
                            std::function<void(Status)> done) const {
    if (std::optional<Status> immediate = checkWithoutLookup(url)) {
        done(*immediate);
        return;
    }
    struct Lookup {
        std::function<void(Status)> done;
        int id = -1;
        bool finished = false;
    };
    auto lookup = std::make_shared<Lookup>();
    lookup->done = std::move(done);
    const QString host = url.host(QUrl::FullyEncoded);
    const StreamAllowList rules = *this;
    QTimer::singleShot(qMax(1, timeoutMs), context, [lookup, host, timeoutMs] {
        if (lookup->finished)
            return;
        lookup->finished = true;
        QHostInfo::abortHostLookup(lookup->id);
        lookup->done(
            Error{QStringLiteral("dns-timeout"),
                  QStringLiteral("the stream host %1 did not resolve within %2 ms").arg(host).arg(timeoutMs),
                  {}});
    });
    lookup->id = QHostInfo::lookupHost(host, context, [lookup, host, rules](const QHostInfo& info) {
        if (lookup->finished)
            return;
        lookup->finished = true;
        lookup->done(rules.checkAddresses(host, info.error() == QHostInfo::NoError ? info.addresses()
                                                                                   : QList<QHostAddress>()));
    });
}

Status StreamAllowList::checkNow(const QUrl& url, int timeoutMs) const {
    if (std::optional<Status> immediate = checkWithoutLookup(url))
        return *immediate;
    QEventLoop loop;
    std::optional<Status> verdict;
    check(url, timeoutMs, &loop, [&](Status answer) {
        verdict = std::move(answer);
        loop.quit();
    });
    if (!verdict)
        loop.exec();
    return verdict.value_or(Status(Error{QStringLiteral("dns-timeout"), QStringLiteral("no answer"), {}}));
}

} // namespace avld
