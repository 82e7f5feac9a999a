#pragma once

#include "result.h"

#include <QByteArray>
#include <QUrl>

namespace avld {

// Reads the site's configured encoder URL (configurations.encoderURL, §2.1) from the admin's Site
// Configurations page, view/configurations.php. No JSON endpoint returns it; the page shows it only to an
// admin session, in the form field `<input id="encoder_url" … value="…">`.
//
// Errors: "not-admin" when the page has no such field (the session is not an admin's, or the site hides
// advanced configurations), "bad-answer" when the value is not an http(s) URL.
Result<QUrl> encoderUrlFromConfigurationsPage(const QByteArray& html);

} // namespace avld
