#include "liveplugininfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace avld {

namespace {

bool truthy(const QJsonValue& v) {
    if (v.isObject()) // a select option: {"type": [...], "value": …}
        return truthy(v.toObject().value(QStringLiteral("value")));
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    const QString s = v.toString().trimmed().toLower();
    return !s.isEmpty() && s != QStringLiteral("0") && s != QStringLiteral("false");
}

QUrl httpUrl(const QJsonValue& v) {
    const QUrl url(v.toString().trimmed());
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
        return {};
    return url;
}

// installedPlugin.object_data as stored (addcslashes()'d JSON), read the way getDataObject() reads it.
QJsonObject storedOptions(const QJsonObject& row) {
    const QString raw = row.value(QStringLiteral("installedPlugin"))
                            .toObject()
                            .value(QStringLiteral("object_data"))
                            .toString();
    if (raw.isEmpty())
        return {};
    for (const QString& text : {LivePluginInfo::stripSlashes(raw), raw}) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && doc.isObject())
            return doc.object();
    }
    return {};
}

bool isLiveRow(const QJsonObject& row) {
    const QString uuid = row.value(QStringLiteral("uuid")).toString();
    if (!uuid.isEmpty())
        return uuid == QLatin1String(LivePluginInfo::kUuid);
    return row.value(QStringLiteral("name")).toString() == QStringLiteral("Live");
}

} // namespace

QString LivePluginInfo::stripSlashes(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('\\')) {
            out += text.at(i);
            continue;
        }
        if (++i < text.size())
            out += text.at(i) == QLatin1Char('0') ? QChar() : text.at(i);
    }
    return out;
}

Result<LivePluginInfo> LivePluginInfo::fromPluginsAvailable(const QJsonDocument& json) {
    const QJsonValue rows = json.object().value(QStringLiteral("rows"));
    if (!rows.isArray())
        return Error{
            QStringLiteral("bad-answer"),
            QStringLiteral("the plugin list (%1) has no \"rows\" array").arg(QLatin1String(kEndpoint)),
            {}};
    for (const QJsonValue& value : rows.toArray()) {
        const QJsonObject row = value.toObject();
        if (!isLiveRow(row))
            continue;
        // What AVideo uses: the merged options; the stored JSON when an older answer lacks them.
        QJsonObject options = row.value(QStringLiteral("data_object")).toObject();
        if (options.isEmpty())
            options = storedOptions(row);
        LivePluginInfo info;
        info.playerServer = httpUrl(options.value(QStringLiteral("playerServer")));
        info.statUrl = httpUrl(options.value(QStringLiteral("stats")));
        info.protectLive = truthy(options.value(QStringLiteral("protectLive")));
        info.useAdaptiveMode = truthy(options.value(QStringLiteral("useAadaptiveMode")));
        info.useLiveServers = truthy(options.value(QStringLiteral("useLiveServers")));
        if (row.contains(QStringLiteral("enabled")))
            info.enabled = truthy(row.value(QStringLiteral("enabled")));
        return info;
    }
    return Error{QStringLiteral("no-live-plugin"),
                 QStringLiteral("the site's plugin list has no Live plugin"),
                 QStringLiteral("Install and enable AVideo's Live plugin.")};
}

} // namespace avld
