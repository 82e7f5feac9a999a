#pragma once

#include "secretstore.h"
#include "siteclient.h"

#include <QObject>

#include <optional>

namespace avld {

// Logs in to a site without keeping the password. After a login with the password, the hash AVideo returns
// (usable with encodedPass=1, §5) goes to the secret store; the next sign-in uses it and asks for no
// password. A stored hash the site refuses (the password was changed) is removed and the password asked.
class SiteSignIn : public QObject {
    Q_OBJECT
public:
    // Asked only when no stored hash works; returns the password or why there is none.
    using PasswordSource = std::function<Result<QString>()>;

    struct Outcome {
        LoginInfo login{};
        bool usedStoredHash = false;
        // Why the returned hash could not be kept (no keychain on this machine): the sign-in still worked.
        Status storeProblem{};
    };

    SiteSignIn(SiteClient& site, SecretStore& secrets, QObject* parent = nullptr);

    // `password` given up front (the user typed it or set AVLD_PASSWORD) is used first and replaces the
    // stored hash; otherwise the stored hash, then `ask`.
    void signIn(const QString& user, std::optional<QString> password, PasswordSource ask,
                std::function<void(Result<Outcome>)> done);
    void forget(const QString& user, std::function<void(Status)> done);

    QString hashKey(const QString& user) const;

private:
    void withPassword(const QString& user, const QString& password,
                      std::function<void(Result<Outcome>)> done);

    SiteClient& m_site;
    SecretStore& m_secrets;
};

} // namespace avld
