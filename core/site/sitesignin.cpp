#include "sitesignin.h"

#include "logging.h"

#include <QPointer>

namespace avld {

SiteSignIn::SiteSignIn(SiteClient& site, SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_site(site)
    , m_secrets(secrets) {}

QString SiteSignIn::hashKey(const QString& user) const {
    return m_site.profile().secretKey(QStringLiteral("passwordHash/") + user);
}

void SiteSignIn::signIn(const QString& user, std::optional<QString> password, PasswordSource ask,
                        std::function<void(Result<Outcome>)> done) {
    if (password)
        return withPassword(user, *password, std::move(done));
    QPointer<SiteSignIn> self(this);
    m_secrets.read(hashKey(user), [this, self, user, ask = std::move(ask),
                                   done = std::move(done)](Result<QString> hash) mutable {
        if (!self)
            return;
        auto askForPassword = [this, user, ask = std::move(ask), done]() {
            Result<QString> typed =
                ask ? ask()
                    : Result<QString>(
                          Error{QStringLiteral("no-password"), QStringLiteral("no password given"), {}});
            if (!typed)
                return done(typed.error());
            withPassword(user, *typed, done);
        };
        if (!hash || hash->isEmpty()) {
            if (!hash && hash.error().code != QStringLiteral("not-found"))
                qCDebug(lcSite) << "no stored password hash:" << hash.error().message;
            return askForPassword();
        }
        m_site.loginWithHash(
            user, *hash, [this, self, user, askForPassword, done](Result<LoginInfo> login) mutable {
                if (!self)
                    return;
                if (login)
                    return done(Outcome{.login = *login, .usedStoredHash = true, .storeProblem = {}});
                if (login.error().code != QStringLiteral("wrong-credentials"))
                    return done(login.error());
                qCInfo(lcSite) << "the stored password hash for" << user << "no longer works; forgetting it";
                m_secrets.remove(hashKey(user), [askForPassword](Status) { askForPassword(); });
            });
    });
}

void SiteSignIn::withPassword(const QString& user, const QString& password,
                              std::function<void(Result<Outcome>)> done) {
    QPointer<SiteSignIn> self(this);
    m_site.login(user, password, [this, self, user, done = std::move(done)](Result<LoginInfo> login) {
        if (!self)
            return;
        if (!login)
            return done(login.error());
        if (login->passwordHash.isEmpty())
            return done(Outcome{.login = *login, .usedStoredHash = false, .storeProblem = {}});
        const LoginInfo info = *login;
        m_secrets.write(hashKey(user), info.passwordHash, [info, done](Status stored) {
            done(Outcome{.login = info, .usedStoredHash = false, .storeProblem = stored});
        });
    });
}

void SiteSignIn::forget(const QString& user, std::function<void(Status)> done) {
    m_secrets.remove(hashKey(user), [done = std::move(done)](Status removed) {
        if (!removed.ok() && removed.error().code == QStringLiteral("not-found"))
            return done({});
        done(removed);
    });
}

} // namespace avld
