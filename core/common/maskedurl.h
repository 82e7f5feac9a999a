#pragma once

#include <QString>
#include <QUrl>

namespace avld {

// A URL for a screen or a message: every path segment that looks like a secret (12 or more letters, digits,
// '-' or '_', with at least one digit and one letter, as the stand-in's prefixes are) shown as "••••••••",
// user info, query and fragment dropped; a URL without such a segment is shown whole.
QString maskedUrl(const QUrl& url);

} // namespace avld
