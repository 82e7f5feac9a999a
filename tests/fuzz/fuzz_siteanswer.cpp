// A site's answer as SiteRequester judges it (refusalOfSiteReply, jsonOfSiteReply, htmlTitle,
// looksLikeHtml): the first byte picks the HTTP status, the second the Content-Type, the rest is the body.
#include "fuzzinput.h"
#include "site/siteanswer.h"

#include <array>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    static constexpr std::array<int, 16> kStatuses{200, 201, 204, 301, 400, 401, 403, 404,
                                                   405, 418, 429, 500, 502, 503, 504, 0};
    static const std::array<QByteArray, 4> kTypes{"application/json", "text/html; charset=UTF-8",
                                                  "text/plain", QByteArray()};
    if (size < 2)
        return 0;
    SiteReply reply;
    reply.status = kStatuses[data[0] % kStatuses.size()];
    reply.contentType = kTypes[data[1] % kTypes.size()];
    reply.body = fuzz::bytesOf(data + 2, size - 2);
    reply.url = QUrl(QStringLiteral("https://videos.example.org/plugin/Live/stats.json.php"));
    if (const Status refused = refusalOfSiteReply(reply); !refused.ok())
        (void)refused.error().toString();
    const Result<QJsonDocument> json = jsonOfSiteReply(reply);
    if (!json)
        (void)json.error().toString();
    (void)htmlTitle(reply.body);
    (void)looksLikeHtml(reply.body, reply.contentType);
    return 0;
}
