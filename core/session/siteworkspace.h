#pragma once

#include "encoders/encodertargetstore.h"
#include "generator/generatorconfig.h"
#include "session/livehistory.h"
#include "session/picturetracker.h"
#include "session/silencetracker.h"
#include "session/siteoverview.h"

#include <QDateTime>
#include <QObject>

#include <memory>
#include <optional>

class QSettings;

namespace avld {

// The last cache clear the tool made for the site, and what it did.
struct CacheClearRecord {
    QDateTime at{};
    bool ok = false;
    int livesChanged = 0;
    QString problem{}; // why it failed
};

// One line of what happened, with when.
struct WorkspaceEvent {
    QDateTime at{};
    QString text{};
};

class EncoderWatch;
class FollowedLivesStore;
class SecretStore;
class Settings;
class SiteSession;
class StandInController;
class StandinIdentityStore;

// Everything the tool does for one site, without a screen: the site session (sign-in, checks, the
// Encoder URL, cache clears), the encoder watch that follows the site's encoder, the stand-in with the
// identity kept for the site, the lives' history and the encoders the admin added. It builds the overview
// the window shows and says what happened; the window only shows it and forwards the admin's actions.
class SiteWorkspace : public QObject {
    Q_OBJECT
public:
    SiteWorkspace(Settings& settings, SiteProfile profile, SecretStore& secrets, QObject* parent = nullptr);
    ~SiteWorkspace() override;

    // Where the encoder history of a site is kept.
    // One history per site, shared by the window, `encoders --site` and `diagnose` (SiteProfile::siteKey()).
    static QString historyPath(const SiteProfile& profile);
    // Where earlier versions kept it; merged into historyPath() when the watch starts.
    static QStringList olderHistoryPaths(const SiteProfile& profile);

    SiteSession& session() { return *m_session; }
    EncoderWatch& encoders() { return *m_watch; }
    StandInController& standIn() { return *m_standIn; }
    const SiteOverview& overview() const { return m_overview; }
    const LiveHistory& history() const { return m_history; }
    // Each live's sound followed across the checks: since when it has been silent.
    const SilenceTracker& silence() const { return m_silence; }
    // Each live's picture followed across the checks: since when it has been still, or black.
    const PictureTracker& pictures() const { return m_pictures; }
    const QString& user() const { return m_user; }
    // The last happened() lines (at most kEventsKept), oldest first: the timeline of a report.
    static constexpr int kEventsKept = 500;
    const QList<WorkspaceEvent>& events() const { return m_events; }
    // Since the workspace opened; nullopt: no clear yet.
    const std::optional<CacheClearRecord>& lastCacheClear() const { return m_lastCacheClear; }
    // Why the last sign-in failed; nullopt once one worked, or when none was tried.
    const std::optional<Error>& signInProblem() const { return m_signInProblem; }
    // Why the site's Encoder URL could not be read the last time it was tried; nullopt once it was read.
    const std::optional<Error>& encoderUrlProblem() const { return m_encoderUrlProblem; }

    // Keeps the encoders the admin adds in `storage` (with the site's profile) and watches the ones kept
    // before. Not for the demo site, which is not saved.
    void keepEncodersIn(QSettings& storage);
    // Keeps each live's followed sound and picture in the file at `path` (FollowedLivesStore::pathFor(), or a
    // test's): the trackers go on from what was kept there (less what is stale), and every check is saved
    // to it, off this thread. Before open(). Not for the demo site.
    void keepFollowedLivesIn(const QString& path);
    // Where they are kept; empty when they are not.
    QString followedLivesPath() const;
    // Until every check so far is written (a command that ends, a test).
    void waitForFollowedLivesSaved();
    // Keeps the stand-in's address and secret for this site (StandinIdentityStore: `storage`, the keychain,
    // else an owner-only file in `fileDirectory`), so that its Encoder URL survives restarts and site
    // switches, and is the one `serve --site` uses. Not for the demo site.
    void keepStandinIn(QSettings& storage, const QString& fileDirectory);
    // Where the stand-in's secret is kept, in words; empty while not known.
    const QString& standinKeptIn() const { return m_standinKeptIn; }
    // The stand-in's configuration from the settings and the site's kept identity.
    const GeneratorConfig& standinDefaults() const { return m_standinDefaults; }

    // Starts watching and checking; signs in when `user` is given (password optional: the kept hash is
    // tried first; passwordNeeded when none works).
    void open(const QString& user, std::optional<QString> password);
    // Starts the encoder watch (with the site's encoder once it is known) without checking the site: what
    // open() does first. For a command that signs in and checks on its own terms.
    void startWatching();
    // The password the admin typed after passwordNeeded.
    void signInWith(const QString& password);

    void startStandIn(const GeneratorConfig& config);
    // Verifies that the site serves the running stand-in's frames (reads the Encoder URL when an admin).
    void verifyStandIn();

    // Whether the site's Encoder URL (as last read) points at the running stand-in.
    bool siteUsesStandIn() const;
    // When the site was seen switching to the stand-in; invalid: not seen.
    const QDateTime& switchedToStandInAt() const { return m_switchedToStandInAt; }
    // The host the stand-in may fetch streams from: the site's media server, else the site's own host.
    QString allowedStreamHost() const;

Q_SIGNALS:
    void overviewChanged(const avld::SiteOverview& overview);
    // A check ended; history, silence and overview already hold it.
    void checked(const avld::SiteCheckReport& report);
    void passwordNeeded();
    void signInFailed(const avld::Error& error);
    // One line for "What happened", in plain words.
    void happened(const QString& text);
    // Something the admin should be told now (also one line of happened()).
    void notice(const QString& title, const QString& message);
    // The site's Encoder URL was just seen pointing at the running stand-in.
    void switchedToStandIn();
    void standInFailed(const avld::Error& error);
    // The kept identity was read while the stand-in is not running: its next start uses these.
    void standinDefaultsChanged(const avld::GeneratorConfig& config);

private:
    void watch(const QList<EncoderTarget>& targets);
    void onReport(const SiteCheckReport& report);
    void onSiteEncoderUrl(const QUrl& url);
    void keepStandinIdentity(); // what the running stand-in uses becomes the site's kept identity
    void publishOverview();
    void say(const QString& title, const QString& message);

    Settings& m_settings;
    SecretStore& m_secrets;
    std::unique_ptr<SiteSession> m_session;
    std::unique_ptr<EncoderWatch> m_watch;
    std::unique_ptr<StandInController> m_standIn;
    std::optional<EncoderTargetStore> m_targetStore;
    std::unique_ptr<StandinIdentityStore> m_identities;
    std::unique_ptr<FollowedLivesStore> m_followedStore;
    SiteOverview m_overview;
    LiveHistory m_history;
    SilenceTracker m_silence;
    PictureTracker m_pictures;
    GeneratorConfig m_standinDefaults;
    QString m_user;
    QString m_keptPrefix;
    QString m_standinKeptIn;
    QDateTime m_switchedToStandInAt;
    QString m_lastEncoderUrlProblem;
    std::optional<Error> m_encoderUrlProblem;
    std::optional<Error> m_signInProblem;
    std::optional<CacheClearRecord> m_lastCacheClear;
    QList<WorkspaceEvent> m_events;
};

} // namespace avld
