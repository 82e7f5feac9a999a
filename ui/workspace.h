#pragma once

#include "encoders/encodertargetstore.h"
#include "generator/generatorconfig.h"
#include "mainwindow.h"
#include "session/livehistory.h"
#include "session/livetile.h"
#include "session/siteoverview.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <memory>

class QInputDialog;
class QMessageBox;
class QSettings;

namespace avld {

class CachePage;
class DashboardPage;
class EncoderWatch;
class EncodersPage;
class GeneratorPage;
class LiveDetailWindow;
class LivePreviewLoader;
class LivesPage;
class SecretStore;
class Settings;
class SiteSession;
class StandInController;
class StandinIdentityStore;
class SwitchStepsDialog;
struct SiteFinding;

// One site open in the window: the session, the encoder watch and the stand-in controller, and the pages
// that show them, wired together. Holds no logic of its own beyond routing: what things mean is in core.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(MainWindow& window, Settings& settings, SiteProfile profile, SecretStore& secrets,
              QObject* parent = nullptr);
    ~Workspace() override;

    // Where the encoder history of a site is kept.
    static QString historyPath(const SiteProfile& profile);

    SiteSession& session() { return *m_session; }
    EncoderWatch& encoders() { return *m_watch; }
    StandInController& standIn() { return *m_standIn; }
    const SiteOverview& overview() const { return m_overview; }

    // Keeps the encoders the admin adds for this site in `storage` (with the site's profile), and watches
    // the ones kept before. Not for the demo site, which is not saved.
    void keepEncodersIn(QSettings& storage);
    // Keeps the stand-in's address and secret for this site (StandinIdentityStore: `storage`, the keychain,
    // else an owner-only file in `fileDirectory`), so that its Encoder URL survives restarts and site
    // switches, and is the one `serve --site` uses. Not for the demo site.
    void keepStandinIn(QSettings& storage, const QString& fileDirectory);
    // Where the stand-in's secret is kept, in words; empty while not known.
    QString standinKeptIn() const { return m_standinKeptIn; }

    // Signs in (password optional: the kept hash is tried first) and starts checking.
    void open(const QString& user, std::optional<QString> password);

    // Whether the site's Encoder URL (as last read) points at this window's running stand-in.
    bool siteUsesStandIn() const;
    // Before something stops the stand-in (`action`: "Stopping it", "Switching to Site B", "Quitting"):
    // true when the site does not use it, else asks the admin (a modal question) and returns the answer.
    bool confirmStandInStop(const QString& action);

    // The dashboard's actions, also reachable from menus and tests.
    void startStandIn();
    // The switch in one place (SwitchStepsDialog): steps, Copy, the Site Configurations page, "I changed it
    // — check now" (re-reads the site's Encoder URL). `caveat`: what to know about that encoder first.
    void showSwitchSteps(const QUrl& encoderUrl, const QString& caveat = {});
    void showLiveDetail(const QString& key);
    // An animated preview of a live for its tile (asked for on hover or selection).
    void showPreview(const QString& key);

Q_SIGNALS:
    void overviewChanged(const avld::SiteOverview& overview);
    void notice(const QString& title, const QString& message);

private:
    void buildPages();
    void onReport(const SiteCheckReport& report);
    void onAction(int action);
    void publishOverview();
    void askPassword();
    void watch(const QList<EncoderTarget>& targets);
    QString allowedStreamHost() const;
    void keepStandinIdentity(); // what the running stand-in uses becomes the site's kept identity
    void onSiteEncoderUrl(const QUrl& url);
    // A line in the dashboard's "What happened".
    void remember(const QString& text);
    // The site's Encoder URL was just seen pointing at the running stand-in: say so, offer the cache clear.
    void onSwitchedToStandIn();

    MainWindow& m_window;
    Settings& m_settings;
    std::unique_ptr<SiteSession> m_session;
    std::unique_ptr<LivePreviewLoader> m_previews; // after the session: it uses the session's network
    std::unique_ptr<EncoderWatch> m_watch;
    std::unique_ptr<StandInController> m_standIn;
    SiteOverview m_overview;
    QList<LiveTile> m_tiles;
    LiveHistory m_history;
    std::unique_ptr<LiveDetailWindow> m_detail;
    DashboardPage* m_dashboard = nullptr;
    LivesPage* m_lives = nullptr;
    EncodersPage* m_encodersPage = nullptr;
    CachePage* m_cache = nullptr;
    GeneratorPage* m_generator = nullptr;
    int m_tileGeneration = 0;
    QString m_user;
    std::unique_ptr<QInputDialog> m_passwordDialog;
    std::optional<EncoderTargetStore> m_targetStore;
    SecretStore& m_secrets;
    std::unique_ptr<StandinIdentityStore> m_identities;
    GeneratorConfig m_generatorDefaults;
    QString m_keptPrefix;
    QString m_standinKeptIn;
    QDateTime m_switchedToStandInAt; // when the site was seen switching to the stand-in; invalid: not seen
    QPointer<QMessageBox> m_switchedNotice;
    QPointer<SwitchStepsDialog> m_switchSteps;
};

} // namespace avld
