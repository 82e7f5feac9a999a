#include "clisignin.h"

#include "session/sitesession.h"
#include "siteoptions.h"
#include "terminaltext.h"

#include <cstdio>

namespace avld {

void signInForCommand(SiteSession& session, const QString& user, const QString& command,
                      std::function<void(Result<LoginInfo>)> done) {
    std::optional<QString> password = SiteOptions::presetPassword();
    session.setPasswordPrompt([user] { return SiteOptions::readPassword(user); });
    // Only for this sign-in: later checks read the Encoder URL again and must not call `done` twice.
    auto* scope = new QObject(&session);
    auto finish = std::make_shared<std::function<void(Result<LoginInfo>)>>(std::move(done));
    QObject::connect(&session, &SiteSession::signInNotRemembered, scope, [command](const Error& problem) {
        std::fprintf(stderr,
                     "%s: note: the password hash was not kept, so you will be asked again next time: %s\n",
                     safePrintable(command), safePrintable(problem.toString()));
    });
    QObject::connect(&session, &SiteSession::livePluginRead, scope, [command](const Status& problem) {
        if (!problem.ok())
            std::fprintf(stderr, "%s: the Live plugin's options: %s\n", safePrintable(command),
                         safePrintable(problem.error().toString()));
    });
    QObject::connect(&session, &SiteSession::opened, scope,
                     [&session, scope, finish](const LoginInfo& login) {
                         scope->deleteLater();
                         QObject::disconnect(&session, nullptr, scope, nullptr);
                         (*finish)(login);
                     });
    QObject::connect(&session, &SiteSession::signInFailed, scope,
                     [&session, scope, finish](const Error& error) {
                         scope->deleteLater();
                         QObject::disconnect(&session, nullptr, scope, nullptr);
                         (*finish)(error);
                     });
    session.signIn(user, std::move(password));
}

} // namespace avld
