#pragma once

#include "result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QObject;

namespace avld {

// Which stream hosts the generator may fetch from, so that it never becomes an open proxy into the
// operator's network. Entries, one per string:
//   media.example.com     that host name (case-insensitive)
//   *.example.com         any name below example.com (not example.com itself)
//   *                     any host name or IP literal whose addresses are all public
//   203.0.113.7, ::1      that address
//   10.0.0.0/8, fd00::/8  that range
// A URL passes when its host matches a name entry and every address the name resolves to is public or lies
// in an address entry, or when its host is an IP literal inside an address entry (or public, with "*").
// Loopback, private, link-local, unspecified, multicast and reserved addresses (see AddressClass) pass only
// by an address entry: a public name that resolves inward (DNS rebinding) is refused.
//
// Refusals are Errors with code "host-not-allowed" (no entry matches) or "address-not-allowed" (the name
// resolves inward), message "host not allowed" and the detail in the hint; a name that does not resolve is
// "host-unresolved", a lookup past its time "dns-timeout".
class StreamAllowList {
public:
    StreamAllowList() = default;
    // Fails on the first entry that is not a name, address, range or wildcard.
    static Result<StreamAllowList> fromEntries(const QStringList& entries);

    QStringList entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }

    // The decision when no lookup is needed (non-http URLs, IP literals, names no entry matches); nullopt
    // when the host name must be resolved first.
    std::optional<Status> checkWithoutLookup(const QUrl& url) const;
    // The decision for a name entry's host once its addresses are known.
    Status checkAddresses(const QString& host, const QList<QHostAddress>& addresses) const;
    // Everything: resolves when needed (QHostInfo, asynchronous, at most `timeoutMs`). `done` runs once, on
    // `context`'s thread; at once (before check() returns) when no lookup is needed. Nothing runs after
    // `context` is gone.
    void check(const QUrl& url, int timeoutMs, QObject* context, std::function<void(Status)> done) const;
    // The same, blocking: for a thread that must answer before it goes on (libavformat's io_open on a
    // decoding thread). Runs a local event loop for the lookup; never call it on the GUI thread.
    Status checkNow(const QUrl& url, int timeoutMs) const;

    bool addressAllowedExplicitly(const QHostAddress& address) const;
    bool nameMatches(const QString& host) const;

private:
    Status checkAddress(const QString& host, const QHostAddress& address, bool byName) const;

    QStringList m_entries;
    QStringList m_names;    // lower-case ACE, no trailing dot
    QStringList m_suffixes; // ".example.com" for "*.example.com"
    bool m_anyHost = false;
    QList<QPair<QHostAddress, int>> m_subnets;
};

} // namespace avld
