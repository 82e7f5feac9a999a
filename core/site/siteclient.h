#pragma once

#include "cacheclear.h"
#include "encoderurlpage.h"
#include "liveplugininfo.h"
#include "logininfo.h"
#include "media/sitethumbnail.h"
#include "nginxstat.h"
#include "sitelive.h"
#include "siterequester.h"
#include "sitestatus.h"

#include <QObject>

namespace avld {

// Talks to one AVideo site as the protocol page describes: login, lives, the media server's stat page, the
// thumbnails visitors see, and cache clearing. All calls are asynchronous; each `done` runs once.
class SiteClient : public QObject {
    Q_OBJECT
public:
    SiteClient(QNetworkAccessManager& network, SiteProfile profile, const Clock& clock = Clock::system(),
               QObject* parent = nullptr);

    SiteRequester& requester() { return m_requester; }
    // With what was found about the media server (found), kept for as long as this client lives.
    const SiteProfile& profile() const { return m_profile; }
    void setFoundMediaServer(const MediaServer& found) { m_profile.found = found; }

    // objects/login.json.php with the plain password (sent only to the site, never kept).
    void login(const QString& user, const QString& password, std::function<void(Result<LoginInfo>)> done);
    // The same with the stored hash AVideo returned earlier (encodedPass=1, §5).
    void loginWithHash(const QString& user, const QString& hash, std::function<void(Result<LoginInfo>)> done);

    // objects/status.json.php: the site's AVideo version and title (any visitor may read it).
    void fetchStatus(std::function<void(Result<SiteStatus>)> done);
    // plugin/Live/stats.json.php, falling back to the API plugin's livestreams (§3.1).
    void fetchLives(std::function<void(Result<QList<SiteLive>>)> done);
    // The stat page the user gave or the Live plugin named; "media-server-unknown" when nobody did.
    void fetchStat(std::function<void(Result<NginxStat>)> done);
    void fetchThumbnail(const QUrl& url, std::function<void(SiteThumbnail)> done);
    void clearCache(CacheClearMode mode, std::function<void(Result<CacheClearReport>)> done);

    // configurations.encoderURL, what AVideo asks for live thumbnails (§1.2 step 8), read from the Site
    // Configurations page; needs an admin session (login first). "not-admin" otherwise.
    void fetchEncoderUrl(std::function<void(Result<QUrl>)> done);

    // The Live plugin's `playerServer` and `stats` (§2.2) from objects/pluginsAvailable.json.php; needs an
    // admin session ("not-admin" otherwise). What it finds is kept in profile().found, source Admin (the
    // watch pages' player server, source Site, is not replaced: it is what visitors play).
    void fetchLivePluginInfo(std::function<void(Result<LivePluginInfo>)> done);
    // The HLS URL a live's watch page gives its player, read as any visitor (WatchPage; at most
    // WatchPage::kMaxBytes, the requester's timeout). A URL found is remembered for kWatchPageMemoryMs.
    void fetchWatchPageHls(const QUrl& watchUrl, std::function<void(Result<QUrl>)> done);
    static constexpr qint64 kWatchPageMemoryMs = 5 * 60 * 1000;

    // What to do in AVideo's admin pages to point the site at `encoderUrl`. Changing it remotely would need
    // objects/configurationUpdate.json.php, which rewrites every site setting from the form it receives and
    // has no way to read them first (§2.1): we will not risk the admin's other settings, so we give the
    // steps.
    QString encoderSwitchSteps(const QUrl& encoderUrl) const;
    // The same with the URL as it may be shown (its secret path masked, say).
    static QString encoderSwitchSteps(const QUrl& siteUrl, const QString& encoderUrlText);
    // The site's Admin → Settings → Site Configurations page.
    static QUrl siteConfigurationsUrl(const QUrl& siteUrl);

private:
    void loginWith(const SiteRequester::Form& form, std::function<void(Result<LoginInfo>)> done);

    struct RememberedHls {
        QUrl hls;
        qint64 atMs = 0;
    };

    SiteProfile m_profile;
    SiteRequester m_requester;
    const Clock& m_clock;
    QHash<QUrl, RememberedHls> m_watchPages;
};

} // namespace avld
