#pragma once

#include "generator/standinidentity.h"

namespace avld {

// The stand-in identity kept for `site` (StandinIdentityStore over the app's settings, the desktop keychain
// and, where none runs, an owner-only file), for the headless commands: waits for the keychain up to 30 s.
// Made and kept when the site has none yet; a new prefix when `renewPrefix`.
Result<StandinIdentity> keptStandinIdentity(const QUrl& site, bool renewPrefix);
void keepStandinListen(const QUrl& site, const QString& listen);

// What a command says on stderr about the identity it uses: where the secret is kept, and that AVideo's
// Encoder URL must be set (again) when the secret was made just now.
void describeKeptStandin(const QString& command, const QUrl& site, const StandinIdentity& identity);

} // namespace avld
