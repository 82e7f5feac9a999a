#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QUrl>

namespace avld {

// One answer of an AVideo site, as SiteRequester received it.
struct SiteReply {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QUrl url;
    qint64 elapsedMs = 0;
};

// What an answer means before anyone uses it: pure functions of what the site sent (no network), so that
// they are fuzzed (tests/fuzz) like every parser of remote input.

// The HTTP and body-level refusals AVideo uses (and those of what stands in front of it), as errors a person
// can act on; nullopt when the reply is a success.
Status refusalOfSiteReply(const SiteReply& reply);
// The JSON of an answer, or why there is none (an HTML page, an empty body, broken JSON).
Result<QJsonDocument> jsonOfSiteReply(const SiteReply& reply);
// The <title> of an HTML page, simplified; empty when there is none in its first 4 KiB.
QString htmlTitle(const QByteArray& body);
bool looksLikeHtml(const QByteArray& body, const QByteArray& contentType);

} // namespace avld
