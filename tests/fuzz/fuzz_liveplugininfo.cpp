// objects/pluginsAvailable.json.php: the Live plugin's options, in data_object or in the stored,
// slash-escaped object_data (LivePluginInfo::fromPluginsAvailable, stripSlashes).
#include "fuzzinput.h"
#include "site/liveplugininfo.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const QString stripped = LivePluginInfo::stripSlashes(QString::fromUtf8(bytes));
    if (stripped.size() > QString::fromUtf8(bytes).size())
        __builtin_trap(); // removing escapes never makes a text longer
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const Result<LivePluginInfo> info = LivePluginInfo::fromPluginsAvailable(json);
    if (info)
        (void)info->playerServer.toString();
    return 0;
}
