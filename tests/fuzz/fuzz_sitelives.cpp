// The site's lives list: plugin/Live/stats.json.php or the API plugin's livestreams (parseSiteLives), read
// as JSON first as the site client does.
#include "fuzzinput.h"
#include "site/sitelive.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    static const QUrl site(QStringLiteral("https://site.example/avideo/"));
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(fuzz::bytesOf(data, size), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const Result<QList<SiteLive>> lives = parseSiteLives(json, site);
    if (!lives)
        return 0;
    for (const SiteLive& live : *lives) {
        if (live.key.isEmpty())
            __builtin_trap(); // entries without a key are skipped
        (void)live.watchUrl.toString();
        (void)live.posterUrl.toString();
    }
    return 0;
}
