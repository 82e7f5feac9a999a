#include "pluginsavailableendpoint.h"

#include "phpjson.h"
#include "simrequest.h"
#include "siteaccounts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace avld::test {

namespace {

constexpr auto kLiveUuid = "e06b161c-cbd0-4c1d-a484-71018efa2f35";

QString defaultMediaUrl(const QUrl& siteUrl, const QString& path) {
    const bool https = siteUrl.scheme() == QStringLiteral("https");
    return QStringLiteral("%1://%2:%3%4")
        .arg(https ? QStringLiteral("https") : QStringLiteral("http"), siteUrl.host(),
             https ? QStringLiteral("8443") : QStringLiteral("8080"), path);
}

QJsonObject row(int id, const QString& name, const QString& uuid, const QString& description,
                const QJsonObject& dataObject, const QString& storedObjectData) {
    const QJsonObject installed{{QStringLiteral("id"), QString::number(id)},
                                {QStringLiteral("uuid"), uuid},
                                {QStringLiteral("status"), QStringLiteral("active")},
                                {QStringLiteral("object_data"), storedObjectData},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("dirName"), name},
                                {QStringLiteral("pluginversion"), QStringLiteral("1.0")}};
    return {{QStringLiteral("name"), name},
            {QStringLiteral("dir"), name},
            {QStringLiteral("uuid"), uuid},
            {QStringLiteral("description"), description},
            {QStringLiteral("installedPlugin"), installed},
            {QStringLiteral("enabled"), true},
            {QStringLiteral("id"), id},
            {QStringLiteral("data_object"), dataObject},
            {QStringLiteral("data_object_helper"), QJsonObject{}},
            {QStringLiteral("databaseScript"), false},
            {QStringLiteral("pluginMenu"), QString()},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("free")}},
            {QStringLiteral("pluginversion"), QStringLiteral("1.0")},
            {QStringLiteral("pluginversionMarketPlace"), 0},
            {QStringLiteral("pluginversionCompare"), 0},
            {QStringLiteral("permissions"), QJsonArray{}},
            {QStringLiteral("isPluginTablesInstalled"), true}};
}

QHttpServerResponse forbiddenPage() {
    return PhpJson::raw(
        "<!DOCTYPE html>\n<html lang=\"en_US\">\n<head><title>Forbidden &middot; AVideo</title></head>\n"
        "<body><div class=\"alert alert-danger\">You are not allowed to see this page"
        "</div></body>\n</html>\n",
        "text/html; charset=UTF-8");
}

} // namespace

QString PluginsAvailableEndpoint::addSlashes(const QString& text) {
    QString out = text;
    return out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
}

QJsonObject PluginsAvailableEndpoint::liveDataObject(const QUrl& siteUrl, const LiveOptions& live) {
    const QString site = siteUrl.toString();
    return {
        {QStringLiteral("topCopyKeysButtonTitle"), QStringLiteral("Copy Live Keys")},
        {QStringLiteral("hideTopCopyKeysButton"), true},
        {QStringLiteral("button_title"), QStringLiteral("LIVE")},
        {QStringLiteral("server_type"),
         QJsonObject{{QStringLiteral("type"),
                      QJsonObject{{QStringLiteral("0"), QStringLiteral("Public UNDER DEVELOPMENT")},
                                  {QStringLiteral("1"), QStringLiteral("Self Hosted")}}},
                     {QStringLiteral("value"), 1}}},
        {QStringLiteral("server"),
         live.server.isEmpty() ? QStringLiteral("rtmp://%1/live").arg(siteUrl.host()) : live.server},
        {QStringLiteral("playerServer"), live.playerServer.isEmpty()
                                             ? defaultMediaUrl(siteUrl, QStringLiteral("/live"))
                                             : live.playerServer.toString()},
        {QStringLiteral("stats"), live.statUrl.isEmpty() ? defaultMediaUrl(siteUrl, QStringLiteral("/stat"))
                                                         : live.statUrl.toString()},
        {QStringLiteral("restreamerURL"),
         site + QStringLiteral("plugin/Live/standAloneFiles/restreamer.json.php")},
        {QStringLiteral("controlURL"), site + QStringLiteral("plugin/Live/standAloneFiles/control.json.php")},
        {QStringLiteral("controlServer"), QStringLiteral("http://localhost:8080/")},
        {QStringLiteral("disableRestream"), false},
        {QStringLiteral("disableDVR"), false},
        {QStringLiteral("disableGifThumbs"), live.disableGifThumbs},
        {QStringLiteral("disableLiveThumbs"), live.disableLiveThumbs},
        {QStringLiteral("useAadaptiveMode"), false},
        {QStringLiteral("protectLive"), live.protectLive},
        {QStringLiteral("useLiveServers"), false},
        {QStringLiteral("hls_path"), QStringLiteral("/HLS/live")},
        {QStringLiteral("requestStatsTimout"), 4},
        {QStringLiteral("cacheStatsTimout"), 60},
        {QStringLiteral("requestStatsInterval"), 60},
        {QStringLiteral("allowMultipleLivesPerUser"), true},
    };
}

QHttpServerResponse PluginsAvailableEndpoint::serve(const SimRequest& request, const SiteAccounts& accounts,
                                                    const QUrl& siteUrl, const LiveOptions& live) {
    const SimulatedUser* caller = accounts.caller(request);
    if (!caller || !caller->isAdmin)
        return forbiddenPage();
    const QJsonObject liveOptions = liveDataObject(siteUrl, live);
    // What the admin saved (the installer's script saves the whole object), as stored.
    const QString stored = addSlashes(QString::fromUtf8(PhpJson::encode(liveOptions)));
    const QJsonObject empty;
    const QJsonArray rows{
        row(1, QStringLiteral("API"), QStringLiteral("1apicbec-91db-4357-bb10-ee08b0913778"),
            QStringLiteral("Handle APIs for third party Applications"), empty, QStringLiteral("null")),
        row(2, QStringLiteral("Gallery"), QStringLiteral("a06505bf-3570-4b1f-977a-fd0e5cab205d"),
            QStringLiteral("Make the first page works as a gallery"), empty, QStringLiteral("null")),
        row(7, QStringLiteral("Live"), QString::fromLatin1(kLiveUuid),
            QStringLiteral("Broadcast a RTMP video from your computer<br> and receive HLS streaming from "
                           "servers"),
            liveOptions, stored),
    };
    // The script prints the envelope around json_encode()'s rows itself.
    const QByteArray body = "{  \"current\": 1,\"rowCount\": " + QByteArray::number(rows.size()) +
                            ", \"total\": " + QByteArray::number(rows.size()) + ", \"rows\":" +
                            QJsonDocument(rows).toJson(QJsonDocument::Compact).replace("/", "\\/") + "}";
    return PhpJson::raw(body, "application/json");
}

} // namespace avld::test
