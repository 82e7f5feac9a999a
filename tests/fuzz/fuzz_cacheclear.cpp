// objects/configurationClearCache.json.php's answer (CacheClearReport::fromJson). The first byte picks the
// clear that was asked for, the rest is the answer.
#include "fuzzinput.h"
#include "site/cacheclear.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    if (size == 0)
        return 0;
    const auto mode = CacheClearMode(data[0] % 3);
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(fuzz::bytesOf(data + 1, size - 1), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const Result<CacheClearReport> report = CacheClearReport::fromJson(json, mode);
    if (report)
        (void)report->describe();
    (void)cacheClearModeName(mode);
    return 0;
}
