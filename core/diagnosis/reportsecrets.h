#pragma once

#include "diagnosisinput.h"

#include <QStringList>

namespace avld {

// What must never appear in a report, known from what was gathered: the stand-in's secret prefix (in its
// URL, and in the site's Encoder URL when that points at it), the password hash and session id AVideo
// returned at sign-in. Everything a report prints passes through redactSecrets() as well, in case a message
// quoted one.
QStringList reportSecrets(const DiagnosisInput& input);
QString redactSecrets(QString text, const QStringList& secrets);

} // namespace avld
