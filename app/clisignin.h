#pragma once

#include "site/siteclient.h"

namespace avld {

class SecretStore;

// How a headless command signs in: the password in $AVLD_PASSWORD first, then the password hash kept in
// the keychain by an earlier sign-in, then a prompt on the terminal. A hash that could not be kept (no
// keychain) is noted once on stderr. `command` prefixes the messages.
void signInForCommand(SiteClient& site, SecretStore& secrets, const QString& user, const QString& command,
                      std::function<void(Result<LoginInfo>)> done);

} // namespace avld
