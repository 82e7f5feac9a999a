#include "demosite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace avld {

Result<DemoSite> readDemoSite(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("demo-info"),
            QStringLiteral("cannot read the demo site's facts in %1: %2").arg(path, file.errorString()),
            QStringLiteral("Start the demo with scripts/run.sh.")};
    const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
    DemoSite demo;
    demo.profile.id = QStringLiteral("demo");
    demo.profile.displayName = QStringLiteral("Demo site");
    demo.profile.siteUrl = QUrl(info.value(QStringLiteral("site")).toString());
    demo.profile.statUrl = QUrl(info.value(QStringLiteral("stat")).toString());
    // The HLS base is the stream URL without its "/{key}/index.m3u8".
    const QJsonArray streams = info.value(QStringLiteral("streams")).toArray();
    if (!streams.isEmpty()) {
        QString hls = streams.first().toObject().value(QStringLiteral("hls")).toString();
        hls.truncate(hls.lastIndexOf(QLatin1Char('/')));
        hls.truncate(hls.lastIndexOf(QLatin1Char('/')));
        demo.profile.playerServer = QUrl(hls);
    }
    for (const QJsonValue& login : info.value(QStringLiteral("logins")).toArray()) {
        const QJsonObject o = login.toObject();
        if (o.value(QStringLiteral("role")).toString() == QStringLiteral("admin")) {
            demo.adminUser = o.value(QStringLiteral("user")).toString();
            demo.adminPassword = o.value(QStringLiteral("password")).toString();
            break;
        }
    }
    demo.profile.userName = demo.adminUser;
    if (!demo.profile.siteUrl.isValid() || demo.profile.siteUrl.isEmpty() || demo.adminUser.isEmpty())
        return Error{
            QStringLiteral("demo-info"),
            QStringLiteral("%1 does not describe a demo site (no site URL or admin login)").arg(path),
            QStringLiteral("Start the demo with scripts/run.sh.")};
    return demo;
}

} // namespace avld
