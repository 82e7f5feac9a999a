// objects/status.json.php's answer (SiteStatus::fromJson), read as JSON first as the site client does.
#include "fuzzinput.h"
#include "site/sitestatus.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const QJsonDocument json = QJsonDocument::fromJson(fuzz::bytesOf(data, size));
    const Result<SiteStatus> status = SiteStatus::fromJson(json);
    if (status)
        (void)(status->version.size() + status->title.size());
    else
        (void)status.error().toString();
    return 0;
}
