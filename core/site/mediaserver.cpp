#include "mediaserver.h"

namespace avld {

QString mediaSourceName(MediaSource source) {
    switch (source) {
    case MediaSource::User:
        return QStringLiteral("user");
    case MediaSource::Site:
        return QStringLiteral("site");
    case MediaSource::Admin:
        return QStringLiteral("admin");
    case MediaSource::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

MediaSource mediaSourceFromName(const QString& name) {
    for (MediaSource s : {MediaSource::User, MediaSource::Site, MediaSource::Admin})
        if (mediaSourceName(s) == name)
            return s;
    return MediaSource::Unknown;
}

namespace {
QString fromWhom(MediaSource source) {
    switch (source) {
    case MediaSource::User:
        return QStringLiteral("as you gave it");
    case MediaSource::Site:
        return QStringLiteral("from the site's watch pages");
    case MediaSource::Admin:
        return QStringLiteral("from the Live plugin's options");
    case MediaSource::Unknown:
        break;
    }
    return {};
}
} // namespace

QString MediaServer::describe() const {
    QString streams;
    if (!playerServer.isEmpty())
        streams = QStringLiteral("streams %1 (%2)").arg(playerServer.toString(), fromWhom(playerServerFrom));
    else if (throughSite)
        streams = QStringLiteral("streams through the site's plugin/Live/m3u8.php (protectLive, %1)")
                      .arg(fromWhom(MediaSource::Site));
    else
        streams = QStringLiteral("streams: address unknown");
    const QString stat =
        statUrl.isEmpty() ? QStringLiteral("stat page unknown (--stat, or sign in as an admin)")
                          : QStringLiteral("stat page %1 (%2)").arg(statUrl.toString(), fromWhom(statFrom));
    return streams + QStringLiteral("; ") + stat;
}

QJsonObject MediaServer::toJson() const {
    return {{QStringLiteral("playerServer"), playerServer.toString()},
            {QStringLiteral("playerServerFrom"), mediaSourceName(playerServerFrom)},
            {QStringLiteral("throughSite"), throughSite},
            {QStringLiteral("stat"), statUrl.toString()},
            {QStringLiteral("statFrom"), mediaSourceName(statFrom)}};
}

Error mediaServerUnknown(const QString& why) {
    return Error{QStringLiteral("media-server-unknown"),
                 why.isEmpty() ? QStringLiteral("the media server's address is unknown")
                               : QStringLiteral("the media server's address is unknown: %1").arg(why),
                 QStringLiteral("give --player-server/--stat (or correct them in the site's profile) or "
                                "sign in as an admin")};
}

} // namespace avld
