#pragma once

#include "cacheclear.h"
#include "encoderurlpage.h"
#include "logininfo.h"
#include "nginxstat.h"
#include "sitelive.h"
#include "siterequester.h"
#include "sitethumbnail.h"

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
    const SiteProfile& profile() const { return m_requester.profile(); }

    // objects/login.json.php with the plain password (sent only to the site, never kept).
    void login(const QString& user, const QString& password, std::function<void(Result<LoginInfo>)> done);
    // The same with the stored hash AVideo returned earlier (encodedPass=1, §5).
    void loginWithHash(const QString& user, const QString& hash, std::function<void(Result<LoginInfo>)> done);

    // plugin/Live/stats.json.php, falling back to the API plugin's livestreams (§3.1).
    void fetchLives(std::function<void(Result<QList<SiteLive>>)> done);
    void fetchStat(std::function<void(Result<NginxStat>)> done);
    void fetchThumbnail(const QUrl& url, std::function<void(SiteThumbnail)> done);
    void clearCache(CacheClearMode mode, std::function<void(Result<CacheClearReport>)> done);

    // configurations.encoderURL, what AVideo asks for live thumbnails (§1.2 step 8), read from the Site
    // Configurations page; needs an admin session (login first). "not-admin" otherwise.
    void fetchEncoderUrl(std::function<void(Result<QUrl>)> done);

    // What to do in AVideo's admin pages to point the site at `encoderUrl`. Changing it remotely would need
    // objects/configurationUpdate.json.php, which rewrites every site setting from the form it receives and
    // has no way to read them first (§2.1): we will not risk the admin's other settings, so we give the
    // steps.
    QString encoderSwitchSteps(const QUrl& encoderUrl) const;

private:
    void loginWith(const SiteRequester::Form& form, std::function<void(Result<LoginInfo>)> done);

    SiteRequester m_requester;
    const Clock& m_clock;
};

} // namespace avld
