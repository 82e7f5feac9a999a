#pragma once

#include "cacheclearjob.h"
#include "encoderrenew.h"
#include "media/framegrabber.h"
#include "site/sitecheck.h"
#include "site/siteclient.h"
#include "site/sitesignin.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace avld {

class SecretStore;
class Settings;

// What renewing chosen lives on the encoder did.
struct LiveRenewOutcome {
    std::optional<Error>
        error;                // the renew as a whole failed: no encoder address, cancelled, nothing to renew
    QList<LiveRenewal> lives; // one per key asked for, in that order; `renewal.first` holds a live's error
};

// Why the encoder cannot be asked: its address is not known (code "no-encoder-url").
Error encoderUrlUnknown();

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
    // Where a password comes from when no kept sign-in works (a terminal prompt, say). Without one,
    // signInFailed says a password is needed.
    void setPasswordPrompt(std::function<Result<QString>()> prompt) { m_passwordPrompt = std::move(prompt); }
    const std::optional<LoginInfo>& login() const { return m_login; }

    // One check at a time: asking while one runs starts another right after it.
    void refresh();
    bool isRefreshing() const { return m_check != nullptr; }
    // 0 turns the periodic refresh off.
    void setRefreshInterval(int seconds);
    void setCheckOptions(SiteCheckOptions options) { m_checkOptions = options; }
    // Whether a cache clear is followed by a check, so that the tiles show what visitors see now (the
    // default). A one-shot command that prints the clear's own comparison turns it off.
    void setCheckAfterClear(bool check) { m_checkAfterClear = check; }
    const SiteCheckOptions& checkOptions() const { return m_checkOptions; }
    // Takes the refresh interval, grab timeout and User-Agent from `settings`, now and whenever they change.
    void followSettings(const Settings& settings);
    const std::optional<SiteCheckReport>& lastReport() const { return m_lastReport; }

    // Known after an admin signed in, or when set by hand.
    const QUrl& encoderUrl() const { return m_encoderUrl; }
    // Reads the site's Encoder URL now (as an admin), without waiting for a check under way: the answer to
    // "I changed it — check now". Until it differs from the one known now it is read again every 3 s for a
    // minute (the form may not be saved yet); encoderUrlReread tells how it ended. Does nothing unless
    // signed in as an admin.
    void rereadEncoderUrl();
    // While that re-reading goes on.
    bool isRereadingEncoderUrl() const { return m_reread.isValid(); }
    void setEncoderUrl(const QUrl& url);

    // With `renewFirst` and a known encoder URL, the encoder is asked to regenerate every live's image first
    // (and waited for), so the site does not cache the old picture again.
    void clearCaches(CacheClearMode mode, bool renewFirst = false);
    bool isClearing() const { return m_clearing; }

    // Asks the site's encoder to regenerate the images of the lives with these keys (as the newest check
    // lists them; getImage.php with renew=1, §1.5, §4) and waits for the new ones, each request and the wait
    // bounded by the renew options. With `thenClear`, the caches are cleared afterwards (cacheClearStarted,
    // cacheCleared) so the site serves the new images at once. One renew at a time: asking while one runs
    // does nothing. Without a known encoder URL, renewFinished comes at once with encoderUrlUnknown().
    void renewOnEncoder(const QStringList& liveKeys, std::optional<CacheClearMode> thenClear = std::nullopt);
    // Aborts the renew under way; renewFinished comes at once with the error "cancelled".
    void cancelRenew();
    bool isRenewing() const { return m_selectedRenew != nullptr; }
    void setEncoderRenewOptions(const EncoderRenew::Options& options) { m_renewOptions = options; }

Q_SIGNALS:
    void signedIn(const avld::LoginInfo& login);
    // After signedIn, once what the sign-in lets the session read was read: for an admin, the site's
    // Encoder URL (encoderUrlChanged or encoderUrlProblem came before) and the Live plugin's options.
    void opened(const avld::LoginInfo& login);
    void signInFailed(const avld::Error& error);
    // Signed in, but the hash could not be kept: the password is asked again next time.
    void signInNotRemembered(const avld::Error& problem);
    void refreshStarted();
    void reportReady(const avld::SiteCheckReport& report);
    void encoderUrlChanged(const QUrl& url);
    // Why the Encoder URL could not be read (each time). Before giving up, a session the site dropped is
    // renewed once with the hash AVideo returned at sign-in.
    void encoderUrlProblem(const avld::Error& error);
    // The end of rereadEncoderUrl(): the last read, and whether it differs from the URL known before.
    void encoderUrlReread(const avld::Result<QUrl>& last, bool changed);
    // After an admin signed in: the Live plugin's options were read (profile().found) or why not.
    void livePluginRead(const avld::Status& problem);
    void cacheClearStarted();
    void cacheCleared(const avld::CacheClearOutcome& outcome);
    void renewStarted(int total);
    void renewProgress(int done, int total);
    void renewFinished(const avld::LiveRenewOutcome& outcome);

private:
    void startCheck();
    void learnEncoderUrl(std::function<void(const Result<QUrl>&)> then = {}, bool mayRenewSession = true);
    void rereadOnce();
    void finishRenew(LiveRenewOutcome outcome);

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
    QElapsedTimer m_reread; // valid while rereadEncoderUrl() goes on
    QTimer m_rereadTimer;
    QUrl m_urlBeforeReread;
    bool m_clearing = false;
    bool m_checkAfterClear = true;
    std::function<Result<QString>()> m_passwordPrompt;
    std::unique_ptr<EncoderRenew> m_renew;
    EncoderRenew::Options m_renewOptions;
    EncoderRenew* m_selectedRenew = nullptr; // the renew of chosen lives under way
    QStringList m_renewKeys;
    std::optional<CacheClearMode> m_renewThenClear;
};

} // namespace avld
