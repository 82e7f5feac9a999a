#include "siteclient.h"

#include "logging.h"
#include "watchpage.h"

#include <QJsonObject>
#include <QTimer>

namespace avld {

SiteClient::SiteClient(QNetworkAccessManager& network, SiteProfile profile, const Clock& clock,
                       QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_requester(network, m_profile, clock, this)
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

void SiteClient::fetchStatus(std::function<void(Result<SiteStatus>)> done) {
    m_requester.getJson(QStringLiteral("objects/status.json.php"), {},
                        [done = std::move(done)](Result<QJsonDocument> json) {
                            done(json ? SiteStatus::fromJson(*json) : Result<SiteStatus>(json.error()));
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
    const QUrl stat = profile().effectiveStatUrl();
    if (stat.isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(mediaServerUnknown(QStringLiteral("nobody said where its stat page is")));
        });
        return;
    }
    m_requester.get(stat.toString(), {}, [done = std::move(done)](Result<SiteReply> reply) {
        if (!reply)
            return done(reply.error());
        done(NginxStat::parse(reply->body));
    });
}

void SiteClient::fetchThumbnail(const QUrl& url, std::function<void(SiteThumbnail)> done) {
    // Any HTTP status: a 500 from getImage.php is what visitors get (a broken image), not a failure of ours.
    m_requester.getAnyStatus(url.toString(), [this, url, done = std::move(done)](Result<SiteReply> reply) {
        const QDateTime now = m_clock.now();
        if (!reply)
            return done(SiteThumbnail::failed(url, reply.error().toString(), now));
        done(SiteThumbnail::fromReply(url, reply->status, reply->contentType, reply->body, now));
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
    m_requester.get(
        QStringLiteral("view/configurations.php"), {}, [done = std::move(done)](Result<SiteReply> reply) {
            // 11.x answers anyone but an admin with its "forbidden" page and HTTP 403.
            if (!reply && reply.error().code == QStringLiteral("permission-denied"))
                return done(Error{QStringLiteral("not-admin"),
                                  QStringLiteral("only an admin can read the site's Encoder URL"),
                                  QStringLiteral("Sign in as an admin, or type the encoder URL on "
                                                 "the Encoders page.")});
            if (!reply)
                return done(reply.error());
            done(encoderUrlFromConfigurationsPage(reply->body));
        });
}

void SiteClient::fetchLivePluginInfo(std::function<void(Result<LivePluginInfo>)> done) {
    m_requester.getJson(
        QString::fromLatin1(LivePluginInfo::kEndpoint), {},
        [this, done = std::move(done)](Result<QJsonDocument> json) {
            if (!json) {
                // 11.x answers anyone but an admin with its "forbidden" HTML page.
                if (json.error().code == QStringLiteral("html-instead-of-json") ||
                    json.error().code == QStringLiteral("permission-denied"))
                    return done(
                        Error{QStringLiteral("not-admin"),
                              QStringLiteral("only an admin can read the Live plugin's options"),
                              QStringLiteral("Sign in as an admin, or give --player-server/--stat.")});
                return done(json.error());
            }
            Result<LivePluginInfo> info = LivePluginInfo::fromPluginsAvailable(*json);
            if (info) {
                MediaServer found = m_profile.found;
                if (info->playerServer.isValid() && !info->playerServer.isEmpty() &&
                    found.playerServerFrom != MediaSource::Site) {
                    found.playerServer = info->playerServer;
                    found.playerServerFrom = MediaSource::Admin;
                }
                if (info->statUrl.isValid() && !info->statUrl.isEmpty()) {
                    found.statUrl = info->statUrl;
                    found.statFrom = MediaSource::Admin;
                }
                m_profile.found = found;
                qCInfo(lcSite).noquote() << "the Live plugin says:" << found.describe();
            }
            done(std::move(info));
        });
}

void SiteClient::fetchWatchPageHls(const QUrl& watchUrl, std::function<void(Result<QUrl>)> done) {
    const auto known = m_watchPages.constFind(watchUrl);
    if (known != m_watchPages.constEnd() && m_clock.monotonicMs() - known->atMs < kWatchPageMemoryMs) {
        QTimer::singleShot(0, this, [hls = known->hls, done = std::move(done)] { done(hls); });
        return;
    }
    m_requester.getBounded(watchUrl.toString(), WatchPage::kMaxBytes,
                           [this, watchUrl, done = std::move(done)](Result<SiteReply> reply) {
                               if (!reply)
                                   return done(reply.error());
                               Result<QUrl> hls = WatchPage::hlsUrl(reply->body, reply->url);
                               if (hls)
                                   m_watchPages.insert(watchUrl, {*hls, m_clock.monotonicMs()});
                               done(std::move(hls));
                           });
}

QString SiteClient::encoderSwitchSteps(const QUrl& encoderUrl) const {
    return encoderSwitchSteps(profile().siteUrl, encoderUrl.toString());
}

QUrl SiteClient::siteConfigurationsUrl(const QUrl& siteUrl) {
    return siteUrl.resolved(QUrl(QStringLiteral("view/configurations.php")));
}

QString SiteClient::encoderSwitchSteps(const QUrl& siteUrl, const QString& encoderUrlText) {
    return tr("1. Log in to %1 as an admin and open Admin → Settings → Site Configurations (%2).\n"
              "2. In \"Encoder URL\", replace the current value with:\n       %3\n"
              "   (keep the trailing slash). Save.\n"
              "3. This URL is also the encoder used by the \"Encode video\" button, unless forceEncoderURL "
              "or the "
              "encoder network overrides it.\n"
              "4. Clear the cache (Admin menu → Clear Cache Directory). This step is part of the fix: "
              "AVideo caches every live image it served, its own ONLINE card included, for 5 minutes "
              "(jpg/png) and 15 minutes (gif/webp); until the clear, visitors keep seeing the card it "
              "cached while the old encoder failed. After the clear it asks the new encoder at once.")
        .arg(siteUrl.toString(), siteConfigurationsUrl(siteUrl).toString(), encoderUrlText);
}

} // namespace avld
