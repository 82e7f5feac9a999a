#include "livewatchpage.h"

#include "liveurls.h"
#include "phpjson.h"
#include "simrequest.h"
#include "siteaccounts.h"
#include "sitefaultpages.h"

namespace avld::test {

namespace {

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

} // namespace

QHttpServerResponse LiveWatchPage::serve(const SimRequest& request, const Context& context) {
    // live/{id}/{channel}[/{index}]
    const QStringList parts = request.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool idOk = false;
    const int liveServersId = parts.size() >= 3 ? parts.at(1).toInt(&idOk) : -1;
    const QString channel = parts.size() >= 3 ? parts.at(2) : QString();
    const SimulatedUser* owner = context.accounts ? context.accounts->byName(channel) : nullptr;
    if (!idOk || !owner)
        return SiteFaultPages::loginPage();
    // LiveTransmition::getFromRequest(): the channel owner's key (one row per user).
    for (const SimulatedLive& live : context.lives) {
        if (live.user == owner->user && live.liveServersId == liveServersId)
            return PhpJson::raw(html(live, channel, context), "text/html; charset=UTF-8");
    }
    return SiteFaultPages::loginPage();
}

QByteArray LiveWatchPage::html(const SimulatedLive& live, const QString& channel, const Context& context) {
    const QString site = context.siteUrl.toString();
    // An unset playerServer is getEmptyDataObject()'s default: the site's host, port 8080 (8443 for https).
    const bool https = context.siteUrl.scheme() == QStringLiteral("https");
    const QUrl player = !context.playerServer.isEmpty()
                            ? context.playerServer
                            : QUrl(QStringLiteral("%1://%2:%3/live")
                                       .arg(context.siteUrl.scheme(), context.siteUrl.host(),
                                            https ? QStringLiteral("8443") : QStringLiteral("8080")));
    const QString m3u8 =
        LiveUrls::m3u8(context.siteUrl, player, live.key, live.liveServersId, context.protectLive).toString();
    const QString title = live.title.isEmpty() ? channel : live.title;
    const QString pageUrl = QStringLiteral("%1live/%2/%3").arg(site).arg(live.liveServersId).arg(channel);
    const QString image = QStringLiteral("%1plugin/Live/getImage.php?u=%2&format=jpg").arg(site, channel);
    // Shaped like 11.7's page: head with the Open Graph tags, the navbar, then liveVideo.php's player (its
    // <source> written by string concatenation, so protectLive's "&uuid=" stays a bare "&").
    QString page;
    page +=
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"en_US\">\n    <head>\n        <title>%1 :: Live :: %2</title>\n"
            "        <link href=\"%3node_modules/video.js/dist/video-js.min.css?cache=1646950000\" "
            "rel=\"stylesheet\" type=\"text/css\"/>\n"
            "        <meta property=\"og:url\"                content=\"%4\" />\n"
            "        <meta property=\"og:type\"               content=\"video.other\" />\n"
            "        <meta property=\"og:title\"              content=\"%1 - %2\" />\n"
            "        <meta property=\"og:image\"              content=\"%5\" />\n"
            "        <meta property=\"og:image:width\"        content=\"640\" />\n"
            "        <meta property=\"og:image:height\"       content=\"360\" />\n    </head>\n")
            .arg(escaped(title), escaped(context.webSiteTitle), site, pageUrl, image);
    page += QStringLiteral(
                "    <body class=\"\">\n        <nav class=\"navbar navbar-default navbar-fixed-top\" "
                "id=\"mainNavBar\"><a class=\"navbar-brand\" href=\"%1\">%2</a></nav>\n"
                "        <div class=\"container-fluid principalContainer\" style=\"padding: 0; overflow: "
                "hidden;\" id=\"modeYoutubePrincipal\">\n"
                "                <div class=\"\" id=\"modeYoutubeTop\" >\n"
                "                    <div class=\"col-md-12\">\n")
                .arg(site, escaped(context.webSiteTitle));
    page += QStringLiteral("<link href=\"%1plugin/Live/view/live.css?cache=1646950000\" rel=\"stylesheet\" "
                           "type=\"text/css\"/>\n<!-- Live -->\n"
                           "<div class=\"row main-video\" id=\"mvideo\"><div class=\"embed-responsive "
                           "embed-responsive-16by9\" id=\"videoContainer\">"
                           "<video poster=\"%1plugin/Live/view/OnAir.jpg?1646950000\" controls playsinline "
                           "webkit-playsinline=\"webkit-playsinline\" \n"
                           "                       class=\"embed-responsive-item video-js vjs-default-skin "
                           "vjs-big-play-centered liveVideo vjs-16-9\" \n"
                           "                       id=\"mainVideo\">\n"
                           "                    <source src=\"%2\" type=\"application/x-mpegURL\">\n"
                           "                </video></div></div>\n<!-- Live finish -->\n"
                           "<script>\n$(document).ready(function () {\n    player = videojs('mainVideo', "
                           "{liveui: true, errorDisplay: false});\n});\n</script>\n")
                .arg(site, m3u8);
    page +=
        QStringLiteral("                    </div>\n                </div>\n            <div class=\"row\" "
                       "id=\"modeYoutubeBottom\" style=\"margin: 0;\"><h1 itemprop=\"name\">%1</h1>"
                       "<p>%2</p></div>\n        </div>\n    </body>\n</html>\n")
            .arg(escaped(title), escaped(live.description));
    return page.toUtf8();
}

} // namespace avld::test
