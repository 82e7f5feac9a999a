#pragma once

#include "encoders/encoderrenew.h"
#include "media/framegrabber.h"
#include "site/cacheclearjob.h"
#include "site/sitecheck.h"
#include "site/siteclient.h"
#include "site/sitesignin.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace avld {

class SecretStore;

// One site the app works on: signs in, checks its lives (again and again when asked to), learns its encoder
// URL and clears its caches. Everything is asynchronous and runs on the thread the session lives on; the
// heavy parts (decoding, grabbing) already run on worker threads below it.
class SiteSession : public QObject {
    Q_OBJECT
public:
    SiteSession(SiteProfile profile, SecretStore& secrets, QObject* parent = nullptr);
    ~SiteSession() override;

    const SiteProfile& profile() const { return m_client->profile(); }
    SiteClient& client() { return *m_client; }
    FrameGrabber& grabber() { return *m_grabber; }
    QNetworkAccessManager& network() { return m_network; }

    // With `password` empty, the stored hash is tried; when none works, signInFailed says a password is
    // needed (code "password-needed").
    void signIn(const QString& user, std::optional<QString> password);
    const std::optional<LoginInfo>& login() const { return m_login; }

    // One check at a time: asking while one runs starts another right after it.
    void refresh();
    bool isRefreshing() const { return m_check != nullptr; }
    // 0 turns the periodic refresh off.
    void setRefreshInterval(int seconds);
    void setCheckOptions(SiteCheckOptions options) { m_checkOptions = options; }
    const std::optional<SiteCheckReport>& lastReport() const { return m_lastReport; }

    // Known after an admin signed in, or when set by hand.
    const QUrl& encoderUrl() const { return m_encoderUrl; }
    void setEncoderUrl(const QUrl& url);

    // With `renewFirst` and a known encoder URL, the encoder is asked to regenerate every live's image first
    // (and waited for), so the site does not cache the old picture again.
    void clearCaches(CacheClearMode mode, bool renewFirst = false);
    bool isClearing() const { return m_clearing; }

Q_SIGNALS:
    void signedIn(const avld::LoginInfo& login);
    void signInFailed(const avld::Error& error);
    void refreshStarted();
    void reportReady(const avld::SiteCheckReport& report);
    void encoderUrlChanged(const QUrl& url);
    void encoderUrlProblem(const avld::Error& error);
    void cacheClearStarted();
    void cacheCleared(const avld::CacheClearOutcome& outcome);

private:
    void startCheck();
    void learnEncoderUrl();

    QNetworkAccessManager m_network;
    std::unique_ptr<SiteClient> m_client;
    std::unique_ptr<FrameGrabber> m_grabber;
    std::unique_ptr<SiteSignIn> m_signIn;
    std::optional<LoginInfo> m_login;
    SiteCheckOptions m_checkOptions;
    SiteCheck* m_check = nullptr;
    bool m_refreshAgain = false;
    std::optional<SiteCheckReport> m_lastReport;
    QTimer m_refreshTimer;
    QUrl m_encoderUrl;
    bool m_clearing = false;
    std::unique_ptr<EncoderRenew> m_renew;
};

} // namespace avld
