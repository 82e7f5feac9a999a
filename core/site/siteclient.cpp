#include "siteclient.h"

#include "logging.h"

#include <QJsonObject>

namespace avld {

SiteClient::SiteClient(QNetworkAccessManager& network, SiteProfile profile, const Clock& clock,
                       QObject* parent)
    : QObject(parent)
    , m_requester(network, std::move(profile), clock, this)
    , m_clock(clock) {}

void SiteClient::login(const QString& user, const QString& password,
                       std::function<void(Result<LoginInfo>)> done) {
    loginWith({{QStringLiteral("user"), user}, {QStringLiteral("pass"), password}}, std::move(done));
}

void SiteClient::loginWithHash(const QString& user, const QString& hash,
                               std::function<void(Result<LoginInfo>)> done) {
    loginWith({{QStringLiteral("user"), user},
               {QStringLiteral("pass"), hash},
               {QStringLiteral("encodedPass"), QStringLiteral("1")}},
              std::move(done));
}

void SiteClient::loginWith(const SiteRequester::Form& form, std::function<void(Result<LoginInfo>)> done) {
    m_requester.postJson(
        QStringLiteral("objects/login.json.php"), form, [done = std::move(done)](Result<QJsonDocument> json) {
            if (!json)
                return done(json.error());
            Result<LoginInfo> info = LoginInfo::fromJson(json->object());
            if (info)
                qCInfo(lcSite) << "logged in as" << info->user << (info->isAdmin ? "(admin)" : "");
            done(std::move(info));
        });
}

void SiteClient::fetchLives(std::function<void(Result<QList<SiteLive>>)> done) {
    const QUrl site = profile().siteUrl;
    m_requester.getJson(QStringLiteral("plugin/Live/stats.json.php"), {},
                        [this, site, done = std::move(done)](Result<QJsonDocument> json) mutable {
                            if (json) {
                                Result<QList<SiteLive>> lives = parseSiteLives(*json, site);
                                if (lives)
                                    return done(std::move(lives));
                            }
                            // Some versions answer nothing to requests they do not trust, or sit behind a
                            // different route: the API plugin serves the same list (§3.1).
                            QUrlQuery api;
                            api.addQueryItem(QStringLiteral("APIName"), QStringLiteral("livestreams"));
                            const Error first = json ? Error{} : json.error();
                            m_requester.getJson(
                                QStringLiteral("plugin/API/get.json.php"), api,
                                [site, first, done = std::move(done)](Result<QJsonDocument> viaApi) {
                                    if (!viaApi)
                                        return done(first.code.isEmpty() ? viaApi.error() : first);
                                    done(parseSiteLives(*viaApi, site));
                                });
                        });
}

void SiteClient::fetchStat(std::function<void(Result<NginxStat>)> done) {
    m_requester.get(profile().effectiveStatUrl().toString(), {},
                    [done = std::move(done)](Result<SiteReply> reply) {
                        if (!reply)
                            return done(reply.error());
                        done(NginxStat::parse(reply->body));
                    });
}

void SiteClient::fetchThumbnail(const QUrl& url, std::function<void(SiteThumbnail)> done) {
    m_requester.get(url.toString(), {}, [this, url, done = std::move(done)](Result<SiteReply> reply) {
        const QDateTime now = m_clock.now();
        if (!reply)
            return done(SiteThumbnail::failed(url, reply.error().toString(), now));
        done(SiteThumbnail::classify(url, reply->body, now));
    });
}

void SiteClient::clearCache(CacheClearMode mode, std::function<void(Result<CacheClearReport>)> done) {
    SiteRequester::Form form;
    if (mode == CacheClearMode::FirstPage)
        form.append({QStringLiteral("FirstPage"), QStringLiteral("1")});
    if (mode == CacheClearMode::SessionOnly)
        form.append({QStringLiteral("sessionOnly"), QStringLiteral("1")});
    m_requester.postJson(QStringLiteral("objects/configurationClearCache.json.php"), form,
                         [mode, done = std::move(done)](Result<QJsonDocument> json) {
                             if (!json)
                                 return done(json.error());
                             done(CacheClearReport::fromJson(*json, mode));
                         });
}

void SiteClient::fetchEncoderUrl(std::function<void(Result<QUrl>)> done) {
    m_requester.get(QStringLiteral("view/configurations.php"), {},
                    [done = std::move(done)](Result<SiteReply> reply) {
                        if (!reply)
                            return done(reply.error());
                        done(encoderUrlFromConfigurationsPage(reply->body));
                    });
}

QString SiteClient::encoderSwitchSteps(const QUrl& encoderUrl) const {
    const QUrl admin = profile().siteUrl.resolved(QUrl(QStringLiteral("view/configurations.php")));
    return QStringLiteral(
               "1. Log in to %1 as an admin and open Admin → Settings → Site Configurations (%2).\n"
               "2. In \"Encoder URL\", replace the current value with:\n       %3\n"
               "   (keep the trailing slash). Save.\n"
               "3. This URL is also the encoder used by the \"Encode video\" button, unless forceEncoderURL "
               "or the "
               "encoder network overrides it.\n"
               "4. Clear the cache (Admin menu → Clear Cache Directory): AVideo keeps the last real image it "
               "got "
               "from the old encoder for up to 5 minutes (15 for animated ones); after the clear it asks the "
               "new "
               "one at once.")
        .arg(profile().siteUrl.toString(), admin.toString(), encoderUrl.toString());
}

} // namespace avld
