#include "sitelive.h"

#include "remotetext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace avld {

namespace {

QUrl resolved(const QUrl& site, const QString& value) {
    if (value.trimmed().isEmpty())
        return {};
    return site.resolved(QUrl(value.trimmed()));
}

bool truthy(const QJsonValue& v) {
    return v.isBool() ? v.toBool()
                      : (v.toVariant().toString() == QStringLiteral("1") ||
                         v.toVariant().toString() == QStringLiteral("true"));
}

} // namespace

Result<QList<SiteLive>> parseSiteLives(const QJsonDocument& json, const QUrl& siteUrl) {
    const QJsonObject root = json.object();
    if (!root.value(QStringLiteral("applications")).isArray()) {
        return Error{
            QStringLiteral("bad-answer"),
            QStringLiteral("the lives list has no \"applications\" array (the Live plugin may be disabled)"),
            QStringLiteral("Enable the Live plugin, or check that the URL is the AVideo root.")};
    }
    QList<SiteLive> lives;
    for (const QJsonValue& value : root.value(QStringLiteral("applications")).toArray()) {
        const QJsonObject a = value.toObject();
        SiteLive live;
        live.key = a.value(QStringLiteral("key")).toString();
        if (live.key.isEmpty())
            continue; // an entry without a key cannot be matched to a stream
        live.liveServersId = a.value(QStringLiteral("live_servers_id")).toVariant().toInt();
        live.title = RemoteText::clean(a.value(QStringLiteral("title")).toString());
        live.usersId = a.value(QStringLiteral("users_id")).toVariant().toLongLong();
        live.userName = RemoteText::clean(a.value(QStringLiteral("name")).toString());
        live.watchUrl = resolved(
            siteUrl, a.value(QStringLiteral("href")).toString(a.value(QStringLiteral("link")).toString()));
        live.posterUrl = resolved(siteUrl, a.value(QStringLiteral("poster")).toString());
        live.gifUrl = resolved(siteUrl, a.value(QStringLiteral("imgGif")).toString());
        live.m3u8Url = resolved(siteUrl, a.value(QStringLiteral("m3u8")).toString());
        live.type = a.value(QStringLiteral("type")).toString(QStringLiteral("live"));
        live.isPrivate = truthy(a.value(QStringLiteral("isPrivate")));
        if (a.contains(QStringLiteral("isLiveAndIsReadyFromKey")))
            live.isReady = truthy(a.value(QStringLiteral("isLiveAndIsReadyFromKey")));
        lives.append(live);
    }
    return lives;
}

} // namespace avld
