#include "liveurls.h"

#include <QUrlQuery>

namespace avld::test {

namespace {
constexpr auto kPrefix = "avld-sim|";
}

QUrl LiveUrls::playerPlaylist(const QUrl& playerServer, const QString& key) {
    QString base = playerServer.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QLatin1Char('/') + key + QStringLiteral("/index.m3u8"));
}

QUrl LiveUrls::m3u8(const QUrl& siteUrl, const QUrl& playerServer, const QString& key, int liveServersId,
                    bool protectLive) {
    if (!protectLive)
        return playerPlaylist(playerServer, key);
    QUrl url = siteUrl.resolved(QUrl(QStringLiteral("plugin/Live/m3u8.php")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("live_servers_id"), QString::number(liveServersId));
    query.addQueryItem(QStringLiteral("uuid"), QString::fromLatin1(QUrl::toPercentEncoding(encryptKey(key))));
    url.setQuery(query);
    return url;
}

QString LiveUrls::posterRelative(const QString& user, int liveServersId, const QString& format,
                                 int playlistsIdLive, const QString& liveIndex) {
    return QStringLiteral(
               "plugin/Live/getImage.php?live_servers_id=%1&playlists_id_live=%2&live_index=%3&u=%4"
               "&format=%5")
        .arg(liveServersId)
        .arg(playlistsIdLive)
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(liveIndex)),
             QString::fromLatin1(QUrl::toPercentEncoding(user)), format);
}

QString LiveUrls::encryptKey(const QString& key) {
    return QString::fromLatin1(
        (kPrefix + key.toUtf8()).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QString> LiveUrls::decryptKey(const QString& uuid) {
    const auto decoded = QByteArray::fromBase64Encoding(
        uuid.trimmed().toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(kPrefix))
        return std::nullopt;
    return QString::fromUtf8(decoded.decoded.mid(qsizetype(qstrlen(kPrefix))));
}

} // namespace avld::test
