#include "clisignin.h"

#include "site/sitesignin.h"
#include "siteoptions.h"

#include <cstdio>

namespace avld {

void signInForCommand(SiteClient& site, SecretStore& secrets, const QString& user, const QString& command,
                      std::function<void(Result<LoginInfo>)> done) {
    auto* signIn = new SiteSignIn(site, secrets, &site);
    std::optional<QString> password;
    if (const QByteArray fromEnvironment = qgetenv("AVLD_PASSWORD"); !fromEnvironment.isEmpty())
        password = QString::fromUtf8(fromEnvironment);
    signIn->signIn(
        user, password, [user] { return SiteOptions::readPassword(user); },
        [signIn, command, done = std::move(done)](Result<SiteSignIn::Outcome> outcome) {
            signIn->deleteLater();
            if (!outcome)
                return done(outcome.error());
            if (outcome->storeProblem)
                std::fprintf(stderr,
                             "%s: note: the password hash was not kept, so you will be "
                             "asked again next time: %s\n",
                             qPrintable(command), qPrintable(outcome->storeProblem->toString()));
            done(outcome->login);
        });
}

} // namespace avld
