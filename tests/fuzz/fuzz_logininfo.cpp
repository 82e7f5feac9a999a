// objects/login.json.php's answer (LoginInfo::fromJson), read as JSON first as the site client does.
#include "fuzzinput.h"
#include "site/logininfo.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(fuzz::bytesOf(data, size), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const Result<LoginInfo> info = LoginInfo::fromJson(json.object());
    if (info)
        (void)info->user.size();
    else
        (void)info.error().toString();
    return 0;
}
