// A live's watch page, where the visitors' player names the HLS URL (WatchPage::hlsUrl), and the player
// server read back from that URL (WatchPage::playerServerOf).
#include "fuzzinput.h"
#include "site/watchpage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    static const QUrl page(QStringLiteral("https://videos.example.org/live/0/alice"));
    const Result<QUrl> hls = WatchPage::hlsUrl(fuzz::bytesOf(data, size), page);
    if (!hls)
        return 0;
    const QString scheme = hls->scheme();
    if (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))
        __builtin_trap(); // the page's URL is only taken when it is http(s)
    (void)WatchPage::isThroughSite(*hls);
    (void)WatchPage::playerServerOf(*hls, QStringLiteral("a1b2c3"));
    (void)WatchPage::playerServerOf(*hls, QString());
    return 0;
}
