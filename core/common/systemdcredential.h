#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace avld {

// A secret handed over by systemd (LoadCredential=NAME:FILE in a unit): systemd puts it in a private folder
// named by $CREDENTIALS_DIRECTORY, readable by the service alone, so it is never on a command line or in
// the environment. Empty path / nothing when not run that way or when the credential is absent.
QString systemdCredentialPath(const QString& name);
// The credential's first line (trailing newline and spaces dropped); nothing when absent or empty.
std::optional<QString> systemdCredentialLine(const QString& name);

} // namespace avld
