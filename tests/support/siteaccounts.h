#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace avld::test {

class SimRequest;

// A row of AVideo's `users` table, as far as the simulated endpoints need it.
struct SimulatedUser {
    int id = 0;
    QString user{};
    QString password{}; // clear text, for tests and the demo's printout
    QString name{};
    bool isAdmin = false;
    bool canStream = false;
    bool canUpload = false;
    QList<int> groups{}; // users_groups ids
};

// A row of `users_groups`, with the Permissions plugin's permissions given to it.
struct SimulatedGroup {
    int id = 0;
    QString name{};
    bool permissionCache = false; // Permissions::PERMISSION_CACHE
};

// The users, groups and PHP sessions of the simulated site (avideo-protocol.md §5).
class SiteAccounts {
public:
    // Seeds the four accounts the simulator promises: admin/admin123 (admin, can stream),
    // streamer/streamer123 (can stream), viewer/viewer123 (neither), cachekeeper/cache123 (a group with
    // PERMISSION_CACHE).
    SiteAccounts();

    // Adds a user (id assigned when 0) and returns it as stored; an existing name is replaced.
    SimulatedUser addUser(SimulatedUser user);
    const SimulatedUser* byName(const QString& user) const;
    const SimulatedUser* byId(int id) const;
    QList<SimulatedUser> users() const { return m_users; }
    QList<SimulatedGroup> groups() const { return m_groups; }

    // The `pass` login.json.php returns and `encodedPass=1` accepts. AVideo stores
    // md5(whirlpool(sha1(password))); Qt has no whirlpool, and nothing outside the site ever computes the
    // hash itself (clients only echo what login returned), so the simulator uses
    // hex(sha256("avld:"+password)).
    static QString passwordHash(const QString& password);
    // User::login(): clear password, or the stored hash with encodedPass.
    const SimulatedUser* checkCredentials(const QString& user, const QString& pass, bool encodedPass) const;

    // Permissions::canClearCache(): admins always, else a group with PERMISSION_CACHE.
    bool canClearCache(const SimulatedUser& user) const;

    // PHP sessions: PHPSESSID -> users_id (0 for a session without login).
    QString createSession(int usersId);
    bool hasSession(const QString& id) const { return m_sessions.contains(id); }
    int sessionUser(const QString& id) const { return m_sessions.value(id, 0); }
    void setSessionUser(const QString& id, int usersId) { m_sessions.insert(id, usersId); }
    int sessionCount() const { return int(m_sessions.size()); }
    // Forgets every session, as a site whose session store was emptied (or that restarted) does.
    void dropSessions() { m_sessions.clear(); }
    // The session the request carries: cookie PHPSESSID, or ?PHPSESSID= which _session_start() adopts (§5).
    static QString requestSession(const SimRequest& request);
    // Who is calling (§5): the session's user; when the session has none, the request's user + pass
    // (+ encodedPass), as User::loginFromRequestIfNotLogged() does when Live.php loads. On the API entry
    // points (`apiEntry`) valid request credentials win over the session, as the newest code allows there.
    // Null for an anonymous caller.
    const SimulatedUser* caller(const SimRequest& request, bool apiEntry = false) const;

private:
    QList<SimulatedUser> m_users;
    QList<SimulatedGroup> m_groups;
    QHash<QString, int> m_sessions;
    int m_nextUserId = 1;
};

} // namespace avld::test
