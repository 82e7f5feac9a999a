#pragma once

#include "site/siteclient.h"

namespace avld {

class SiteSession;

// How a headless command signs in, with the same session the window uses: the password in $AVLD_PASSWORD
// first, then the password hash kept in the keychain by an earlier sign-in, then a prompt on the terminal.
// `done` runs once the session has read what the login lets it (SiteSession::opened: for an admin, the
// site's Encoder URL and the Live plugin's options), or with the sign-in's error. A hash that could not be
// kept (no keychain) and a Live plugin that could not be read are noted on stderr, prefixed by `command`.
void signInForCommand(SiteSession& session, const QString& user, const QString& command,
                      std::function<void(Result<LoginInfo>)> done);

} // namespace avld
