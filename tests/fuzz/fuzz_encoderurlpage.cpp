// The admin's view/configurations.php page, where the site shows its encoder URL
// (encoderUrlFromConfigurationsPage).
#include "fuzzinput.h"
#include "site/encoderurlpage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const Result<QUrl> url = encoderUrlFromConfigurationsPage(fuzz::bytesOf(data, size));
    if (!url)
        return 0;
    const QString scheme = url->scheme();
    if (url->host().isEmpty() || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https")))
        __builtin_trap(); // the parser promises an http(s) URL with a host
    return 0;
}
