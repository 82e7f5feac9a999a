#include "siteaccounts.h"

#include "simrequest.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace avld::test {

SiteAccounts::SiteAccounts() {
    m_groups.append({.id = 1, .name = QStringLiteral("Cache keepers"), .permissionCache = true});
    addUser({.user = QStringLiteral("admin"),
             .password = QStringLiteral("admin123"),
             .name = QStringLiteral("Site Admin"),
             .isAdmin = true,
             .canStream = true,
             .canUpload = true});
    addUser({.user = QStringLiteral("streamer"),
             .password = QStringLiteral("streamer123"),
             .name = QStringLiteral("Streamer"),
             .canStream = true,
             .canUpload = true});
    addUser({.user = QStringLiteral("viewer"),
             .password = QStringLiteral("viewer123"),
             .name = QStringLiteral("Viewer")});
    addUser({.user = QStringLiteral("cachekeeper"),
             .password = QStringLiteral("cache123"),
             .name = QStringLiteral("Cache Keeper"),
             .groups = {1}});
}

SimulatedUser SiteAccounts::addUser(SimulatedUser user) {
    for (SimulatedUser& existing : m_users) {
        if (existing.user == user.user) {
            user.id = existing.id;
            existing = std::move(user);
            return existing;
        }
    }
    if (user.id == 0)
        user.id = m_nextUserId;
    m_nextUserId = qMax(m_nextUserId, user.id + 1);
    m_users.append(std::move(user));
    return m_users.last();
}

const SimulatedUser* SiteAccounts::byName(const QString& user) const {
    for (const SimulatedUser& u : m_users) {
        if (u.user == user)
            return &u;
    }
    return nullptr;
}

const SimulatedUser* SiteAccounts::byId(int id) const {
    for (const SimulatedUser& u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

QString SiteAccounts::passwordHash(const QString& password) {
    return QString::fromLatin1(
        QCryptographicHash::hash(("avld:" + password).toUtf8(), QCryptographicHash::Sha256).toHex());
}

const SimulatedUser* SiteAccounts::checkCredentials(const QString& user, const QString& pass,
                                                    bool encodedPass) const {
    const SimulatedUser* found = byName(user);
    if (!found || pass.isEmpty())
        return nullptr;
    const QString expected = passwordHash(found->password);
    const bool ok = encodedPass ? pass == expected : passwordHash(pass) == expected;
    return ok ? found : nullptr;
}

bool SiteAccounts::canClearCache(const SimulatedUser& user) const {
    if (user.isAdmin)
        return true;
    for (const SimulatedGroup& group : m_groups) {
        if (group.permissionCache && user.groups.contains(group.id))
            return true;
    }
    return false;
}

QString SiteAccounts::createSession(int usersId) {
    // PHP's default session ids: 26 characters of [0-9a-v] (session.sid_bits_per_character = 5).
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuv";
    QString id;
    do {
        id.clear();
        for (int i = 0; i < 26; ++i)
            id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]));
    } while (m_sessions.contains(id));
    m_sessions.insert(id, usersId);
    return id;
}

QString SiteAccounts::requestSession(const SimRequest& request) {
    const QString fromGet = request.get(QStringLiteral("PHPSESSID"));
    return fromGet.isEmpty() ? request.cookie(QStringLiteral("PHPSESSID")) : fromGet;
}

const SimulatedUser* SiteAccounts::caller(const SimRequest& request, bool apiEntry) const {
    const SimulatedUser* fromSession = byId(sessionUser(requestSession(request)));
    if (fromSession && !apiEntry)
        return fromSession;
    QString pass = request.param(QStringLiteral("pass"));
    if (pass.isEmpty() && apiEntry)
        pass = request.param(QStringLiteral("password")); // the API plugin accepts either name
    const QString encoded = request.param(QStringLiteral("encodedPass"));
    const bool encodedPass =
        !encoded.isEmpty() && encoded != QStringLiteral("0") && encoded != QStringLiteral("false");
    if (const SimulatedUser* fromRequest =
            checkCredentials(request.param(QStringLiteral("user")), pass, encodedPass))
        return fromRequest;
    return fromSession;
}

} // namespace avld::test
